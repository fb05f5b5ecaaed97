import vocabulary from '../../data/personal-data.json';
import { ts } from '../ts';
import type { FileModel } from './file-model';
import {
  CONTAINERS, normaliseField as normaliseName, NON_PERSONAL_LEAVES, PERSONAL_FIELDS, databaseRead, dataChain, isDatabaseReadName, describeField, fieldOf,
  isUnmistakableField, messageHandlerParams, personObjectNames, requestRoot, walkFields, type PersonalDataRef,
} from './personal-data-sources';
import { isParameterInScope, isQueryBuilder, nextThenCallback, scopeOf } from './personal-data-syntax';
import { apiResult, isApiReceiver, namesOwnAccount } from './personal-data-api';
import { peopleApiWrapperParams } from './personal-data-wrappers';
import { accessChain, boundNames, calleeName, isFunctionLike, propertyName, unwrap } from './syntax';

export type { PersonalDataRef } from './personal-data-sources';
export { PERSONAL_FIELDS } from './personal-data-sources';

const MESSAGE_CONTENT = new Set(['text', 'body', 'contact', 'results', 'meta', 'data']);
const LOGICAL_OPERATORS = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);
/** Roots of configuration objects: `config.email` is the app's own setting, not a person's data. */
const CONFIG_ROOTS = /^(process|config|cfg|conf|settings|options|opts|env|constants|defaults|CONFIG|SETTINGS)$/;
/** Calls that return a part or a copy of the text they are called on (`text.match(phoneRe)`, `email.trim()`). */
const TEXT_PARTS = new Set(['match', 'matchAll', 'split', 'slice', 'substring', 'substr', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'replace', 'replaceAll', 'normalize', 'toString', 'padStart', 'at']);
const DB_CHAIN_METHODS = new Set(vocabulary.databases.chainMethods);
/** Array methods whose callback gets each element: an element of a list of people is a person. */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'filter', 'find', 'some', 'every', 'flatMap', 'findLast']);
/** First parameters of node-style callbacks, which hold the error rather than the result. */
const ERROR_PARAMETERS = /^(err|error|e|ex|er|error_?)$/i;
/** Meta's webhook envelope (`body.entry[].messaging[]`, `entry[].changes[].value`), on whatever the payload is called. */
const META_ENVELOPE: PersonalDataRef = { what: 'webhook envelope', whole: true, shape: 'whatsapp', personal: false };

/**
 * Recognises personal data in expressions and follows it through the variables of a file. Sources: contact,
 * profile and message payloads of SDK handlers, results of contact reads, and (personal-data-sources.ts) route
 * bodies, other channels' webhooks, bot clients' message events, database rows and person-shaped objects.
 */
export class PersonalDataModel {
  /** Every name that holds personal data somewhere in the file (what rules ask with isTainted/taintedNames). */
  private readonly tainted = new Map<string, PersonalDataRef>();
  /** Names that hold personal data by what they are called or by the SDK's handler registrations, file-wide. */
  private readonly seeds = new Map<string, PersonalDataRef>();
  /** Declared names by the scope that declares them (a block, a function, the file): a name is its nearest declaration. */
  private readonly declared = new Map<string, Map<ts.Node, PersonalDataRef | undefined>>();
  /** Parameters that receive personal data (handlers of message events, callbacks of database reads). */
  private readonly params = new Map<ts.ParameterDeclaration, Map<string, PersonalDataRef>>();
  /** The first SDK call record of each call node: a linear search per declaration was quadratic in big files. */
  private readonly sdkCallOf = new Map<ts.CallExpression, FileModel['sdk']['calls'][number]>();
  /**
   * Where personal data enters the file other than through the SDK: parameters of handlers and callbacks that
   * receive it, variables that take another API's answer, a database read or a route's request data.
   */
  readonly sources = new Map<ts.Node, string>();
  /** Values appended to a URLSearchParams by its variable name (`params.append('email', lead.email)`), built on first use. */
  private appendedParams: Map<string, ts.Expression[]> | undefined;

  constructor(private readonly model: FileModel) {
    for (const c of model.sdk.calls) if (!this.sdkCallOf.has(c.call)) this.sdkCallOf.set(c.call, c);
    // weakest first: what the SDK says of a name replaces what its name suggests
    for (const n of personObjectNames(model.text)) this.seed(n, { what: `${n} record`, whole: true, shape: 'record' });
    for (const n of model.sdk.messageNames) this.seed(n, { what: 'message payload', whole: true });
    for (const [param, ref] of messageHandlerParams(model, new Set(this.sdkCallOf.keys()))) this.bindParameter(param, ref);
    for (const [param, ref] of peopleApiWrapperParams(model)) this.bindParameter(param, ref);
    // variables assigned from personal data; in document order, twice for chains declared out of order
    const decls = model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration);
    const calls = model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression);
    const scopes = decls.map(scopeOf);
    decls.forEach((d, i) => {
      if (ts.isIdentifier(d.name)) this.scopesOf(d.name.text).set(scopes[i]!, undefined);
      else for (const n of boundNames(d.name)) this.scopesOf(n).set(scopes[i]!, undefined);
    });
    for (let pass = 0; pass < 2; pass++) {
      decls.forEach((d, i) => {
        // `for (const lead of leads)`: each element is what the list holds
        const source = d.initializer ?? (ts.isForOfStatement(d.parent.parent) ? d.parent.parent.expression : undefined);
        if (!source) return;
        const ref = this.resolve(source) ?? this.contactRead(source);
        if (!ref) return;
        this.bind(d.name, ref, (n, r) => this.scopesOf(n).set(scopes[i]!, r));
        const chain = dataChain(unwrap(source));
        if (ref.personal !== false && (ref.fromApi || ref.stored || (chain && requestRoot(chain))) && !this.sources.has(d)) this.sources.set(d, ref.what);
      });
      for (const call of calls) this.callbackOfRead(call);
    }
    // contacts.get(...).then(contact => …)
    for (const c of model.sdk.calls) {
      if (c.kind !== 'resource' || c.resource !== 'contacts' || (c.method !== 'get' && c.method !== 'list')) continue;
      const what = c.method === 'list' ? 'contact list' : 'contact object';
      const p = c.call.parent;
      if (ts.isPropertyAccessExpression(p) && p.name.text === 'then' && ts.isCallExpression(p.parent)) {
        const fn = model.sdk.functionOf(p.parent.arguments[0]);
        const first = fn?.parameters[0];
        if (first) for (const n of boundNames(first.name)) this.seed(n, { what, whole: true });
      }
      // list().then((cs) => bot.contacts.get(cs[0].id)).then((contact) => …): the next callback gets the result
      const next = nextThenCallback(c.call);
      const nextFirst = next ? model.sdk.functionOf(next)?.parameters[0] : undefined;
      if (nextFirst) for (const n of boundNames(nextFirst.name)) this.seed(n, { what, whole: true });
    }
  }

  private seed(name: string, ref: PersonalDataRef): void {
    this.seeds.set(name, ref);
    this.tainted.set(name, ref);
  }

  private scopesOf(name: string): Map<ts.Node, PersonalDataRef | undefined> {
    let scopes = this.declared.get(name);
    if (!scopes) this.declared.set(name, (scopes = new Map()));
    return scopes;
  }

  private bindParameter(param: ts.ParameterDeclaration, ref: PersonalDataRef): void {
    if (ref.personal !== false && !this.sources.has(param)) this.sources.set(param, ref.what);
    let names = this.params.get(param);
    if (!names) this.params.set(param, (names = new Map()));
    this.bind(param.name, ref, (n, r) => names.set(n, r));
  }

  /** Binds the names of a declaration (or a parameter) to the data of its value, destructuring by field. */
  private bind(name: ts.BindingName, ref: PersonalDataRef, set: (name: string, ref: PersonalDataRef) => void): void {
    if (ts.isIdentifier(name)) {
      set(name.text, ref);
      this.tainted.set(name.text, ref);
      return;
    }
    for (const el of name.elements) {
      if (!ts.isBindingElement(el)) continue;
      const key = el.propertyName ? propertyName(el.propertyName) ?? '' : ts.isIdentifier(el.name) ? el.name.text : '';
      if (ref.shape) {
        // `const [first] = rows`: an element of a list is what the list holds
        const child = ts.isArrayBindingPattern(name) ? ref : key ? fieldOf(ref, key) : undefined;
        if (child) this.bind(el.name, child, set);
        continue;
      }
      if (ts.isArrayBindingPattern(name)) {
        this.bind(el.name, ref, set);
        continue;
      }
      for (const n of boundNames(el.name)) {
        const r = { what: key ? describeField(key) : ref.what, whole: !PERSONAL_FIELDS.has(key) && ref.whole };
        set(n, r);
        this.tainted.set(n, r);
      }
    }
  }

  /**
   * What a name holds where it is used: the nearest parameter or declaration of it decides (a `message` parameter
   * of another handler, or a `password` declared again for a boolean, is another value); names the SDK or their
   * wording make personal hold it wherever nothing nearer says otherwise.
   */
  private nameRef(use: ts.Node, name: string): PersonalDataRef | undefined {
    const scopes = this.declared.get(name);
    for (let cur: ts.Node | undefined = use.parent; cur; cur = cur.parent) {
      if (scopes?.has(cur)) return scopes.get(cur) ?? this.seeds.get(name);
      if (isFunctionLike(cur)) {
        const p = cur.parameters.find((x) => boundNames(x.name).includes(name));
        if (p) return this.params.get(p)?.get(name) ?? this.seeds.get(name);
      }
    }
    return this.seeds.get(name);
  }

  /**
   * `Lead.find().then((rows) => …)`, `db.query(sql, (err, rows) => …)`, `conversations.list(20, (err, res) => …)`,
   * `rows.forEach((row) => …)`: callbacks that get the rows of a read, another API's answer or a list's elements.
   */
  private callbackOfRead(call: ts.CallExpression): void {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    const fnArg = call.arguments.find((a) => isFunctionLike(unwrap(a)));
    if (!fnArg) return;
    const fn = unwrap(fnArg) as ts.FunctionLikeDeclaration;
    if (method === 'then') {
      const ref = this.resolve(callee.expression);
      if ((ref?.stored || ref?.fromApi) && fn.parameters[0]) this.bindParameter(fn.parameters[0], ref);
      return;
    }
    if (ELEMENT_CALLBACKS.has(method)) {
      const ref = this.resolve(callee.expression);
      if (ref?.shape && fn.parameters[0]) this.bindParameter(fn.parameters[0], ref);
      return;
    }
    if (!isDatabaseReadName(method)) {
      const api = this.apiCallResult(call);
      // the result is the first parameter that is not the error
      const p = api ? fn.parameters.find((x) => !ts.isIdentifier(x.name) || !ERROR_PARAMETERS.test(x.name.text)) : undefined;
      if (api && p) this.bindParameter(p, api);
      return;
    }
    const ref = databaseRead(this.model, call);
    // node-style callbacks take the error first
    const p = ref ? fn.parameters[fn.parameters.length > 1 ? 1 : 0] : undefined;
    if (ref && p) this.bindParameter(p, ref);
  }

  /**
   * What a call of another platform's client answers (personal-data-api.ts), when the receiver is such a client:
   * a loaded module, an instance made from one, `this` (a class around a client), or an API object itself
   * (`(await msg.getChat()).fetchMessages()`). A local list (`users.find(…)`) is not asked; nor is a read of the
   * app's own account (`users.get(bot.auth.user)`, `getMe()`).
   */
  private apiCallResult(call: ts.CallExpression, depth = 0): PersonalDataRef | undefined {
    // what the words say is asked by both passes and by every rule: read once; the receiver is asked each time,
    // since what it holds may be learnt in a later pass (a callback's parameter)
    let ref: PersonalDataRef | undefined;
    if (this.apiResults.has(call)) ref = this.apiResults.get(call);
    else {
      ref = this.sdkCallOf.has(call) || !ts.isPropertyAccessExpression(call.expression) ? undefined : apiResult(call);
      if (ref && call.arguments.some((a) => namesOwnAccount(a))) ref = undefined;
      this.apiResults.set(call, ref);
    }
    const receiver = (call.expression as ts.PropertyAccessExpression).expression;
    return ref && isApiReceiver(this.model, receiver, (e) => this.resolve(e, depth + 1), this.importedNames()) ? ref : undefined;
  }

  private readonly apiResults = new Map<ts.CallExpression, PersonalDataRef | undefined>();

  private importedNames(): Set<string> {
    if (!this.imported) {
      this.imported = new Set(this.model.requireBindings.keys());
      for (const imp of this.model.imports) for (const n of imp.names) this.imported.add(n);
    }
    return this.imported;
  }

  private imported: Set<string> | undefined;

  private contactRead(init: ts.Expression): PersonalDataRef | undefined {
    const e = unwrap(init);
    if (!ts.isCallExpression(e)) return undefined;
    const c = this.sdkCallOf.get(e);
    if (c && c.kind === 'resource' && (c.resource === 'contacts' || c.resource === 'messages' || c.resource === 'conversations') && (c.method === 'get' || c.method === 'list')) {
      return { what: `${c.resource.replace(/s$/, '')} ${c.method === 'list' ? 'list' : 'object'}`, whole: true };
    }
    return undefined;
  }

  /** The personal data an expression carries, if it is recognisably personal data. */
  ref(node: ts.Expression): PersonalDataRef | undefined {
    const r = this.resolve(node);
    return r && r.personal !== false ? r : undefined;
  }

  /** Like ref(), also answering values that only lead to personal data (a webhook envelope, a query's rows). */
  private resolve(node: ts.Expression, depth = 0): PersonalDataRef | undefined {
    if (depth > 24) return undefined; // long `a + b + …` chains: deep enough for real code, no stack overflow
    const e = unwrap(node);
    const chain = dataChain(e);
    if (!chain) {
      if (ts.isTemplateExpression(e)) {
        for (const span of e.templateSpans) {
          const r = this.ref(span.expression);
          if (r) return r;
        }
      }
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return this.resolve(e.left, depth + 1) ?? this.resolve(e.right, depth + 1);
      // `text.match(re)[1]`
      if (ts.isElementAccessExpression(e)) return this.resolve(e.expression, depth + 1);
      if (ts.isCallExpression(e)) return this.callResult(e, depth);
      // `(await client.getChatById(id)).name`: a field of what a call answers
      if (ts.isPropertyAccessExpression(e)) {
        const inner = this.resolve(e.expression, depth + 1);
        return inner?.shape ? fieldOf(inner, e.name.text) : undefined;
      }
      return undefined;
    }
    const root = chain[0]!;
    const last = chain[chain.length - 1]!;
    const rootRef = this.tainted.has(root) ? this.nameRef(e, root) : undefined;
    if (rootRef?.shape) return walkFields(rootRef, chain, 1);
    if (!rootRef) {
      const request = requestRoot(chain);
      if (request) return walkFields(request.ref, chain, request.used);
      if (chain[1] === 'entry') return walkFields(META_ENVELOPE, chain, 2);
    }
    if (rootRef) {
      if (chain.length === 1) return rootRef;
      if (PERSONAL_FIELDS.has(last)) return { what: describeField(last), whole: false };
      if (NON_PERSONAL_LEAVES.has(last)) return undefined; // contacts.length, contact.id
      if (CONTAINERS.has(last)) return { what: 'contact object', whole: true };
      if (rootRef.what === 'message payload' && chain.length === 2 && MESSAGE_CONTENT.has(last)) return { what: last === 'text' ? 'message text' : `message ${last}`, whole: last !== 'text' };
      // the root's own name does not count: `contact.conversation` is an id, `payload.data.contact.x` is contact data
      if (chain.slice(1).some((p) => CONTAINERS.has(p)) && chain.length <= 5) return { what: 'contact data', whole: true };
      return undefined;
    }
    const containerAt = chain.findIndex((p) => CONTAINERS.has(p));
    if (containerAt < 0) return undefined;
    if (chain.length === 1) return undefined; // a bare `contact` identifier we know nothing about
    if (PERSONAL_FIELDS.has(last) && containerAt < chain.length - 1) return { what: describeField(last), whole: false };
    if (CONTAINERS.has(last) && containerAt > 0) return { what: last === 'profile' ? 'contact profile' : 'contact object', whole: true };
    return undefined;
  }

  /** What a call returns: rows of a database read, a part of a personal string, a serialised object. */
  private callResult(call: ts.CallExpression, depth: number): PersonalDataRef | undefined {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    if (method === 'stringify') return this.ref(call.arguments[0] as ts.Expression);
    const read = databaseRead(this.model, call);
    if (read) return read;
    const sdkRead = this.contactRead(call);
    if (sdkRead) return sdkRead;
    const api = this.apiCallResult(call, depth);
    if (api) return api;
    // `Lead.find().lean()`, `db.collection('leads').find().toArray()`: the rows pass on
    if (DB_CHAIN_METHODS.has(method)) {
      const inner = this.resolve(callee.expression, depth + 1);
      if (inner?.stored) return inner;
    }
    if (TEXT_PARTS.has(method)) {
      const r = this.ref(callee.expression);
      return r && !r.whole ? r : undefined;
    }
    // PHONE_RE.exec(message.text)
    if (method === 'exec' && call.arguments[0]) {
      const r = this.ref(call.arguments[0]);
      return r && !r.whole ? r : undefined;
    }
    return undefined;
  }

  /**
   * Personal data anywhere inside a value that is built in place: object and array literals (also
   * through constants), `JSON.stringify(…)`, `new URLSearchParams(…)`, templates and concatenations.
   */
  refIn(node: ts.Expression | undefined, depth = 0, byFieldName = false): PersonalDataRef | undefined {
    if (!node || depth > 6) return undefined;
    const direct = this.ref(node) ?? (byFieldName ? this.fieldRef(node) : undefined);
    if (direct) return direct;
    const e = unwrap(node);
    // constants resolve by name across the file; a parameter of the same name is another value
    const obj = ts.isIdentifier(e) && isParameterInScope(e) ? undefined : this.model.values.objectLiteral(e);
    if (obj) {
      for (const p of obj.properties) {
        let r: PersonalDataRef | undefined;
        if (ts.isPropertyAssignment(p)) r = this.refIn(p.initializer, depth + 1, byFieldName) ?? (byFieldName ? this.keyedRef(propertyName(p.name), p.initializer) : undefined);
        else if (ts.isShorthandPropertyAssignment(p)) r = this.ref(p.name) ?? (byFieldName ? this.keyedRef(p.name.text, p.name) : undefined);
        else if (ts.isSpreadAssignment(p)) r = this.refIn(p.expression, depth + 1, byFieldName);
        if (r) return r;
      }
      return undefined;
    }
    const arr = ts.isIdentifier(e) && isParameterInScope(e) ? undefined : this.model.values.arrayLiteral(e);
    if (arr) {
      for (const el of arr.elements) {
        const r = this.refIn(ts.isSpreadElement(el) ? el.expression : el, depth + 1, byFieldName);
        if (r) return r;
      }
      return undefined;
    }
    // `const params = new URLSearchParams(); params.append('email', lead.email)` … `${url}?${params}`
    if (ts.isIdentifier(e) && !isParameterInScope(e)) {
      const init = this.model.values.initializerOf(e.text);
      if (init && isQueryBuilder(init, this.model.sourceFile)) {
        for (const v of [unwrap(init), ...this.appendedTo(e.text)]) {
          const r = this.refIn(v, depth + 1, byFieldName);
          if (r) return r;
        }
      }
    }
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'toString' && ts.isIdentifier(e.expression.expression)) {
      return this.refIn(e.expression.expression, depth + 1, byFieldName);
    }
    if ((ts.isCallExpression(e) || ts.isNewExpression(e)) && e.arguments?.length) {
      const callee = e.expression.getText(this.model.sourceFile);
      if (/^(JSON|qs|querystring)\.stringify$/.test(callee) || (ts.isNewExpression(e) && callee === 'URLSearchParams') || /^(encodeURIComponent|encodeURI|escape|String)$/.test(callee)) return this.refIn(e.arguments[0], depth + 1, byFieldName);
    }
    // `email.trim().toLowerCase()` carries what its receiver carries
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && /^(trim|toLowerCase|toUpperCase|toString|normalize|replace|replaceAll|slice|substring)$/.test(e.expression.name.text)) {
      return this.refIn(e.expression.expression, depth + 1, byFieldName);
    }
    if (ts.isTemplateExpression(e)) {
      for (const span of e.templateSpans) {
        const r = this.refIn(span.expression, depth + 1, byFieldName);
        if (r) return r;
      }
    }
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return this.refIn(e.left, depth + 1, byFieldName) ?? this.refIn(e.right, depth + 1, byFieldName);
    // `contact && contact.profile.email`, `email ?? ''`, `ok ? contact.email : ''`
    if (ts.isBinaryExpression(e) && LOGICAL_OPERATORS.has(e.operatorToken.kind)) return this.refIn(e.right, depth + 1, byFieldName) ?? this.refIn(e.left, depth + 1, byFieldName);
    if (ts.isConditionalExpression(e)) return this.refIn(e.whenTrue, depth + 1, byFieldName) ?? this.refIn(e.whenFalse, depth + 1, byFieldName);
    return undefined;
  }

  /**
   * A field that holds a person's data by its name alone, on any object that is not configuration:
   * `lead.email`, `req.body.telephone` (not `config.email`, not `process.env.EMAIL`).
   */
  fieldRef(node: ts.Expression): PersonalDataRef | undefined {
    const chain = accessChain(unwrap(node));
    if (!chain || chain.length < 2 || CONFIG_ROOTS.test(chain[0]!) || (chain[0] === 'this' && CONFIG_ROOTS.test(chain[1] ?? ''))) return undefined;
    const last = chain[chain.length - 1]!;
    // whose field it is (a consumer, a staff member, the bot account) is unknown: no "contact" in the words
    return isUnmistakableField(last) ? { what: describeField(normaliseName(last)).replace(/^contact /, ''), whole: false } : undefined;
  }

  /** `{ email: x }` / `{ telephone }`: a person's field filled from a variable (not a literal or a constant). */
  private keyedRef(key: string | undefined, value: ts.Expression): PersonalDataRef | undefined {
    if (!key || !isUnmistakableField(key)) return undefined;
    const v = unwrap(value);
    if (!ts.isIdentifier(v) && !ts.isPropertyAccessExpression(v)) return undefined;
    const chain = accessChain(v);
    if (!chain || CONFIG_ROOTS.test(chain[0]!) || this.model.values.string(v)?.exact) return undefined;
    return { what: describeField(normaliseName(key)).replace(/^contact /, ''), whole: false };
  }

  /** The values `name.append(key, value)` / `name.set(key, value)` put into a query builder, as `{ key: value }` stand-ins. */
  private appendedTo(name: string): ts.Expression[] {
    if (!this.appendedParams) {
      this.appendedParams = new Map();
      for (const call of this.model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
        const callee = call.expression;
        const m = calleeName(call);
        if ((m !== 'append' && m !== 'set') || !ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || call.arguments.length < 2) continue;
        const key = this.model.values.string(call.arguments[0]!)?.text;
        const value = call.arguments[1]!;
        // the key names the field: `append('email', x)` with x from a variable is an e-mail address
        const standIn = key ? ts.factory.createObjectLiteralExpression([ts.factory.createPropertyAssignment(ts.factory.createStringLiteral(key), value)]) : value;
        const list = this.appendedParams.get(callee.expression.text) ?? [];
        list.push(standIn);
        this.appendedParams.set(callee.expression.text, list);
      }
    }
    return this.appendedParams.get(name) ?? [];
  }

  isTainted(name: string): boolean {
    return this.tainted.has(name);
  }

  /** Every name `ref()` knows as personal data: a chain rooted in another name is none. */
  taintedNames(): Iterable<string> {
    return this.tainted.keys();
  }
}

