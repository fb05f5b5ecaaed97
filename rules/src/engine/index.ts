// The engine's public face: the Engine and the shapes of what it takes and returns.
export { Engine } from './engine';
export { INVALID_SUPPRESSION_ID, RunCancelled } from './types';
export type { Binding, Exemption, PortableResult, ProjectInput, QuickResult, RuleError, RunResult } from './types';
