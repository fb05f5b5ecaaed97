/**
 * Time limits of one file's analysis: one slow rule, or a file shaped to be slow (a 37,500-term `'a' + 'a' + …`
 * line), must not hold up every other finding and every editor request behind it.
 */
export interface AnalysisBudget {
  /** One code rule on one file (its visitors and onEnd), or one app rule on one app. */
  ruleMs: number;
  /** Building one file's model: the walk, the SDK/HTTP/personal-data models and the facts. */
  modelMs: number;
  /** One file in all: once spent, the rules not yet run on the file are skipped. */
  fileMs: number;
}

export const DEFAULT_BUDGET: AnalysisBudget = { ruleMs: 1500, modelMs: 5000, fileMs: 10000 };

/**
 * The budgets hold for files up to this size; a bigger file gets them in proportion (a 1 MiB file four times
 * as much): honest work grows with the text, and the clock is wall time on a machine that may be busy.
 */
export const BUDGET_SIZE_UNIT = 256 * 1024;

/** The budget for a text of `chars` characters. */
export function budgetFor(budget: AnalysisBudget, chars: number): AnalysisBudget {
  const scale = Math.max(1, chars / BUDGET_SIZE_UNIT);
  return { ruleMs: budget.ruleMs * scale, modelMs: budget.modelMs * scale, fileMs: budget.fileMs * scale };
}

/** A rule's visits between two looks at the clock: often enough to stop within a few ms, rare enough to cost nothing. */
export const VISITS_PER_CLOCK_CHECK = 64;

/** Thrown where a budget ran out; the engine turns it into a notice, never a crash. */
export class OverBudget extends Error {
  constructor(readonly ms: number) {
    super(`took longer than ${Math.round(ms)} ms`);
  }
}
