// A URL expression (literal, template, `+` chain) flattened to text with one private-use character standing for
// each part only known at run time, so URL parsing sees where a value lands (user-info, query). Shared by the B.2
// rules that look into URLs (credential-in-url, insecure-transport).
import { ts } from '../../ts';
import { unwrap } from '../../model/syntax';
import type { ValueResolver } from '../../model/values';
import { HOLE_BASE, MAX_HOLES, isHole } from './url-parts';

export interface FlatUrl {
  text: string;
  /** The expression each hole character stands for: hole i is `String.fromCharCode(HOLE_BASE + i)`. */
  holes: ts.Expression[];
}

/** Names of variables that hold a URL or its query (`CRM_BASE`, `apiUrl`, `qs`, `this.endpoint`). */
const URL_NAME = /url|uri|base|endpoint|link|href|qs|query|params/i;

// a class rather than closures: flatten runs for every template and concatenation in the file
class Flattener {
  readonly holes: ts.Expression[] = [];
  /** A literal part so far opened a query string: only a part after one may hold its parameters. */
  private inQuery = false;
  constructor(private readonly values: ValueResolver) {}

  private hole(e: ts.Expression): string {
    if (this.holes.length >= MAX_HOLES) return '';
    this.holes.push(e);
    return String.fromCharCode(HOLE_BASE + this.holes.length - 1);
  }

  walk(node: ts.Expression, depth: number): string {
    const e = unwrap(node);
    if (ts.isStringLiteralLike(e)) {
      if (e.text.includes('?')) this.inQuery = true;
      return e.text;
    }
    if (depth > 40) return this.hole(e);
    if (ts.isTemplateExpression(e)) {
      let text = e.head.text;
      for (const s of e.templateSpans) text += this.part(s.expression, depth + 1) + s.literal.text;
      return text;
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return this.walk(e.left, depth + 1) + this.walk(e.right, depth + 1);
    return this.part(e, depth + 1);
  }

  private part(e: ts.Expression, depth: number): string {
    const inner = unwrap(e);
    if (ts.isStringLiteralLike(inner) || ts.isTemplateExpression(inner) || (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken)) return this.walk(inner, depth);
    const s = this.values.string(inner);
    if (s?.exact) return s.text;
    // `const qs = 'access_token=' + token; fetch(base + '?' + qs)`: a part built elsewhere is flattened as written
    // (looked up only after a `?` or for a name that says it holds a URL: most holes of most URLs are ids and paths)
    const named = ts.isIdentifier(inner) ? inner.text : ts.isPropertyAccessExpression(inner) ? inner.name.text : undefined;
    const held = named !== undefined && (this.inQuery || URL_NAME.test(named)) ? this.values.heldExpression(inner) : undefined;
    const h = held && unwrap(held);
    if (h && (ts.isTemplateExpression(h) || (ts.isBinaryExpression(h) && h.operatorToken.kind === ts.SyntaxKind.PlusToken))) return this.walk(h, depth + 4);
    return this.hole(inner);
  }
}

export function flattenUrl(values: ValueResolver, root: ts.Expression): FlatUrl | undefined {
  const f = new Flattener(values);
  const text = f.walk(root, 0);
  return text.length > 100_000 ? undefined : { text, holes: f.holes };
}

/** The expressions behind the hole characters of a part of a flattened text. */
export function holesIn(flat: FlatUrl, part: string): ts.Expression[] {
  const out: ts.Expression[] = [];
  for (const c of part) {
    const i = c.charCodeAt(0) - HOLE_BASE;
    if (i >= 0 && i < flat.holes.length) out.push(flat.holes[i]!);
  }
  return out;
}

/** The outermost string expression is the URL; its parts (concatenated pieces, template holes) are not. */
export function isPartOfLargerString(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken) return true;
  if (ts.isTemplateSpan(p)) return true;
  return ts.isParenthesizedExpression(p) && isPartOfLargerString(p);
}

/** `name=value` pairs of a URL's query and fragment (names without their holes). */
export function queryPairs(url: string, queryStart: number): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  if (queryStart < 0) return out;
  for (const segment of url.slice(queryStart).split(/[&#;?]/)) {
    const eq = segment.indexOf('=');
    if (eq <= 0) continue;
    const name = [...segment.slice(0, eq)].filter((c) => !isHole(c)).join('');
    out.push({ name, value: segment.slice(eq + 1) });
  }
  return out;
}
