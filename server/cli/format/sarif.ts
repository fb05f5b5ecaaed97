import type { RunResult } from '../../../rules/src/engine';
import { BUILTIN_RULES, docsUrl } from '../../../rules/src/docs';
import { readRuleDoc } from '../../../rules/src/node/rule-docs';
import type { Rule } from '../../../rules/src/rule';
import type { Finding } from '../../../rules/src/types';
import { pathToFileURL } from 'node:url';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  helpUri?: string;
  help?: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties: Record<string, unknown>;
}

/** SARIF 2.1.0: one run, every enabled rule described, results with fixes, suppressions and fingerprints. */
export function formatSarif(result: RunResult, rules: readonly Rule[], opts: { version: string; root: string; relative: (p: string) => string; docsBase?: string; findings: Finding[] }): string {
  const driverRules: SarifRule[] = rules.map((r) => {
    const doc = readRuleDoc(r);
    const props: Record<string, unknown> = { clauses: r.meta.clauses, tags: [...r.meta.clauses, 'web1on1-policy'] };
    if (r.meta.securitySeverity !== undefined) props['security-severity'] = r.meta.securitySeverity.toFixed(1);
    const helpUri = docsUrl(r, opts.docsBase);
    return {
      id: r.meta.id,
      shortDescription: { text: r.meta.description },
      helpUri,
      help: { text: `${r.meta.description} See ${helpUri}`, markdown: doc ?? `${r.meta.description}\n\n[Documentation](${helpUri})` },
      defaultConfiguration: { level: LEVEL[r.meta.severity] },
      properties: props,
    };
  });
  for (const [id, b] of Object.entries(BUILTIN_RULES)) {
    driverRules.push({ id, shortDescription: { text: b.description }, defaultConfiguration: { level: LEVEL[b.severity] }, properties: { clauses: b.clauses, tags: b.clauses } });
  }
  const index = new Map(driverRules.map((r, i) => [r.id, i]));
  const results = opts.findings.map((f) => {
    const uri = opts.relative(f.file);
    const res: Record<string, unknown> = {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId) ?? -1,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 } } }],
      partialFingerprints: { 'policyLens/v1': f.fingerprint ?? '' },
      properties: { clauses: f.clauses, ...(f.pointer !== undefined ? { jsonPointer: f.pointer } : {}) },
    };
    if (res['ruleIndex'] === -1) delete res['ruleIndex'];
    if (f.fixes.length) {
      res['fixes'] = f.fixes.map((fix) => {
        const byFile = new Map<string, { deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }[]>();
        for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), { deletedRegion: { charOffset: e.start, charLength: e.end - e.start }, insertedContent: { text: e.newText } }]);
        return { description: { text: fix.description }, artifactChanges: [...byFile].map(([file, replacements]) => ({ artifactLocation: { uri: opts.relative(file), uriBaseId: '%SRCROOT%' }, replacements })) };
      });
    }
    if (f.suppression) res['suppressions'] = [{ kind: f.suppression.kind, justification: f.suppression.justification, ...(f.suppression.location ? { location: { physicalLocation: { artifactLocation: { uri: opts.relative(f.suppression.location.file), uriBaseId: '%SRCROOT%' }, region: { startLine: f.suppression.location.line } } } } : {}) }];
    return res;
  });
  const notifications = result.notices.map((n) => ({
    level: n.kind === 'internal-error' ? 'error' : 'warning',
    message: { text: n.message },
    ...(n.ruleId ? { associatedRule: { id: n.ruleId } } : {}),
    locations: [{ physicalLocation: { artifactLocation: { uri: opts.relative(n.file), uriBaseId: '%SRCROOT%' } } }],
  }));
  const rootUri = pathToFileURL(opts.root.endsWith('/') ? opts.root : opts.root + '/').href;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Policy Lens', semanticVersion: opts.version, version: opts.version, informationUri: 'https://github.com/policy-lens/policy-lens', rules: driverRules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
