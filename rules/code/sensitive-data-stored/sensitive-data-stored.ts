import { ts } from '../../src/ts';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import { findSensitiveRequests, identifierKind, type SensitiveKind } from '../../src/lexicon/sensitive-data';
import { effectiveUrl } from '../../src/model/http';
import { hostOf } from '../../src/model/hosts';
import { looksForCardNumbers } from './card-regex';
import { boundNames, calleeName, isFunctionLike, propertyName, unwrap } from '../../src/model/syntax';

/** What C.3 forbids keeping: card data and credentials (an IBAN or a BSN is personal data, handled elsewhere). */
const SECRET_KINDS = new Set<SensitiveKind>(['card', 'cvv', 'pin', 'password']);
const WHAT: Record<string, string> = { card: 'A card number', cvv: 'A card security code', pin: 'A PIN', password: 'A password' };

const LOG_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly']);
const LOGGERS = /^(console|logger|log|winston|pino|bunyan|signale)$/i;
const STORE_METHODS = new Set([
  'insert', 'insertOne', 'insertMany', 'save', 'upsert', 'updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'bulkWrite',
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'hset', 'hSet', 'hmset', 'setex', 'setEx', 'lpush', 'rpush', 'sadd', 'setItem', 'put',
]);
const CARD_CHECKS = /luhn|isValidCard|isCreditCard|validateCard|isCardNumber|cardValid/i;

interface Secret { kind: SensitiveKind; node: ts.Node; literal?: string }

// 13–19 digits, optionally grouped by single spaces or dashes; bounded repetition
const DIGIT_RUN = /\d(?:[ -]?\d){12,18}/g;
// Published test numbers of card schemes and PSPs: not a consumer's card
const TEST_CARDS = new Set(['4111111111111111', '4242424242424242', '4000056655665556', '5555555555554444', '5105105105105100', '2223003122003222', '378282246310005', '371449635398431', '6011111111111117', '3566002020360505', '4012888888881881']);

export default createCodeRule({
  meta: {
    id: 'sensitive-data-stored',
    target: 'code',
    description: "Card numbers, card security codes, PINs or passwords taken from consumers' messages and stored, logged or forwarded.",
    clauses: ['C.3'],
    severity: 'error',
    securitySeverity: 8.0,
    fixable: false,
    messages: {
      kept: "{{what}} taken from a consumer's message is {{how}}: the app must not keep or pass on card data or credentials",
      literal: 'A card number ({{masked}}) written in the code is {{how}}: card numbers do not belong in code, logs or storage',
    },
  },
  create(context) {
    return {
      onEnd() {
        new Tracker(context).run();
      },
    };
  },
});

/** Same-file data flow from message text to storage, logs, outbound HTTP and messages. */
class Tracker {
  private readonly model: CodeRuleContext['model'];
  /** Variables holding (something computed from) message text. */
  private readonly textNames = new Map<string, Set<ts.Node>>();
  /** Variables (and `answer.text` paths) holding secrets, by the scope that declares them. */
  private readonly secrets = new Map<string, Map<ts.Node, SensitiveKind>>();
  /** Every scope that declares a variable of a name (parameters are looked up on the function itself). */
  private readonly declaredIn = new Map<string, Set<ts.Node>>();
  /** Secrets only within a range (the then-branch of `if (luhn(text))`). */
  private readonly guarded: { name: string; kind: SensitiveKind; within: ts.Node }[] = [];

  private readonly httpByCall: Map<ts.CallExpression, (typeof this.model.http.calls)[number]>;
  private readonly sdkByCall: Map<ts.CallExpression, (typeof this.model.sdk.calls)[number]>;

  constructor(private readonly context: CodeRuleContext) {
    this.model = context.model;
    this.httpByCall = new Map(this.model.http.calls.map((h) => [h.call, h]));
    this.sdkByCall = new Map(this.model.sdk.calls.map((c) => [c.call, c]));
  }

  run(): void {
    for (const d of this.model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration)) {
      for (const n of boundNames(d.name)) this.declaredIn.set(n, (this.declaredIn.get(n) ?? new Set()).add(scopeOf(d)));
    }
    this.seedTextSources();
    // Most files receive no message text at all (helpers, routes, config): nothing can flow from it there,
    // and the propagation below is the costliest part of the rule.
    const hasSources = this.textNames.size > 0 || this.secrets.size > 0 || this.model.sdk.messageNames.size > 0 || this.model.sdk.handlers.size > 0;
    if (hasSources) this.propagate();
    this.seedGuards();
    const reported = new Set<ts.Node>();
    for (const call of this.model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
      const sink = this.sinkOf(call);
      if (!sink) continue;
      for (const arg of sink.args) {
        const secret = this.secretIn(arg);
        if (!secret || reported.has(call)) continue;
        reported.add(call);
        if (secret.literal) this.context.report({ messageId: 'literal', data: { masked: secret.literal, how: sink.how }, start: call.getStart(), end: call.getEnd() });
        else this.context.report({ messageId: 'kept', data: { what: WHAT[secret.kind]!, how: sink.how }, start: call.getStart(), end: call.getEnd() });
      }
    }
  }

  /** Destructured `{ text }` of handler payloads and of answers to `ask()`, and answers to sensitive questions. */
  private seedTextSources(): void {
    for (const h of this.model.sdk.handlers.values()) {
      if (h.via === 'conversation' || h.via === 'module') continue;
      const p = h.fn.parameters[h.via === 'onAny' ? 1 : 0];
      if (p) this.noteMessageParam(p, h.via === 'ask' ? this.askedKind(h.registration) : undefined);
    }
    // conversation.ask('…').then(({ text }) => …)
    for (const c of this.model.sdk.calls) {
      if (c.kind !== 'send' || c.method !== 'ask') continue;
      const then = c.call.parent;
      if (ts.isPropertyAccessExpression(then) && then.name.text === 'then' && ts.isCallExpression(then.parent)) {
        const fn = then.parent.arguments[0];
        const p = fn && isFunctionLike(unwrap(fn)) ? (unwrap(fn) as ts.FunctionLikeDeclaration).parameters[0] : undefined;
        if (p) this.noteMessageParam(p, this.askedKind(c.call));
      }
      // const answer = await conversation.ask('Wat is uw pincode?')
      let parent: ts.Node = c.call.parent;
      if (ts.isAwaitExpression(parent)) parent = parent.parent;
      if (ts.isVariableDeclaration(parent)) this.noteMessageParam(parent, this.askedKind(c.call));
    }
  }

  private noteMessageParam(p: ts.ParameterDeclaration | ts.VariableDeclaration, askedKind: SensitiveKind | undefined): void {
    if (ts.isIdentifier(p.name)) {
      // the whole answer to "what is your PIN?" is the PIN: its .text is a secret
      if (askedKind) this.setSecret(`${p.name.text}.text`, p.name, askedKind);
      return;
    }
    if (!ts.isObjectBindingPattern(p.name)) return;
    for (const el of p.name.elements) {
      const key = el.propertyName ? propertyName(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
      if (key !== 'text' || !ts.isIdentifier(el.name)) continue;
      this.addText(el.name.text, el.name);
      if (askedKind) this.setSecret(el.name.text, el.name, askedKind);
    }
  }

  private addText(name: string, site: ts.Node): void {
    this.textNames.set(name, (this.textNames.get(name) ?? new Set()).add(this.declaringScope(name, site)));
  }

  /** Records a secret at the scope that declares the name's root, as seen from `site`. */
  private setSecret(path: string, site: ts.Node, kind: SensitiveKind): void {
    const scope = this.declaringScope(path.split('.')[0]!, site);
    const byScope = this.secrets.get(path) ?? new Map<ts.Node, SensitiveKind>();
    byScope.set(scope, kind);
    this.secrets.set(path, byScope);
  }

  /** The secret a name (or `answer.text` path) holds where it is used: the nearest declaration wins. */
  private secretAt(path: string, site: ts.Node): SensitiveKind | undefined {
    const byScope = this.secrets.get(path);
    return byScope ? byScope.get(this.declaringScope(path.split('.')[0]!, site)) : undefined;
  }

  /** The nearest scope around `site` that declares `name` (a variable or a parameter), else the file. */
  private declaringScope(name: string, site: ts.Node): ts.Node {
    const scopes = this.declaredIn.get(name);
    for (let s: ts.Node = scopeOf(site); ; s = scopeOf(s)) {
      if (scopes?.has(s)) return s;
      if (isFunctionLike(s) && s.parameters.some((p) => boundNames(p.name).includes(name))) return s;
      if (ts.isSourceFile(s)) return s;
    }
  }

  /** The kind of secret an `ask()` question requests, if it does. */
  private askedKind(call: ts.CallExpression): SensitiveKind | undefined {
    const q = call.arguments[0];
    if (!q) return undefined;
    const obj = this.model.values.objectLiteral(q);
    const text = (obj ? this.model.values.propertyString(obj, 'text') : this.model.values.string(q))?.text;
    const kind = text ? findSensitiveRequests(text, { asked: true }).find((r) => SECRET_KINDS.has(r.kind))?.kind : undefined;
    return kind;
  }

  /** Variables computed from message text; named like a secret, or matched with a card-number regex, they hold one. */
  private propagate(): void {
    const decls = this.model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration).filter((d) => d.initializer);
    const assigns = this.model.nodes<ts.BinaryExpression>(ts.SyntaxKind.BinaryExpression).filter((b) => b.operatorToken.kind === ts.SyntaxKind.EqualsToken);
    const size = () => [...this.textNames.values()].reduce((n, s) => n + s.size, 0) + [...this.secrets.values()].reduce((n, s) => n + s.size, 0);
    for (let pass = 0, before = -1; pass < 3 && before !== size(); pass++) {
      // another pass only when the last one learnt something (chains declared out of order)
      before = size();
      for (const d of decls) {
        this.destructuredAnswer(d);
        const fromText = carriesValue(d.initializer!) && this.fromMessageText(d.initializer!);
        if (!fromText) continue;
        const card = this.appliesCardRegex(d.initializer!);
        for (const n of boundNames(d.name)) {
          this.addText(n, d);
          const kind = card ? 'card' : identifierKind(n);
          if (kind && SECRET_KINDS.has(kind)) this.setSecret(n, d, kind);
        }
      }
      for (const a of assigns) {
        const left = unwrap(a.left);
        const name = ts.isIdentifier(left) ? left.text : ts.isPropertyAccessExpression(left) ? left.name.text : undefined;
        if (!name || !carriesValue(a.right) || !this.fromMessageText(a.right)) continue;
        const kind = this.appliesCardRegex(a.right) ? 'card' : identifierKind(name);
        if (ts.isIdentifier(left)) this.addText(name, a);
        if (kind && SECRET_KINDS.has(kind)) this.setSecret(ts.isIdentifier(left) ? name : left.getText(), a, kind);
      }
    }
  }

  /** `const { text } = answer` where `answer` is the reply to a sensitive question. */
  private destructuredAnswer(d: ts.VariableDeclaration): void {
    const init = unwrap(d.initializer!);
    if (!ts.isIdentifier(init) || !ts.isObjectBindingPattern(d.name)) return;
    const kind = this.secretAt(`${init.text}.text`, init);
    if (!kind) return;
    for (const el of d.name.elements) {
      const key = el.propertyName ? propertyName(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
      if (key === 'text' && ts.isIdentifier(el.name)) this.setSecret(el.name.text, d, kind);
    }
  }

  /** `if (luhn(text))`, `if (CARD_RE.test(text))`: inside, `text` is a card number. */
  private seedGuards(): void {
    for (const call of this.model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
      const name = calleeName(call);
      // luhn(text), luhn.validate(text), isValidCard(text)
      const callee = unwrap(call.expression);
      const receiver = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression.text : '';
      const isCheck = CARD_CHECKS.test(`${receiver}.${name ?? ''}`) || (name === 'test' && ts.isPropertyAccessExpression(call.expression) && this.isCardRegex(call.expression.expression));
      if (!isCheck) continue;
      const arg = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
      if (!arg || !this.fromMessageText(arg)) continue;
      let stmt: ts.Node | undefined = call.parent;
      while (stmt && !ts.isIfStatement(stmt) && !ts.isBlock(stmt) && !isFunctionLike(stmt)) stmt = stmt.parent;
      if (stmt && ts.isIfStatement(stmt) && call.pos >= stmt.expression.pos && call.end <= stmt.expression.end) {
        this.guarded.push({ name: arg.getText(), kind: 'card', within: stmt.thenStatement });
      }
    }
  }

  private fromMessageText(expr: ts.Node): boolean {
    return this.some(expr, (n) => {
      if (ts.isIdentifier(n) && !isMemberName(n) && this.textNames.get(n.text)?.has(this.declaringScope(n.text, n))) return true;
      if (ts.isPropertyAccessExpression(n) || ts.isIdentifier(n)) {
        const r = this.context.personalData.ref(n as ts.Expression);
        if (r && r.what === 'message text') return true;
      }
      return false;
    });
  }

  /** `text.match(/…/)`, `CARD_RE.exec(text)`, `text.replace(CARD_RE, …)` with a regex that matches card numbers. */
  private appliesCardRegex(expr: ts.Node): boolean {
    return this.some(expr, (n) => {
      if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression)) return false;
      const m = n.expression.name.text;
      if ((m === 'match' || m === 'matchAll') && n.arguments[0]) return this.isCardRegex(n.arguments[0]);
      if (m === 'exec') return this.isCardRegex(n.expression.expression);
      return false;
    });
  }

  /** A regex (literal, constant or `new RegExp('…')`) written to find card numbers. */
  private isCardRegex(expr: ts.Expression): boolean {
    let e = unwrap(expr);
    if (ts.isIdentifier(e)) e = this.model.values.initializerOf(e.text) ?? e;
    e = unwrap(e);
    let source: string | undefined;
    if (ts.isRegularExpressionLiteral(e)) source = e.text.slice(1, e.text.lastIndexOf('/'));
    else if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'RegExp') source = this.model.values.string(e.arguments?.[0])?.text;
    return !!source && looksForCardNumbers(source);
  }

  /** The secret an argument carries, if any. */
  private secretIn(arg: ts.Expression): Secret | undefined {
    let found: Secret | undefined;
    this.some(arg, (n) => {
      if (ts.isIdentifier(n) && !isMemberName(n)) {
        const kind = this.secretAt(n.text, n) ?? this.guarded.find((g) => g.name === n.text && n.pos >= g.within.pos && n.end <= g.within.end)?.kind;
        if (kind) return !!(found = { kind, node: n });
      }
      // getText() scans trivia: only worth it when some path or guard could match
      if (ts.isPropertyAccessExpression(n) && (this.secrets.size > 0 || this.guarded.length > 0)) {
        const text = n.getText();
        const kind = this.secretAt(text, n) ?? this.guarded.find((g) => g.name === text && n.pos >= g.within.pos && n.end <= g.within.end)?.kind;
        if (kind) return !!(found = { kind, node: n });
      }
      if (ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n)) {
        const key = propertyName(n.name);
        const kind = key ? identifierKind(key) : undefined;
        const value = ts.isPropertyAssignment(n) ? n.initializer : n.name;
        if (kind && SECRET_KINDS.has(kind) && carriesValue(value) && this.fromMessageText(value)) return !!(found = { kind, node: n });
      }
      if (ts.isCallExpression(n) && this.appliesCardRegex(n) && this.fromMessageText(n)) return !!(found = { kind: 'card', node: n });
      const literal = ts.isStringLiteralLike(n) || ts.isTemplateLiteralToken(n) ? (n as ts.LiteralLikeNode).text : ts.isIdentifier(n) && !isMemberName(n) ? this.model.values.string(n)?.text : undefined;
      const pan = literal !== undefined ? cardNumberIn(literal) : undefined;
      if (pan && !this.context.isTestFile) return !!(found = { kind: 'card', node: n, literal: `${pan.slice(0, 4)}…` });
      return false;
    });
    return found;
  }

  /** Where a call puts its arguments: storage, a log, another host, a message. */
  private sinkOf(call: ts.CallExpression): { how: string; args: ts.Expression[] } | undefined {
    // callbacks run later with their own data: `ask(question, (answer) => …)` does not send the answer
    // (plainArgs, worked out only for the calls that are sinks: this runs on every call of the file)
    const name = calleeName(call);
    const callee = unwrap(call.expression);
    const target = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
    const targetName = target && ts.isIdentifier(target) ? target.text : target && ts.isPropertyAccessExpression(target) ? target.name.text : undefined;
    if (ts.isIdentifier(callee) && /^(log|debug|logger)$/i.test(callee.text)) return { how: `logged (${callee.text}())`, args: plainArgs(call) };
    if (name && LOG_METHODS.has(name) && targetName && LOGGERS.test(targetName)) return { how: `logged (${targetName}.${name}())`, args: plainArgs(call) };
    const http = this.httpByCall.get(call);
    if (http) {
      const url = effectiveUrl(http);
      const host = url ? hostOf(url) : undefined;
      return { how: `sent to ${host ?? 'another service'} over HTTP`, args: [http.body, http.urlNode].filter((x): x is ts.Expression => !!x) };
    }
    const sdk = this.sdkByCall.get(call);
    if (sdk?.kind === 'send') return { how: 'sent on in a message (kept in the conversation history)', args: plainArgs(call) };
    if (sdk?.kind === 'command' && sdk.method === 'set') return { how: 'stored in the conversation (conversation.set())', args: plainArgs(call) };
    if (sdk?.kind === 'resource' && sdk.method !== 'get' && sdk.method !== 'list' && sdk.method !== 'delete') return { how: `written to Web1on1 (${sdk.resource}.${sdk.method}())`, args: plainArgs(call) };
    if (name && (STORE_METHODS.has(name) || (name === 'set' && targetName && /redis|cache|client|store|kv|db|storage|session/i.test(targetName)) || (name === 'create' && targetName && /^[A-Z]|prisma|db|model/.test(targetName)))) {
      return { how: `stored (${name}())`, args: plainArgs(call) };
    }
    if (name === 'query') {
      const args = plainArgs(call);
      if (/^\s*(insert|update|replace)\b/i.test(this.model.values.string(args[0])?.text ?? '')) return { how: 'stored (SQL)', args };
    }
    return undefined;
  }

  /** Depth-first search of a subtree; stops at the first node the predicate accepts. */
  private some(node: ts.Node, pred: (n: ts.Node) => boolean): boolean {
    const stack: ts.Node[] = [node];
    // one callback per search, not one per node visited
    const push = (c: ts.Node): void => {
      stack.push(c);
    };
    while (stack.length) {
      const n = stack.pop()!;
      if (pred(n)) return true;
      ts.forEachChild(n, push);
    }
    return false;
  }
}

const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.LessThanToken, ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.LessThanEqualsToken, ts.SyntaxKind.GreaterThanEqualsToken, ts.SyntaxKind.InstanceOfKeyword, ts.SyntaxKind.InKeyword,
]);
const BOOLEAN_METHODS = new Set(['test', 'includes', 'startsWith', 'endsWith', 'some', 'every', 'has', 'validate', 'isValid']);

/** The value itself, or a copy or part of it, rather than a fact about it (`text === 'x'`, `text.length`, `re.test(text)`). */
function carriesValue(expr: ts.Node): boolean {
  const e = ts.isExpression(expr) ? unwrap(expr) : expr;
  if (ts.isBinaryExpression(e) && COMPARISONS.has(e.operatorToken.kind)) return false;
  if (ts.isPrefixUnaryExpression(e) || ts.isTypeOfExpression(e)) return false;
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'length') return false;
  if (ts.isCallExpression(e) && BOOLEAN_METHODS.has(calleeName(e) ?? '')) return false;
  if (ts.isConditionalExpression(e)) return carriesValue(e.whenTrue) || carriesValue(e.whenFalse);
  return true;
}

function plainArgs(call: ts.CallExpression): ts.Expression[] {
  return call.arguments.filter((a) => !isFunctionLike(unwrap(a)));
}

/** A Luhn-valid run of 13–19 digits starting like a card scheme (2–6), not a published test number. */
function cardNumberIn(text: string): string | undefined {
  for (const m of text.matchAll(DIGIT_RUN)) {
    const digits = m[0].replace(/\D/g, '');
    if (/^[2-6]/.test(digits) && luhnValid(digits) && !TEST_CARDS.has(digits) && !/^(\d)\1+$/.test(digits)) return digits;
  }
  return undefined;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The function (or the file) a node's variables belong to; a function's parameters are its own. */
function scopeOf(node: ts.Node): ts.Node {
  let cur = node.parent;
  while (cur && !isFunctionLike(cur) && !ts.isSourceFile(cur)) cur = cur.parent;
  return cur ?? node.getSourceFile();
}

function isMemberName(n: ts.Identifier): boolean {
  const p = n.parent;
  return (ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n);
}
