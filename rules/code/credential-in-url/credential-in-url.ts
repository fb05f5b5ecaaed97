import { ts } from '../../src/ts';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import { objectProperty, propertyName, unwrap } from '../../src/model/syntax';
import { credentialSource } from '../../src/lexicon/credentials/credential-source';
import { credentialKind, credentialShape, isHighEntropy, isPasswordShaped, isPlaceholder, jwtIn, mask, providerMatch } from '../../src/lexicon/credentials/secret-shape';
import { HOLE_BASE, isHole, MAX_HOLES, queryStart, urlSpans, userinfoOf } from '../../src/lexicon/credentials/url-parts';

/** A URL expression flattened: text with one private-use character standing for each unknown part. */
interface Flat { text: string; holes: ts.Expression[] }


export default createCodeRule({
  meta: {
    id: 'credential-in-url',
    target: 'code',
    description: 'Tokens, API keys and passwords put into URLs (query parameters or user:password@), where logs, browser history and Referer headers keep them.',
    clauses: ['B.2'],
    severity: 'error',
    securitySeverity: 7.5,
    fixable: false,
    messages: {
      literal: 'Credential in a URL ({{param}}={{masked}}): URLs end up in server logs, browser history and Referer headers, and with the link in whoever receives it',
      source: '{{source}} is put into a URL ({{param}}=…): URLs end up in server logs, browser history and Referer headers; send it in an Authorization header instead',
      userinfo: 'Password in the user:password@ part of a URL ({{masked}}): anyone who reads the code or a log line with this URL can use it',
    },
  },
  create(context) {
    const visitUrlExpression = (node: ts.Node) => {
      if (isPartOfLargerString(node)) return;
      // most literals are plain words: without = or @ no URL in them can carry a credential (what flatten would find too)
      if (ts.isStringLiteralLike(node) && !node.text.includes('=') && !node.text.includes('@')) return;
      const flat = flatten(context, node as ts.Expression);
      if (!flat || !flat.text.includes('=') && !flat.text.includes('@')) return;
      for (const { url } of urlSpans(flat.text)) {
        const problem = userinfoProblem(url) ?? queryProblem(context, url, flat);
        if (problem) {
          context.report({ messageId: problem.messageId, data: problem.data, start: node.getStart(context.sourceFile), end: node.getEnd(), severity: context.isTestFile ? 'info' : undefined });
          return;
        }
      }
    };
    return {
      [ts.SyntaxKind.StringLiteral]: visitUrlExpression,
      [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: visitUrlExpression,
      [ts.SyntaxKind.TemplateExpression]: visitUrlExpression,
      [ts.SyntaxKind.BinaryExpression]: (node) => {
        if ((node as ts.BinaryExpression).operatorToken.kind === ts.SyntaxKind.PlusToken) visitUrlExpression(node);
      },
      [ts.SyntaxKind.CallExpression](node) {
        // url.searchParams.set('token', …) / .append(…)
        const call = node as ts.CallExpression;
        const callee = unwrap(call.expression);
        if (!ts.isPropertyAccessExpression(callee) || !['set', 'append'].includes(callee.name.text)) return;
        const target = unwrap(callee.expression);
        if (!ts.isPropertyAccessExpression(target) || target.name.text !== 'searchParams') return;
        const [name, value] = call.arguments;
        if (!name || !value || !ts.isStringLiteralLike(name)) return;
        const problem = paramProblem(context, name.text, value);
        if (problem) context.report({ messageId: problem.messageId, data: problem.data, start: call.getStart(context.sourceFile), end: call.getEnd(), severity: context.isTestFile ? 'info' : undefined });
      },
      onEnd() {
        // axios `params: {…}` / got `searchParams: {…}` become the query string of the request
        for (const c of context.model.http.calls) {
          const opts = context.model.values.objectLiteral(c.options);
          const params = opts ? context.model.values.objectLiteral(objectProperty(opts, 'params') ?? objectProperty(opts, 'searchParams')) : undefined;
          if (!params) continue;
          for (const p of params.properties) {
            const name = ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) ? propertyName(p.name) : undefined;
            const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
            if (!name || !value) continue;
            const problem = paramProblem(context, name, value);
            if (problem) context.report({ messageId: problem.messageId, data: problem.data, start: p.getStart(context.sourceFile), end: p.getEnd(), severity: context.isTestFile ? 'info' : undefined });
          }
        }
      },
    };
  },
});

type Problem = { messageId: string; data: Record<string, string> };

/** The outermost string expression reports; its parts (concatenated pieces, template holes) do not. */
function isPartOfLargerString(node: ts.Node): boolean {
  const p = node.parent;
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.PlusToken) return true;
  if (ts.isTemplateSpan(p)) return true;
  return ts.isParenthesizedExpression(p) && isPartOfLargerString(p);
}

// a class rather than closures: flatten runs for every template and concatenation in the file
class Flattener {
  readonly holes: ts.Expression[] = [];
  constructor(private readonly context: CodeRuleContext) {}

  private hole(e: ts.Expression): string {
    if (this.holes.length >= MAX_HOLES) return '';
    this.holes.push(e);
    return String.fromCharCode(HOLE_BASE + this.holes.length - 1);
  }

  walk(node: ts.Expression, depth: number): string {
    const e = unwrap(node);
    if (ts.isStringLiteralLike(e)) return e.text;
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
    const s = this.context.model.values.string(inner);
    return s?.exact ? s.text : this.hole(inner);
  }
}

function flatten(context: CodeRuleContext, root: ts.Expression): Flat | undefined {
  const f = new Flattener(context);
  const text = f.walk(root, 0);
  return text.length > 100_000 ? undefined : { text, holes: f.holes };
}

/** `scheme://user:password@host` with a literal password (secretlint basicauth's test: 4+ chars, not a placeholder). */
function userinfoProblem(url: string): Problem | undefined {
  const info = userinfoOf(url);
  if (!info) return undefined;
  const password = info.slice(info.indexOf(':') + 1);
  if (password.length < 4 || [...password].some(isHole) || isPlaceholder(safeDecode(password))) return undefined;
  return { messageId: 'userinfo', data: { masked: mask(password) } };
}

function queryProblem(context: CodeRuleContext, url: string, flat: Flat): Problem | undefined {
  const q = queryStart(url);
  if (q < 0) return undefined;
  for (const segment of url.slice(q).split(/[&#;?]/)) {
    const eq = segment.indexOf('=');
    if (eq <= 0) continue;
    const name = [...segment.slice(0, eq)].filter((c) => !isHole(c)).join('');
    const value = segment.slice(eq + 1);
    const holes = [...value].filter(isHole).map((c) => flat.holes[c.charCodeAt(0) - HOLE_BASE]!);
    const problem = holes.length ? holeProblem(context, name, holes) : literalProblem(name, safeDecode(value));
    if (problem) return problem;
  }
  return undefined;
}

function paramProblem(context: CodeRuleContext, name: string, value: ts.Expression): Problem | undefined {
  const s = context.model.values.string(value);
  return s?.exact ? literalProblem(name, s.text) : holeProblem(context, name, [value]);
}

/** Interpolated values: flag secret env vars and the SDK's auth state (not bare `key=`, Maps-style keys). */
function holeProblem(context: CodeRuleContext, name: string, holes: ts.Expression[]): Problem | undefined {
  const kind = credentialKind(name);
  if (!kind) return undefined;
  for (const h of holes) {
    const source = credentialSource(context.model, h);
    if (source) return { messageId: 'source', data: { source, param: name } };
  }
  return undefined;
}

/** Literal values: provider keys and JWTs under any name; credential-named params with a credential-shaped value. */
function literalProblem(name: string, value: string): Problem | undefined {
  if (!value || isPlaceholder(value, name)) return undefined;
  const found = providerMatch(value)?.value ?? jwtIn(value);
  if (found) return { messageId: 'literal', data: { param: name, masked: mask(found) } };
  const kind = name.toLowerCase() === 'key' ? 'key' : credentialKind(name);
  if (!kind) return undefined;
  const shaped = kind === 'password' ? isPasswordShaped(value) : kind === 'key' ? isHighEntropy(value) : !!credentialShape(value, kind, name);
  return shaped ? { messageId: 'literal', data: { param: name, masked: mask(value) } } : undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
