// Calling a rule's node visitors over the nodes the file model collected. This runs for every rule on every
// keystroke, so it reads as little of each node as it can: reading `node.kind` of TypeScript's many node
// shapes is a megamorphic property load, and a 5,000-line file has ~10,000 dispatched nodes per rule that
// listens to several kinds. Each node's kind is therefore read once per file into a typed array, and a
// listener of one kind walks the model's list of that kind without looking at kinds at all.
import { OverBudget, VISITS_PER_CLOCK_CHECK } from '../budget';
import type { FileModel } from '../model/file-model';
import { ts } from '../ts';
import type { CodeRuleListener, NodeVisitor } from '../types';

/** Nodes in document order; `kinds[i]` is `nodes[i].kind`, or `kinds` is absent when all are of one kind. */
export interface NodeRun {
  nodes: readonly ts.Node[];
  kinds: Uint16Array | undefined;
}

/** The file's nodes, shared by its listeners: per kind, and the whole dispatch order with its kinds. */
export class DispatchNodes {
  private order: NodeRun | undefined;

  constructor(private readonly model: FileModel) {}

  /** What a listener of `kinds` walks: the list of its one kind, else the dispatch order (the rest skipped). */
  forKinds(kinds: readonly ts.SyntaxKind[]): NodeRun {
    if (kinds.length === 0) return { nodes: [], kinds: undefined };
    if (kinds.length === 1) return { nodes: this.model.nodes(kinds[0]!), kinds: undefined };
    if (!this.order) {
      const nodes = this.model.dispatchOrder;
      const k = new Uint16Array(nodes.length);
      for (let i = 0; i < nodes.length; i++) k[i] = nodes[i]!.kind;
      this.order = { nodes, kinds: k };
    }
    return this.order;
  }
}

/** Slots of a visitor table: one per SyntaxKind, so a lookup is an index into a packed array. */
const KIND_SLOTS = ts.SyntaxKind.Count;

/**
 * A slice of a run to visit: indexes [from, to), and when `end` is set only nodes that end by it (the
 * statements an edit changed, for a statement-local rule).
 */
export interface RunSlice {
  from: number;
  to: number;
  end?: number;
}

/**
 * Calls `listener`'s visitors (for `kinds`) on the nodes of `run` in `slices` (the whole run unless given),
 * in document order, looking at the clock every few visits: past `deadline` it throws OverBudget, at the
 * next node.
 */
export function dispatch(run: NodeRun, listener: CodeRuleListener, kinds: readonly ts.SyntaxKind[], slices: readonly RunSlice[] | undefined, deadline: number, budgetMs: number, now: () => number): void {
  const { nodes, kinds: kindAt } = run;
  if (nodes.length === 0) return;
  // one kind: every node of the run is of it. Several: a packed table by kind (filled before use: a table
  // set only at a few high indexes would be a dictionary)
  const only = kindAt === undefined ? listener[kinds[0]!] : undefined;
  let table: (NodeVisitor | undefined)[] | undefined;
  if (kindAt !== undefined) {
    table = new Array<NodeVisitor | undefined>(KIND_SLOTS).fill(undefined);
    for (const kind of kinds) table[kind] = listener[kind];
  }
  let untilClockCheck = VISITS_PER_CLOCK_CHECK;
  for (const { from, to, end } of slices ?? [{ from: 0, to: nodes.length }]) {
    for (let i = from; i < to; i++) {
      const visit = only ?? table![kindAt![i]!];
      if (visit === undefined) continue;
      const node = nodes[i]!;
      if (end !== undefined && node.end > end) continue;
      visit(node);
      if (--untilClockCheck === 0) {
        untilClockCheck = VISITS_PER_CLOCK_CHECK;
        if (now() > deadline) throw new OverBudget(budgetMs);
      }
    }
  }
}

/**
 * The slices of `nodes` (in document order: non-decreasing `pos`) that lie inside one of `spans` ([pos, end),
 * in order, not overlapping): found by binary search, so a run is never copied.
 */
export function slicesInside(nodes: readonly ts.Node[], spans: readonly [number, number][]): RunSlice[] {
  const out: RunSlice[] = [];
  for (const [pos, end] of spans) {
    const from = firstAtOrAfter(nodes, pos, 0);
    const to = firstAtOrAfter(nodes, end, from);
    if (from < to) out.push({ from, to, end });
  }
  return out;
}

function firstAtOrAfter(nodes: readonly ts.Node[], pos: number, lo: number): number {
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid]!.pos < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
