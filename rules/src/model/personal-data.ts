import { ts } from '../ts';
import type { FileModel } from './file-model';
import { accessChain, boundNames, isFunctionLike, propertyName, unwrap } from './syntax';

/** Field names that hold a natural person's data in Web1on1 contacts and in forms. */
export const PERSONAL_FIELDS = new Set([
  'email', 'emailAddress', 'telephone', 'phone', 'phoneNumber', 'mobile', 'name', 'givenName', 'familyName',
  'firstName', 'lastName', 'fullName', 'displayName', 'address', 'street', 'postalCode', 'zip', 'zipCode', 'city',
  'birthDate', 'dateOfBirth', 'licensePlate', 'kenteken', 'iban', 'avatar', 'ip',
]);
const CONTAINERS = new Set(['contact', 'contacts', 'profile', 'consumer', 'customer']);
/** Properties of personal-data objects that identify or count records but say nothing about the person. */
const NON_PERSONAL_LEAVES = new Set(['length', 'id', '_id', 'count', 'size']);
const MESSAGE_CONTENT = new Set(['text', 'body', 'contact', 'results', 'meta', 'data']);
/** Field names that hold a person's data whatever object they sit on (`lead.email`, `req.body.telephone`). */
const UNMISTAKABLE_FIELDS = new Set([
  'email', 'emailAddress', 'telephone', 'phone', 'phoneNumber', 'mobile', 'givenName', 'familyName', 'firstName', 'lastName',
  'fullName', 'birthDate', 'dateOfBirth', 'licensePlate', 'kenteken', 'iban',
]);
const LOGICAL_OPERATORS = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);
/** Roots of configuration objects: `config.email` is the app's own setting, not a person's data. */
const CONFIG_ROOTS = /^(process|config|cfg|conf|settings|options|opts|env|constants|defaults|CONFIG|SETTINGS)$/;

export interface PersonalDataRef {
  /** What it is, in words: "contact e-mail", "message text", "contact object". */
  what: string;
  /** A whole object (contact, message) rather than one field. */
  whole: boolean;
}

/**
 * Recognises personal data of consumers in expressions: contact/profile fields, message payloads
 * of SDK handlers, results of contact reads, and variables assigned from those in the same file.
 */
export class PersonalDataModel {
  private readonly tainted = new Map<string, PersonalDataRef>();
  /** The first SDK call record of each call node: a linear search per declaration was quadratic in big files. */
  private readonly sdkCallOf = new Map<ts.CallExpression, FileModel['sdk']['calls'][number]>();

  constructor(private readonly model: FileModel) {
    for (const c of model.sdk.calls) if (!this.sdkCallOf.has(c.call)) this.sdkCallOf.set(c.call, c);
    for (const n of model.sdk.messageNames) this.tainted.set(n, { what: 'message payload', whole: true });
    // variables assigned from personal data; in document order, twice for chains declared out of order
    const decls = model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration);
    for (let pass = 0; pass < 2; pass++) {
      for (const d of decls) {
        if (!d.initializer) continue;
        const ref = this.ref(d.initializer) ?? this.contactRead(d.initializer);
        if (!ref) continue;
        if (ts.isIdentifier(d.name)) this.tainted.set(d.name.text, ref);
        else
          for (const el of (d.name as ts.BindingPattern).elements) {
            if (!ts.isBindingElement(el)) continue;
            const key = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : '';
            for (const n of boundNames(el.name)) this.tainted.set(n, { what: key ? describe(key) : ref.what, whole: !PERSONAL_FIELDS.has(key) && ref.whole });
          }
      }
    }
    // contacts.get(...).then(contact => …)
    for (const c of model.sdk.calls) {
      if (c.kind !== 'resource' || c.resource !== 'contacts' || (c.method !== 'get' && c.method !== 'list')) continue;
      const what = c.method === 'list' ? 'contact list' : 'contact object';
      const p = c.call.parent;
      if (ts.isPropertyAccessExpression(p) && p.name.text === 'then' && ts.isCallExpression(p.parent)) {
        const fn = model.sdk.functionOf(p.parent.arguments[0]);
        const first = fn?.parameters[0];
        if (first) for (const n of boundNames(first.name)) this.tainted.set(n, { what, whole: true });
      }
      // list().then((cs) => bot.contacts.get(cs[0].id)).then((contact) => …): the next callback gets the result
      const next = nextThenCallback(c.call);
      const nextFirst = next ? model.sdk.functionOf(next)?.parameters[0] : undefined;
      if (nextFirst) for (const n of boundNames(nextFirst.name)) this.tainted.set(n, { what, whole: true });
    }
  }

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
  ref(node: ts.Expression, depth = 0): PersonalDataRef | undefined {
    if (depth > 24) return undefined; // long `a + b + …` chains: deep enough for real code, no stack overflow
    const e = unwrap(node);
    const chain = accessChain(e);
    if (!chain) {
      if (ts.isTemplateExpression(e)) {
        for (const span of e.templateSpans) {
          const r = this.ref(span.expression, depth + 1);
          if (r) return r;
        }
      }
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return this.ref(e.left, depth + 1) ?? this.ref(e.right, depth + 1);
      if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'stringify') return this.ref(e.arguments[0] as ts.Expression, depth + 1);
      return undefined;
    }
    const root = chain[0]!;
    const last = chain[chain.length - 1]!;
    const rootRef = this.tainted.get(root);
    if (rootRef) {
      if (chain.length === 1) return rootRef;
      if (PERSONAL_FIELDS.has(last)) return { what: describe(last), whole: false };
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
    if (PERSONAL_FIELDS.has(last) && containerAt < chain.length - 1) return { what: describe(last), whole: false };
    if (CONTAINERS.has(last) && containerAt > 0) return { what: last === 'profile' ? 'contact profile' : 'contact object', whole: true };
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
    return UNMISTAKABLE_FIELDS.has(last) ? { what: describe(last).replace(/^contact /, ''), whole: false } : undefined;
  }

  /** `{ email: x }` / `{ telephone }`: a person's field filled from a variable (not a literal or a constant). */
  private keyedRef(key: string | undefined, value: ts.Expression): PersonalDataRef | undefined {
    if (!key || !UNMISTAKABLE_FIELDS.has(key)) return undefined;
    const v = unwrap(value);
    if (!ts.isIdentifier(v) && !ts.isPropertyAccessExpression(v)) return undefined;
    const chain = accessChain(v);
    if (!chain || CONFIG_ROOTS.test(chain[0]!) || this.model.values.string(v)?.exact) return undefined;
    return { what: describe(key).replace(/^contact /, ''), whole: false };
  }

  isTainted(name: string): boolean {
    return this.tainted.has(name);
  }

  /** Every name `ref()` knows as personal data: a chain rooted in another name is none. */
  taintedNames(): Iterable<string> {
    return this.tainted.keys();
  }
}

function isParameterInScope(id: ts.Identifier): boolean {
  for (let cur: ts.Node | undefined = id.parent; cur; cur = cur.parent) {
    if (isFunctionLike(cur) && cur.parameters.some((p) => boundNames(p.name).includes(id.text))) return true;
  }
  return false;
}

/** For a call returned by an arrow passed to `.then(…)`, the callback of the `.then(…)` chained after it. */
function nextThenCallback(call: ts.CallExpression): ts.Expression | undefined {
  let cur: ts.Node = call;
  // up through `a ? call : null`, parentheses and `await` to the arrow's expression body
  while (ts.isConditionalExpression(cur.parent) || ts.isParenthesizedExpression(cur.parent) || ts.isAwaitExpression(cur.parent)) cur = cur.parent;
  let fn: ts.Node | undefined = cur.parent;
  if (fn && ts.isReturnStatement(fn)) {
    while (fn && !ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn) && !ts.isFunctionDeclaration(fn)) fn = fn.parent;
  } else if (!fn || !ts.isArrowFunction(fn) || fn.body !== cur) return undefined;
  if (!fn || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
  const then = fn.parent;
  if (!ts.isCallExpression(then) || then.arguments[0] !== fn || !ts.isPropertyAccessExpression(then.expression) || then.expression.name.text !== 'then') return undefined;
  const access = then.parent;
  if (!ts.isPropertyAccessExpression(access) || access.name.text !== 'then' || !ts.isCallExpression(access.parent)) return undefined;
  return access.parent.arguments[0];
}

function describe(field: string): string {
  if (/mail/i.test(field)) return 'contact e-mail';
  if (/phone|telephone|mobile/i.test(field)) return 'contact phone number';
  if (/name/i.test(field)) return 'contact name';
  if (/address|street|zip|postal|city/i.test(field)) return 'contact address';
  if (field === 'text') return 'message text';
  return `contact ${field}`;
}
