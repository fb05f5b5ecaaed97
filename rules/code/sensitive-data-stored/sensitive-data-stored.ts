import { ts } from '../../src/ts';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import { findSensitiveRequests, identifierKind, type SensitiveKind } from '../../src/lexicon/sensitive-data';
import { CardFinders } from './card-finders';
import { DeclaringScopes } from './declaring-scopes';
import { carriesValue, isChainLink, isMemberName } from './flow-syntax';
import { cardNumberIn, hasDigitRun } from './card-number';
import { isLogFunction, sinkOf, type Sink } from './call-sinks';
import { NameSites, someNode } from './node-index';
import { boundNames, calleeName, isFunctionLike, propertyName, unwrap } from '../../src/model/syntax';
import { loggers, stores } from '../../src/model/sinks';

/** What C.3 forbids keeping: card data and credentials (an IBAN or a BSN is personal data, handled elsewhere). */
const SECRET_KINDS = new Set<SensitiveKind>(['card', 'cvv', 'pin', 'password']);
const WHAT: Record<string, string> = { card: 'A card number', cvv: 'A card security code', pin: 'A PIN', password: 'A password' };

const CARD_CHECKS = /luhn|isValidCard|isCreditCard|validateCard|isCardNumber|cardValid/i;
/** Callee names `sinkOf` and `noteGuard` act on by name (with logger function names and CARD_CHECKS). */
const GUARD_OR_SINK_NAMES = new Set(['create', 'test', ...stores.methodNames()]);

interface Secret { kind: SensitiveKind; node: ts.Node; literal?: string }

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
  /** Secrets only within a range (the then-branch of `if (luhn(text))`). */
  private readonly guarded: { name: string; kind: SensitiveKind; within: ts.Node }[] = [];

  /** Where the names of `textNames` and of personal data stand in the text: searches skip the rest. */
  private sites: NameSites | undefined;
  /** Bumped when a name starts to hold message text in a scope: a "no" from before may be stale. */
  private textVersion = 0;
  /** `fromMessageText` answers: true for good (message text only spreads), else the version that said no. */
  private readonly textAnswers = new Map<ts.Node, true | number>();
  /** What `personalData.ref()` calls message text, by node (bare names by name). */
  private readonly messageTextRefs = new Map<ts.Node | string, boolean>();
  private readonly cardRegex: CardFinders;
  private readonly scopes: DeclaringScopes;
  private readonly kindByName = new Map<string, SensitiveKind | undefined>();
  private readonly cardCheckByName = new Map<string, boolean>();
  private readonly guardOrSinkByName = new Map<string, boolean>();

  private readonly httpByCall: Map<ts.CallExpression, (typeof this.model.http.calls)[number]>;
  private readonly sdkByCall: Map<ts.CallExpression, (typeof this.model.sdk.calls)[number]>;

  constructor(private readonly context: CodeRuleContext) {
    this.model = context.model;
    this.cardRegex = new CardFinders(this.model);
    this.scopes = new DeclaringScopes(this.model);
    this.httpByCall = new Map(this.model.http.calls.map((h) => [h.call, h]));
    this.sdkByCall = new Map(this.model.sdk.calls.map((c) => [c.call, c]));
  }

  run(): void {
    this.seedTextSources();
    // Most files receive no message text at all (helpers, routes, config): nothing can flow from it there,
    // and the propagation below is the costliest part of the rule.
    const hasSources = this.textNames.size > 0 || this.secrets.size > 0 || this.model.sdk.messageNames.size > 0 || this.model.sdk.handlers.size > 0;
    if (hasSources) this.propagate();
    // one pass over the calls for guards and sinks; secrets are looked for once every guard is known
    const sinks: [ts.CallExpression, Sink][] = [];
    for (const call of this.model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
      if (!this.mayBeGuardOrSink(call)) continue;
      const name = calleeName(call);
      const callee = unwrap(call.expression);
      this.noteGuard(call, name, callee);
      const sink = sinkOf(call, name, callee, this.model, this.httpByCall, this.sdkByCall);
      if (sink) sinks.push([call, sink]);
    }
    const reported = new Set<ts.Node>();
    for (const [call, sink] of sinks) {
      for (const arg of sink.args) {
        const secret = this.secretIn(arg);
        if (!secret || reported.has(call)) continue;
        reported.add(call);
        const how = typeof sink.how === 'string' ? sink.how : sink.how();
        if (secret.literal) this.context.report({ messageId: 'literal', data: { masked: secret.literal, how }, start: call.getStart(this.context.sourceFile), end: call.getEnd() });
        else this.context.report({ messageId: 'kept', data: { what: WHAT[secret.kind]!, how }, start: call.getStart(this.context.sourceFile), end: call.getEnd() });
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
    const scope = this.scopes.of(name, site);
    let scopes = this.textNames.get(name);
    if (!scopes) this.textNames.set(name, (scopes = new Set()));
    if (scopes.has(scope)) return;
    scopes.add(scope);
    this.textVersion++;
    this.sites?.watch(name);
  }

  /** Records a secret at the scope that declares the name's root, as seen from `site`. */
  private setSecret(path: string, site: ts.Node, kind: SensitiveKind): void {
    const scope = this.scopes.of(path.split('.')[0]!, site);
    const byScope = this.secrets.get(path) ?? new Map<ts.Node, SensitiveKind>();
    byScope.set(scope, kind);
    this.secrets.set(path, byScope);
  }

  /** The secret a name (or `answer.text` path) holds where it is used: the nearest declaration wins. */
  private secretAt(path: string, site: ts.Node): SensitiveKind | undefined {
    const byScope = this.secrets.get(path);
    return byScope ? byScope.get(this.scopes.of(path.split('.')[0]!, site)) : undefined;
  }

  private kindOfName(name: string): SensitiveKind | undefined {
    if (!this.kindByName.has(name)) this.kindByName.set(name, identifierKind(name));
    return this.kindByName.get(name);
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
    // filtered in the loops rather than copied: most files take a single pass
    const decls = this.model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration);
    const binaries = this.model.nodes<ts.BinaryExpression>(ts.SyntaxKind.BinaryExpression);
    const size = () => [...this.textNames.values()].reduce((n, s) => n + s.size, 0) + [...this.secrets.values()].reduce((n, s) => n + s.size, 0);
    for (let pass = 0, before = -1; pass < 3 && before !== size(); pass++) {
      // another pass only when the last one learnt something (chains declared out of order)
      before = size();
      for (const d of decls) {
        if (!d.initializer) continue;
        this.destructuredAnswer(d);
        // both are pure: the cheaper (a position lookup, mostly) first
        const fromText = this.fromMessageText(d.initializer) && carriesValue(d.initializer);
        if (!fromText) continue;
        const card = this.cardRegex.appliedWithin(d.initializer!);
        for (const n of boundNames(d.name)) {
          this.addText(n, d);
          const kind = card ? 'card' : this.kindOfName(n);
          if (kind && SECRET_KINDS.has(kind)) this.setSecret(n, d, kind);
        }
      }
      for (const a of binaries) {
        if (a.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
        const left = unwrap(a.left);
        const name = ts.isIdentifier(left) ? left.text : ts.isPropertyAccessExpression(left) ? left.name.text : undefined;
        if (!name || !this.fromMessageText(a.right) || !carriesValue(a.right)) continue;
        const kind = this.cardRegex.appliedWithin(a.right) ? 'card' : this.kindOfName(name);
        if (ts.isIdentifier(left)) this.addText(name, a);
        if (kind && SECRET_KINDS.has(kind)) this.setSecret(ts.isIdentifier(left) ? name : left.getText(this.model.sourceFile), a, kind);
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

  /**
   * False for a call that neither `noteGuard` nor `sinkOf` can act on, decided from names alone: both
   * run on every call of the file, and few calls are HTTP, SDK, log, store or card-check calls.
   */
  private mayBeGuardOrSink(call: ts.CallExpression): boolean {
    if (this.httpByCall.has(call) || this.sdkByCall.has(call)) return true;
    const e = call.expression;
    if (e.kind === ts.SyntaxKind.Identifier) return this.namesGuardOrSink((e as ts.Identifier).text);
    if (e.kind !== ts.SyntaxKind.PropertyAccessExpression) return true; // `(0, log)(…)` and the like: the full checks
    const access = e as ts.PropertyAccessExpression;
    return this.namesGuardOrSink(access.name.text) || (access.expression.kind === ts.SyntaxKind.Identifier && this.namesCardCheck((access.expression as ts.Identifier).text));
  }

  private namesGuardOrSink(name: string): boolean {
    let is = this.guardOrSinkByName.get(name);
    if (is === undefined) this.guardOrSinkByName.set(name, (is = GUARD_OR_SINK_NAMES.has(name) || loggers.isLoggingMethod(name) || isLogFunction(name) || this.namesCardCheck(name)));
    return is;
  }

  /** `if (luhn(text))`, `if (CARD_RE.test(text))`: inside, `text` is a card number. */
  private noteGuard(call: ts.CallExpression, name: string | undefined, callee: ts.Expression): void {
    // luhn(text), luhn.validate(text), isValidCard(text)
    const receiver = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? callee.expression.text : '';
    // the patterns hold no '.', so testing "receiver.name" is testing each part
    const isCheck = this.namesCardCheck(receiver) || this.namesCardCheck(name ?? '') || (name === 'test' && ts.isPropertyAccessExpression(call.expression) && this.cardRegex.isCardRegex(call.expression.expression));
    if (!isCheck) return;
    const arg = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    if (!arg || !this.fromMessageText(arg)) return;
    let stmt: ts.Node | undefined = call.parent;
    while (stmt && !ts.isIfStatement(stmt) && !ts.isBlock(stmt) && !isFunctionLike(stmt)) stmt = stmt.parent;
    if (stmt && ts.isIfStatement(stmt) && call.pos >= stmt.expression.pos && call.end <= stmt.expression.end) {
      this.guarded.push({ name: arg.getText(this.model.sourceFile), kind: 'card', within: stmt.thenStatement });
    }
  }

  private namesCardCheck(name: string): boolean {
    let is = this.cardCheckByName.get(name);
    if (is === undefined) this.cardCheckByName.set(name, (is = CARD_CHECKS.test(name)));
    return is;
  }

  /** Whether message text, or a variable holding some, is used inside `expr`. */
  private fromMessageText(expr: ts.Node): boolean {
    // most expressions hold none of the names at all
    if (!this.nameSites().within(expr.pos, expr.end)) return false;
    const known = this.textAnswers.get(expr);
    if (known === true || known === this.textVersion) return known === true;
    const is = this.nameSites().someIdentifier(expr, (id) => this.isTextUse(id, expr));
    this.textAnswers.set(expr, is || this.textVersion);
    return is;
  }

  private nameSites(): NameSites {
    if (!this.sites) {
      this.sites = new NameSites(this.model.sourceFile.text);
      for (const name of this.context.personalData.taintedNames()) this.sites.watch(name);
      for (const name of this.textNames.keys()) this.sites.watch(name);
    }
    return this.sites;
  }

  /** A use of a variable holding message text, or message text by the personal-data model, within `root`. */
  private isTextUse(id: ts.Identifier, root: ts.Node): boolean {
    const name = id.text;
    if (!isMemberName(id) && this.textNames.get(name)?.has(this.scopes.of(name, id))) return true;
    // ref() calls a name or an access chain message text only when the chain's root is a name it tainted
    if (!this.context.personalData.isTainted(name)) return false;
    for (let n: ts.Node = id; ; n = n.parent) {
      if ((ts.isIdentifier(n) || ts.isPropertyAccessExpression(n)) && this.isMessageTextRef(n)) return true;
      if (n === root || !isChainLink(n)) return false;
    }
  }

  private isMessageTextRef(n: ts.Identifier | ts.PropertyAccessExpression): boolean {
    // a bare name is what its name was tainted with, wherever it stands
    const key = ts.isIdentifier(n) ? n.text : n;
    let is = this.messageTextRefs.get(key);
    if (is === undefined) this.messageTextRefs.set(key, (is = this.context.personalData.ref(n)?.what === 'message text'));
    return is;
  }

  /** The secret an argument carries, if any. */
  private secretIn(arg: ts.Expression): Secret | undefined {
    if (!this.mayHoldSecret(arg)) return undefined;
    let found: Secret | undefined;
    someNode(arg, (n) => (found = this.secretOf(n)) !== undefined);
    return found;
  }

  /**
   * False when no node inside `arg` can be a secret by `secretOf`, from tests that cost less than the walk:
   * most arguments of most sinks hold no message text and no digits.
   */
  private mayHoldSecret(arg: ts.Expression): boolean {
    if (this.secrets.size > 0 || this.guarded.length > 0) return true;
    // a secret-named property and a card-regex call both need message text inside
    if (this.fromMessageText(arg)) return true;
    if (this.context.isTestFile) return false;
    if (this.cardRegex.hasCardConstants()) return true;
    // a literal's text is its source unless escaped (`\x34`, a line continuation) or an entity in JSX
    const source = this.model.sourceFile.text.slice(arg.pos, arg.end);
    return hasDigitRun(source) || source.includes('\\') || source.includes('&');
  }

  /** The secret a node itself is or holds, not counting its children. */
  private secretOf(n: ts.Node): Secret | undefined {
    switch (n.kind) {
      case ts.SyntaxKind.Identifier: {
        const id = n as ts.Identifier;
        if (isMemberName(id)) return undefined;
        const kind = this.secretAt(id.text, id) ?? this.guardedKind(id.text, id);
        if (kind) return { kind, node: n };
        const pan = this.context.isTestFile ? undefined : this.cardRegex.cardInConstant(id);
        return pan ? { kind: 'card', node: n, literal: `${pan.slice(0, 4)}…` } : undefined;
      }
      case ts.SyntaxKind.PropertyAccessExpression: {
        // getText() scans trivia: only worth it when some path or guard could match
        if (this.secrets.size === 0 && this.guarded.length === 0) return undefined;
        const text = n.getText(this.model.sourceFile);
        const kind = this.secretAt(text, n) ?? this.guardedKind(text, n);
        return kind ? { kind, node: n } : undefined;
      }
      case ts.SyntaxKind.PropertyAssignment:
      case ts.SyntaxKind.ShorthandPropertyAssignment: {
        const p = n as ts.PropertyAssignment | ts.ShorthandPropertyAssignment;
        const key = propertyName(p.name);
        const kind = key ? this.kindOfName(key) : undefined;
        const value = ts.isPropertyAssignment(p) ? p.initializer : p.name;
        return kind && SECRET_KINDS.has(kind) && carriesValue(value) && this.fromMessageText(value) ? { kind, node: n } : undefined;
      }
      case ts.SyntaxKind.CallExpression:
        // both are pure: the cheaper (a position lookup, mostly) first
        return this.fromMessageText(n) && this.cardRegex.appliedWithin(n) ? { kind: 'card', node: n } : undefined;
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TemplateHead:
      case ts.SyntaxKind.TemplateMiddle:
      case ts.SyntaxKind.TemplateTail: {
        const pan = this.context.isTestFile ? undefined : cardNumberIn((n as ts.LiteralLikeNode).text);
        return pan ? { kind: 'card', node: n, literal: `${pan.slice(0, 4)}…` } : undefined;
      }
      default:
        return undefined;
    }
  }

  /** The kind a guard (`if (luhn(text))`) gives to `name` at `n`. */
  private guardedKind(name: string, n: ts.Node): SensitiveKind | undefined {
    if (this.guarded.length === 0) return undefined;
    return this.guarded.find((g) => g.name === name && n.pos >= g.within.pos && n.end <= g.within.end)?.kind;
  }
}
