import { ts } from '../ts';
import { objectProperty, propertyName, unwrap } from './syntax';

/** Marks a part of a string the analysis cannot know (a template hole, a variable). */
/** String methods whose result keeps what a reader knows of the string (its host, its path). */
const STRING_METHODS: ReadonlySet<string> = new Set(['replace', 'replaceAll', 'trim', 'trimEnd', 'trimStart', 'toLowerCase']);
/** Regular expressions of the file run only on short known strings (a base URL), never on long texts. */
const MAX_REPLACED_TEXT = 300;

/**
 * A pattern of the analysed code that cannot backtrack badly on a short text: no groups, alternations or counted
 * repeats and one quantifier at most (`/\/+$/`; `/^\s+|\s+$/` is not one), so a match costs at most the square of
 * the text's length. Others leave the text inexact instead of being run.
 */
function isTameRegExp(source: string): boolean {
  return source.length <= 40 && !/[(){}|]/.test(source) && (source.replace(/\\./g, '').match(/[*+?]/g) ?? []).length <= 1;
}

function applyStringMethod(text: string, method: string): string {
  if (method === 'trim') return text.trim();
  if (method === 'trimEnd') return text.trimEnd();
  if (method === 'trimStart') return text.trimStart();
  return method === 'toLowerCase' ? text.toLowerCase() : text;
}

export const HOLE = '\u0001';

export interface StaticString {
  /** The text, with HOLE where a part is unknown. */
  text: string;
  /** True when no part is unknown. */
  exact: boolean;
  /** Names of `process.env.X` that feed the value. */
  env: string[];
}

/**
 * Resolves the static value of expressions within one file: literals, templates, `+`,
 * constants declared once in the file, and properties of constant object literals.
 */
/**
 * Where a name's value comes from, by declaration (the value-tracking layer): the expressions it can hold
 * (undefined when the name has no declaration in the file), given what parameters are bound to.
 */
export interface ExpressionSource {
  candidates(id: ts.Identifier, bindings: ReadonlyMap<ts.Node, ts.Expression>): ts.Expression[] | undefined;
  memberCandidates(access: ts.PropertyAccessExpression, bindings: ReadonlyMap<ts.Node, ts.Expression>): ts.Expression[] | undefined;
}

export class ValueResolver {
  /** Initialisers of variables by name; a name declared more than once resolves to nothing. */
  private readonly decls = new Map<string, ts.Expression | null>();
  private source: ExpressionSource | undefined;
  /** Parameters bound to a call site's arguments while a call is read in that site's terms (see withBindings). */
  private bindings: ReadonlyMap<ts.Node, ts.Expression> = new Map();
  /** String constants other modules of the app export, by the local name they are imported as. */
  private importedConstants: Record<string, string> = {};
  /** Top-level answers of `string`, once the model is settled (see settle). */
  private answers: Map<ts.Node, StaticString | null> | undefined;

  /** The file the expressions belong to: positions and source text come from it without a walk up the tree. */
  constructor(readonly sourceFile: ts.SourceFile) {}

  addDeclaration(decl: ts.VariableDeclaration): void {
    if (!ts.isIdentifier(decl.name)) return;
    const name = decl.name.text;
    if (this.decls.has(name)) this.decls.set(name, null);
    else this.decls.set(name, decl.initializer ?? null);
  }

  /** Resolve names by declaration from now on (names the source does not know still resolve by name). */
  useSource(source: ExpressionSource, importedConstants: Record<string, string> = {}): void {
    this.source = source;
    this.importedConstants = importedConstants;
  }

  /** Runs `read` with parameters bound to a call site's arguments: the values are those of that call. */
  withBindings<T>(bindings: ReadonlyMap<ts.Node, ts.Expression>, read: () => T): T {
    const before = this.bindings;
    this.bindings = bindings;
    try {
      return read();
    } finally {
      this.bindings = before;
    }
  }

  /** The one expression a name or `this.x` holds, when the declarations say there is exactly one. */
  private single(e: ts.Identifier | ts.PropertyAccessExpression): ts.Expression | null | undefined {
    if (!this.source) return undefined;
    const list = ts.isIdentifier(e) ? this.source.candidates(e, this.bindings) : this.source.memberCandidates(e, this.bindings);
    if (list === undefined) return undefined;
    return list.length === 1 ? list[0]! : null;
  }

  /** The one expression a name or `this.x` holds (every assignment counted), or undefined when not exactly one. */
  heldExpression(e: ts.Expression): ts.Expression | undefined {
    const u = unwrap(e);
    return ts.isIdentifier(u) || ts.isPropertyAccessExpression(u) ? (this.single(u) ?? undefined) : undefined;
  }

  initializerOf(name: string): ts.Expression | undefined {
    return this.decls.get(name) ?? undefined;
  }

  /**
   * The model is built: what a name can hold no longer changes, so top-level answers are kept from now on
   * (several rules ask about the same templates, joins and names one after another). Shared: callers must
   * not mutate an answer.
   */
  settle(): void {
    this.answers = new Map();
  }

  string(node: ts.Expression | undefined, depth = 0): StaticString | undefined {
    // a literal is answered faster than looked up
    if (depth > 0 || !this.answers || !node || this.bindings.size > 0 || ts.isStringLiteralLike(node)) return this.resolveString(node, depth);
    const known = this.answers.get(node);
    if (known !== undefined) return known ?? undefined;
    const s = this.resolveString(node, 0);
    this.answers.set(node, s ?? null);
    return s;
  }

  private resolveString(node: ts.Expression | undefined, depth: number): StaticString | undefined {
    if (!node || depth > 12) return undefined;
    const e = unwrap(node);
    if (ts.isStringLiteralLike(e)) return { text: e.text, exact: true, env: [] };
    if (ts.isNumericLiteral(e)) return { text: e.text, exact: true, env: [] };
    if (ts.isTemplateExpression(e)) {
      let text = e.head.text;
      let exact = true;
      const env: string[] = [];
      for (const span of e.templateSpans) {
        const part = this.string(span.expression, depth + 1);
        if (part) {
          text += part.text;
          exact &&= part.exact;
          env.push(...part.env);
        } else {
          const envName = envVarName(span.expression);
          if (envName) env.push(envName);
          text += HOLE;
          exact = false;
        }
        text += span.literal.text;
      }
      return { text, exact, env };
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const l = this.string(e.left, depth + 1) ?? this.hole(e.left);
      const r = this.string(e.right, depth + 1) ?? this.hole(e.right);
      if (!l.exact && !r.exact && l.text === HOLE && r.text === HOLE) return undefined;
      return { text: l.text + r.text, exact: l.exact && r.exact, env: [...l.env, ...r.env] };
    }
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
      // `process.env.URL || 'https://…'`: the literal fallback is what a reader sees
      const r = this.string(e.right, depth + 1);
      const l = this.string(e.left, depth + 1);
      if (l) return l;
      if (r) return { ...r, env: [...r.env, ...(envVarName(e.left) ? [envVarName(e.left)!] : [])] };
      return undefined;
    }
    if (ts.isIdentifier(e)) {
      const many = this.source?.candidates(e, this.bindings);
      if (many && many.length > 1) return this.agreed(many, depth);
      const one = this.single(e);
      if (one !== undefined) return one ? this.string(one, depth + 1) : undefined;
      if (Object.hasOwn(this.importedConstants, e.text)) return { text: this.importedConstants[e.text]!, exact: !this.importedConstants[e.text]!.includes(HOLE), env: [] };
      const init = this.decls.get(e.text);
      return init ? this.string(init, depth + 1) : undefined;
    }
    if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'URL') return this.urlString(e, depth);
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && STRING_METHODS.has(e.expression.name.text)) return this.stringMethod(e, e.expression, depth);
    if (ts.isPropertyAccessExpression(e)) {
      if (e.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const many = this.source?.memberCandidates(e, this.bindings);
        if (many && many.length > 1) return this.agreed(many, depth);
        const one = this.single(e);
        return one ? this.string(one, depth + 1) : undefined;
      }
      const obj = this.objectLiteral(e.expression, depth + 1);
      if (obj) return this.string(objectProperty(obj, e.name.text), depth + 1);
      // a member of another module's exports object, learnt through the hints (`config.pollMs`, `config.web1on1.baseURL`)
      const member = importedMemberName(e);
      if (member && Object.hasOwn(this.importedConstants, member)) return { text: this.importedConstants[member]!, exact: !this.importedConstants[member]!.includes(HOLE), env: [] };
    }
    return undefined;
  }

  /**
   * `new URL(path, base)` as the URL it makes: a path from the root replaces the base's path, a relative one
   * replaces its last segment (WHATWG URL resolution, on the parts a reader can see).
   */
  private urlString(e: ts.NewExpression, depth: number): StaticString | undefined {
    const [input, baseArg] = e.arguments ?? [];
    const path = this.string(input, depth + 1);
    if (!baseArg) return path;
    const base = this.string(baseArg, depth + 1);
    if (!base) return path && /^[a-z][a-z0-9+.-]*:\/\//i.test(path.text) ? path : undefined;
    const part = path ?? this.hole(input!);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(part.text)) return part;
    const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(base.text)?.[0];
    if (origin === undefined) return undefined;
    const joined = part.text.startsWith('/') ? origin + part.text : base.text.slice(0, base.text.lastIndexOf('/') + 1) + part.text;
    return { text: joined, exact: base.exact && part.exact, env: [...base.env, ...part.env] };
  }

  /**
   * `base.replace(/\/$/, '')`, `url.trim()`: the string the method makes of a known one. A replacement the file
   * spells out (a regular-expression or string literal, a literal replacement) is applied; any other keeps the
   * text but is no longer exact.
   */
  private stringMethod(e: ts.CallExpression, access: ts.PropertyAccessExpression, depth: number): StaticString | undefined {
    const s = this.string(access.expression, depth + 1);
    if (!s) return undefined;
    const method = access.name.text;
    if (method !== 'replace' && method !== 'replaceAll') return e.arguments.length ? { ...s, exact: false } : { ...s, text: applyStringMethod(s.text, method) };
    const [pattern, replacement] = e.arguments;
    const by = replacement && ts.isStringLiteralLike(unwrap(replacement)) ? (unwrap(replacement) as ts.StringLiteralLike).text : undefined;
    const p = pattern && unwrap(pattern);
    if (by === undefined || !p || s.text.length > MAX_REPLACED_TEXT) return { ...s, exact: false };
    if (ts.isStringLiteralLike(p)) return { ...s, text: method === 'replace' ? s.text.replace(p.text, () => by) : s.text.split(p.text).join(by) };
    if (!ts.isRegularExpressionLiteral(p)) return { ...s, exact: false };
    const m = /^\/(.*)\/([a-z]*)$/s.exec(p.text);
    if (!m || !isTameRegExp(m[1]!)) return { ...s, exact: false };
    try {
      return { ...s, text: s.text.replace(new RegExp(m[1]!, m[2]), () => by) };
    } catch {
      return { ...s, exact: false };
    }
  }

  /** The string every candidate gives, when they all give the same one. */
  private agreed(candidates: readonly ts.Expression[], depth: number): StaticString | undefined {
    let first: StaticString | undefined;
    for (const c of candidates) {
      const s = this.string(c, depth + 1);
      if (!s || (first && s.text !== first.text)) return undefined;
      first ??= s;
    }
    return first;
  }

  private hole(node: ts.Expression): StaticString {
    const envName = envVarName(node);
    return { text: HOLE, exact: false, env: envName ? [envName] : [] };
  }

  /** The object literal an expression refers to (directly or through a constant). */
  objectLiteral(node: ts.Expression | undefined, depth = 0): ts.ObjectLiteralExpression | undefined {
    if (!node || depth > 12) return undefined;
    const e = unwrap(node);
    if (ts.isObjectLiteralExpression(e)) return e;
    if (ts.isIdentifier(e)) {
      const one = this.single(e);
      if (one !== undefined) return one ? this.objectLiteral(one, depth + 1) : undefined;
      const init = this.decls.get(e.text);
      return init ? this.objectLiteral(init, depth + 1) : undefined;
    }
    if (ts.isPropertyAccessExpression(e)) {
      const obj = this.objectLiteral(e.expression, depth + 1);
      return obj ? this.objectLiteral(objectProperty(obj, e.name.text), depth + 1) : undefined;
    }
    return undefined;
  }

  arrayLiteral(node: ts.Expression | undefined, depth = 0): ts.ArrayLiteralExpression | undefined {
    if (!node || depth > 12) return undefined;
    const e = unwrap(node);
    if (ts.isArrayLiteralExpression(e)) return e;
    if (ts.isIdentifier(e)) {
      const init = this.decls.get(e.text);
      return init ? this.arrayLiteral(init, depth + 1) : undefined;
    }
    return undefined;
  }

  /** A property's static string in an object literal (resolving the object through constants). */
  propertyString(obj: ts.Expression | undefined, name: string): StaticString | undefined {
    const lit = this.objectLiteral(obj);
    return lit ? this.string(objectProperty(lit, name)) : undefined;
  }

  propertyNames(obj: ts.ObjectLiteralExpression): string[] {
    const names: string[] = [];
    for (const p of obj.properties) {
      if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p)) && p.name) {
        const n = propertyName(p.name);
        if (n) names.push(n);
      } else if (ts.isShorthandPropertyAssignment(p)) names.push(p.name.text);
    }
    return names;
  }
}

/** `process.env.NAME` / `process.env['NAME']` → NAME. */
export function envVarName(node: ts.Expression): string | undefined {
  const e = unwrap(node);
  if (ts.isPropertyAccessExpression(e) && isProcessEnv(e.expression)) return e.name.text;
  if (ts.isElementAccessExpression(e) && isProcessEnv(e.expression) && ts.isStringLiteralLike(e.argumentExpression)) return e.argumentExpression.text;
  return undefined;
}

function isProcessEnv(node: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === 'env' && ts.isIdentifier(node.expression) && node.expression.text === 'process';
}

/** `config.web1on1.baseURL` as the dotted name the hints give another module's exported members; names only. */
function importedMemberName(e: ts.PropertyAccessExpression): string | undefined {
  const parts = [e.name.text];
  let cur: ts.Expression = e.expression;
  for (let i = 0; i < 4 && ts.isPropertyAccessExpression(cur); i++) {
    parts.push(cur.name.text);
    cur = cur.expression;
  }
  return ts.isIdentifier(cur) ? [cur.text, ...parts.reverse()].join('.') : undefined;
}
