import { ts } from 'ts-morph';
import type { FileModel } from './file-model';
import { accessChain, boundNames, unwrap } from './syntax';

/** Field names that hold a natural person's data in Web1on1 contacts and in forms. */
export const PERSONAL_FIELDS = new Set([
  'email', 'emailAddress', 'telephone', 'phone', 'phoneNumber', 'mobile', 'name', 'givenName', 'familyName',
  'firstName', 'lastName', 'fullName', 'displayName', 'address', 'street', 'postalCode', 'zip', 'zipCode', 'city',
  'birthDate', 'dateOfBirth', 'licensePlate', 'kenteken', 'iban', 'avatar', 'ip',
]);
const CONTAINERS = new Set(['contact', 'contacts', 'profile', 'consumer', 'customer']);
const MESSAGE_CONTENT = new Set(['text', 'body', 'contact', 'results', 'meta', 'data']);

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

  constructor(private readonly model: FileModel) {
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
      const p = c.call.parent;
      if (ts.isPropertyAccessExpression(p) && p.name.text === 'then' && ts.isCallExpression(p.parent)) {
        const fn = model.sdk.functionOf(p.parent.arguments[0]);
        const first = fn?.parameters[0];
        if (first) for (const n of boundNames(first.name)) this.tainted.set(n, { what: c.method === 'list' ? 'contact list' : 'contact object', whole: true });
      }
    }
  }

  private contactRead(init: ts.Expression): PersonalDataRef | undefined {
    const e = unwrap(init);
    if (!ts.isCallExpression(e)) return undefined;
    const c = this.model.sdk.calls.find((x) => x.call === e);
    if (c && c.kind === 'resource' && (c.resource === 'contacts' || c.resource === 'messages' || c.resource === 'conversations') && (c.method === 'get' || c.method === 'list')) {
      return { what: `${c.resource.replace(/s$/, '')} ${c.method === 'list' ? 'list' : 'object'}`, whole: true };
    }
    return undefined;
  }

  /** The personal data an expression carries, if it is recognisably personal data. */
  ref(node: ts.Expression): PersonalDataRef | undefined {
    const e = unwrap(node);
    const chain = accessChain(e);
    if (!chain) {
      if (ts.isTemplateExpression(e)) {
        for (const span of e.templateSpans) {
          const r = this.ref(span.expression);
          if (r) return r;
        }
      }
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return this.ref(e.left) ?? this.ref(e.right);
      if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'stringify') return this.ref(e.arguments[0] as ts.Expression);
      return undefined;
    }
    const root = chain[0]!;
    const last = chain[chain.length - 1]!;
    const rootRef = this.tainted.get(root);
    if (rootRef) {
      if (chain.length === 1) return rootRef;
      if (PERSONAL_FIELDS.has(last)) return { what: describe(last), whole: false };
      if (CONTAINERS.has(last)) return { what: 'contact object', whole: true };
      if (rootRef.what === 'message payload' && chain.length === 2 && MESSAGE_CONTENT.has(last)) return { what: last === 'text' ? 'message text' : `message ${last}`, whole: last !== 'text' };
      if (chain.some((p) => CONTAINERS.has(p)) && chain.length <= 5) return { what: 'contact data', whole: true };
      return undefined;
    }
    const containerAt = chain.findIndex((p) => CONTAINERS.has(p));
    if (containerAt < 0) return undefined;
    if (chain.length === 1) return undefined; // a bare `contact` identifier we know nothing about
    if (PERSONAL_FIELDS.has(last) && containerAt < chain.length - 1) return { what: describe(last), whole: false };
    if (CONTAINERS.has(last) && containerAt > 0) return { what: last === 'profile' ? 'contact profile' : 'contact object', whole: true };
    return undefined;
  }

  isTainted(name: string): boolean {
    return this.tainted.has(name);
  }
}

function describe(field: string): string {
  if (/mail/i.test(field)) return 'contact e-mail';
  if (/phone|telephone|mobile/i.test(field)) return 'contact phone number';
  if (/name/i.test(field)) return 'contact name';
  if (/address|street|zip|postal|city/i.test(field)) return 'contact address';
  if (field === 'text') return 'message text';
  return `contact ${field}`;
}
