import { ts } from '../../src/ts';

/**
 * Nodes of one file in document order, for "is one of them inside this subtree?": a binary search over
 * positions and a short climb up the parents instead of a walk over the subtree (an outer initializer
 * holds a whole handler, and the rule asks for every initializer).
 */
export class NodesByPosition {
  /** `nodes` must be in document order. */
  constructor(private readonly nodes: readonly ts.Node[]) {}

  /** Whether `root` or one of its descendants is in the set. */
  someWithin(root: ts.Node): boolean {
    const nodes = this.nodes;
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (nodes[mid]!.pos < root.pos) lo = mid + 1;
      else hi = mid;
    }
    // a range says "maybe": a zero-width node at the edge, or a parent with the same range, is no descendant
    for (let i = lo; i < nodes.length && nodes[i]!.pos <= root.end; i++) if (isWithin(nodes[i]!, root)) return true;
    return false;
  }
}

function isWithin(node: ts.Node, root: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (n === root) return true;
    if (n.pos < root.pos || n.end > root.end) return false;
  }
  return false;
}

/**
 * Offsets in a file's text where an identifier of a watched name may start. A subtree whose range holds
 * none has no such identifier, so a search for them follows only the few paths that lead to one.
 */
export class NameSites {
  private offsets: number[];
  private readonly names = new Set<string>();
  private stack: ts.Node[] = [];
  private readonly pushIfSite = (c: ts.Node): void => {
    if (this.within(c.pos, c.end)) this.stack.push(c);
  };

  constructor(private readonly text: string) {
    // an escape can spell any name (`t\u0065xt` is `text`)
    this.offsets = [];
    for (let i = text.indexOf('\\u'); i >= 0; i = text.indexOf('\\u', i + 1)) this.offsets.push(i);
  }

  watch(name: string): void {
    if (this.names.has(name)) return;
    this.names.add(name);
    const text = this.text;
    const more: number[] = [];
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      // inside a longer name: that identifier is another one
      if (!isNameChar(text.charCodeAt(i + name.length)) && !continuesName(text, i)) more.push(i);
    }
    if (more.length) this.offsets = merge(this.offsets, more);
  }

  /** Whether an offset lies in [from, to). */
  within(from: number, to: number): boolean {
    const offsets = this.offsets;
    let lo = 0;
    let hi = offsets.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (offsets[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < offsets.length && offsets[lo]! < to;
  }

  /** Whether `pred` accepts an identifier at a site inside `root` (`root` included). */
  someIdentifier(root: ts.Node, pred: (id: ts.Identifier) => boolean): boolean {
    if (!this.within(root.pos, root.end)) return false;
    const outer = this.stack;
    const stack = (this.stack = [root]);
    try {
      while (stack.length) {
        const n = stack.pop()!;
        if (n.kind === ts.SyntaxKind.Identifier) {
          if (pred(n as ts.Identifier)) return true;
          continue;
        }
        ts.forEachChild(n, this.pushIfSite);
      }
      return false;
    } finally {
      this.stack = outer;
    }
  }
}

/**
 * Whether the character before `at` belongs to the same identifier. A run of name characters that starts
 * with a digit or follows a `.` may end a number (`1text`, `1.e5text` scan as two tokens): that one does not.
 */
function continuesName(text: string, at: number): boolean {
  let i = at - 1;
  if (!isNameChar(text.charCodeAt(i))) return false;
  while (i > 0 && isNameChar(text.charCodeAt(i - 1))) i--;
  const first = text.charCodeAt(i);
  return (first < 48 || first > 57) && text.charCodeAt(i - 1) !== 46;
}

/** ASCII letters, digits, `_` and `$`: other characters are left for the tree to judge. */
function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36;
}

function merge(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]! <= b[j]! ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

let childSink: ts.Node[] = [];
function pushChild(c: ts.Node): void {
  childSink.push(c);
}

/**
 * Depth-first search of a subtree, last child first; stops at the first node the predicate accepts.
 * (No callback is created per search: `childSink` is pointed at this search's stack before each
 * `forEachChild`, since the predicate may itself search.)
 */
export function someNode(node: ts.Node, pred: (n: ts.Node) => boolean): boolean {
  const stack: ts.Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (pred(n)) return true;
    childSink = stack;
    ts.forEachChild(n, pushChild);
  }
  return false;
}
