// Everything that needs the engine (and so TypeScript via ts-morph, ~200 ms to load). main.ts loads
// this lazily, right after answering `initialize`, so editors get their answer in well under 400 ms.
export { allRules } from '../../rules/index';
export { RunCancelled } from '../../rules/src/engine';
export { codeActions } from './code-actions';
export { toDiagnostic } from './diagnostics';
export { hover } from './hover';
export { manifestCompletions } from './manifest-completion';
export { manifestState } from './manifest-state';
export { complianceMarkdown } from './report';
export { complianceReportText, runDate } from '../shared/compliance-report';
export { listing } from './listing/handler';
export { ruleInfo } from './rule-info';
export { appScopes } from './scopes';
export { Workspace } from './workspace';
export { initialManifestForFolder } from '../../rules/src/manifest/initial-manifest';
export { indexInWorker, indexWorkerScript, serveIndexRequest } from './indexing';
