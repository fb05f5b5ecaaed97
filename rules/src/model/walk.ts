import { ts } from '../ts';
import { isIncrementalTree } from '../parse';
import { OverBudget } from '../budget';

const LAST_TOKEN = ts.SyntaxKind.LastToken;
const FIRST_STATEMENT = ts.SyntaxKind.FirstStatement;
const LAST_STATEMENT = ts.SyntaxKind.LastStatement;
/** Statements whose subtree is smaller than this are walked again: a replay would cost about as much. */
const MIN_REMEMBERED_NODES = 16;

/** The nodes one statement's subtree contributed to the walk, for one set of collected kinds. */
interface Remembered {
  kinds: object;
  collected: ts.Node[];
}

/**
 * Subtrees an incremental re-parse took over unchanged are the same node objects with the same children
 * (TypeScript only shifts their positions and re-links their parents), so what the last walk collected
 * in them is what walking them again would collect. Weak: an entry lives exactly as long as its tree.
 */
const remembered = new WeakMap<ts.Node, Remembered>();
const kindSetTokens = new Map<string, object>();

/** What the walk collects, looked up by kind (typed arrays and plain arrays: no Set or Map per node). */
export interface WalkTargets {
  /** The list each kind is collected into (undefined: not collected). */
  lists: (ts.Node[] | undefined)[];
  /** 1 for kinds that also go into the dispatch order. */
  dispatched: Uint8Array;
  dispatchOrder: ts.Node[];
  /** The time (by `now`, the engine's clock) after which the walk gives up (OverBudget), looked at every few thousand nodes. */
  deadline?: { at: number; ms: number; now: () => number };
}

const NODES_PER_CLOCK_CHECK = 4096;

/**
 * Iterative pre-order walk (deep left-nested expressions must not overflow the stack) that links every
 * child to its parent and collects nodes by kind in document order. On a tree from an incremental
 * re-parse it replays what earlier walks collected in statements the re-parse reused.
 */
export function walkFile(sourceFile: ts.SourceFile, targets: WalkTargets): void {
  const { lists, dispatched, dispatchOrder, deadline } = targets;
  let sinceClockCheck = 0;
  const incremental = isIncrementalTree(sourceFile);
  const kinds = incremental ? kindSetToken(lists, dispatched) : undefined;
  // every collected node in walk order, and the statements still being walked: [node, stack height, start, visited]
  const collected: ts.Node[] = [];
  const open: [ts.Node, number, number, number][] = [];
  let visited = 0;
  const stack: ts.Node[] = [sourceFile];
  let current: ts.Node = sourceFile;
  const push = (n: ts.Node) => {
    // the parser ran without setParentNodes: this walk is the one pass that links children to parents
    (n as { parent: ts.Node }).parent = current;
    stack.push(n);
  };
  while (stack.length) {
    if (kinds) closeFinished(open, stack.length, collected, visited, kinds);
    const node = stack.pop()!;
    const kind = node.kind;
    if (kinds && ((kind >= FIRST_STATEMENT && kind <= LAST_STATEMENT) || kind === ts.SyntaxKind.FunctionDeclaration || kind === ts.SyntaxKind.ClassDeclaration)) {
      const known = remembered.get(node);
      if (known !== undefined && known.kinds === kinds) {
        for (const n of known.collected) {
          const k = n.kind;
          const list = lists[k];
          if (list !== undefined) list.push(n);
          if (dispatched[k] === 1) dispatchOrder.push(n);
          collected.push(n);
        }
        visited += known.collected.length; // so an enclosing statement counts as big enough to remember
        continue;
      }
      open.push([node, stack.length, collected.length, visited]);
    }
    visited++;
    if (deadline && ++sinceClockCheck === NODES_PER_CLOCK_CHECK) {
      sinceClockCheck = 0;
      if (deadline.now() > deadline.at) throw new OverBudget(deadline.ms);
    }
    const list = lists[kind];
    if (list !== undefined) list.push(node);
    if (dispatched[kind] === 1) dispatchOrder.push(node);
    if (kinds && (list !== undefined || dispatched[kind] === 1)) collected.push(node);
    // tokens and identifiers have no children (forEachChild returns on them too, after a call)
    if (kind <= LAST_TOKEN) continue;
    const first = stack.length;
    current = node;
    ts.forEachChild(node, push);
    // children arrive in document order: reversed in place so the first is popped first
    for (let i = first, j = stack.length - 1; i < j; i++, j--) {
      const t = stack[i]!;
      stack[i] = stack[j]!;
      stack[j] = t;
    }
  }
  if (kinds) closeFinished(open, 0, collected, visited, kinds);
}

/** Remembers the statements whose subtree the walk has left (the stack is back to their height). */
function closeFinished(open: [ts.Node, number, number, number][], height: number, collected: ts.Node[], visited: number, kinds: object): void {
  while (open.length && open[open.length - 1]![1] >= height) {
    const [node, , start, visitedBefore] = open.pop()!;
    if (visited - visitedBefore >= MIN_REMEMBERED_NODES) remembered.set(node, { kinds, collected: collected.slice(start) });
  }
}

/** One object per distinct configuration of collected and dispatched kinds. */
function kindSetToken(lists: (ts.Node[] | undefined)[], dispatched: Uint8Array): object {
  let key = '';
  for (let k = 0; k < lists.length; k++) if (lists[k] !== undefined || dispatched[k] === 1) key += `${k}:${lists[k] !== undefined ? 1 : 0}${dispatched[k]},`;
  let token = kindSetTokens.get(key);
  if (!token) kindSetTokens.set(key, (token = {}));
  return token;
}
