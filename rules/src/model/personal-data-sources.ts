import vocabulary from '../../data/personal-data.json';
import { ts } from '../ts';
import type { FileModel } from './file-model';
import { accessChain, isFunctionLike, unwrap } from './syntax';

/**
 * Where personal data enters a file besides the Web1on1 SDK: the app's own HTTP routes (`req.body`), webhook
 * payloads of other messaging channels (Twilio form fields, WhatsApp Cloud API `entry[].changes[].value`),
 * handlers of bot clients' message events, rows read from databases, and objects named and read like a person.
 * The words are data (rules/data/personal-data.json); what follows a value is PersonalDataModel.
 */

/** How the fields of a value are read: what a key of it holds depends on what the value is. */
export type Shape = 'request' | 'whatsapp' | 'record' | 'channelMessage';

export interface PersonalDataRef {
  /** What it is, in words: "contact e-mail", "message text", "contact object". */
  what: string;
  /** A whole object (contact, message) rather than one field. */
  whole: boolean;
  /** How keys of the value are read; without a shape, by the SDK rules of PersonalDataModel. */
  shape?: Shape;
  /** False for a value that only leads to personal data (a webhook envelope, a request's nested object). */
  personal?: boolean;
  /** Read from the app's own storage (a database row): handing it out discloses what the app keeps. */
  stored?: boolean;
  /** What another platform's API answered (personal-data-api.ts): its callbacks get it too. */
  fromApi?: boolean;
}

const set = (xs: readonly string[]): ReadonlySet<string> => new Set(xs);
const map = (o: Record<string, string>): ReadonlyMap<string, string> => new Map(Object.entries(o));

export const PERSONAL_FIELDS = set(vocabulary.fields.personal);
export const UNMISTAKABLE_FIELDS = set(vocabulary.fields.unmistakable);
export const NON_PERSONAL_LEAVES = set(vocabulary.fields.nonPersonalLeaves);
export const CONTAINERS = set(vocabulary.containers);
const PERSON_NOUNS = vocabulary.personNouns;
const TWILIO_FIELDS = map(vocabulary.channels.twilio.fields);
const WA_PATH = set(vocabulary.channels.whatsappCloud.path);
const WA_RECORDS = map(vocabulary.channels.whatsappCloud.records);
const WA_FIELDS = map(vocabulary.channels.whatsappCloud.fields);
const MESSENGER_RECORDS = map(vocabulary.channels.messenger.records);
const MESSAGE_FIELDS = map(vocabulary.channelMessages.fields);
const REQUEST_ROOTS = set(vocabulary.requests.roots);
const KOA_ROOTS = set(vocabulary.requests.koaRoots);
const LAMBDA_ROOTS = set(vocabulary.requests.lambdaRoots);
const REQUEST_PARTS = set(vocabulary.requests.parts);
const LAMBDA_PARTS = set(vocabulary.requests.lambdaParts);
const DB_MODULES = set(vocabulary.databases.modules);
const DB_READS = set(vocabulary.databases.readMethods);
const DB_WORDS = set(vocabulary.databases.receiverWords);
const PERSON_TABLES = vocabulary.databases.personTables;
const DB_RESULT_FIELDS = set(vocabulary.databases.resultFields);
const EVENT_WORDS = set(vocabulary.messageEvents.words);
const MESSAGE_WORDS = set(vocabulary.messageEvents.messageWords);
const NON_PERSONAL_PARAMETERS = set(vocabulary.messageEvents.nonPersonalParameters);
const SUBSCRIPTIONS = set(vocabulary.subscriptions.methods);
const PATTERN_SUBSCRIPTIONS = set(vocabulary.subscriptions.patternMethods);
const EMITTER_EXCLUSIONS = set(vocabulary.messageEvents.emitterExclusions.map((w) => w.toLowerCase()));

/** Globals whose methods share names with database reads (`Promise.all`, `Reflect.get`). */
const BUILTINS = new Set(['Promise', 'Object', 'Array', 'Reflect', 'Map', 'Set', 'WeakMap', 'JSON', 'Math', 'Date', 'Number', 'String', 'Buffer', 'Intl', 'Atomics', 'Proxy', 'URL', 'URLSearchParams']);

/** `first_name` → firstName, `$email` → email, `_phone` → phone: how fields are compared with the vocabulary. */
export function normaliseField(key: string): string {
  // most keys are plain words: asked for every `a.b` of a file, the replaces were a hot spot
  if (!key.includes('_') && !key.includes('$')) return key;
  return key.replace(/^[$_]+/, '').replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** A person's field by its name, on any object that holds personal data. */
export function isPersonalField(key: string): boolean {
  return PERSONAL_FIELDS.has(key) || PERSONAL_FIELDS.has(normaliseField(key));
}

export function isUnmistakableField(key: string): boolean {
  return UNMISTAKABLE_FIELDS.has(key) || UNMISTAKABLE_FIELDS.has(normaliseField(key));
}

/**
 * `a.b[0]?.c` → ['a','b','c']: an access chain where array elements read as the array (an element of a list of
 * contacts is a contact); string keys count as names; other computed keys end the chain.
 */
export function dataChain(node: ts.Node): string[] | undefined {
  return accessChain(node, true);
}

/** What a field of a shaped value holds; undefined when nothing personal can be reached through it. */
export function childRef(parent: PersonalDataRef, key: string): PersonalDataRef | undefined {
  const norm = normaliseField(key);
  if (NON_PERSONAL_LEAVES.has(key)) return undefined;
  switch (parent.shape) {
    case 'request': {
      const twilio = TWILIO_FIELDS.get(key);
      if (twilio) return { what: twilio, whole: false };
      if (WA_PATH.has(key)) return { what: 'WhatsApp webhook', whole: true, shape: 'whatsapp', personal: false };
      if (isPersonalField(key)) return { what: describeField(norm), whole: false };
      if (key === 'message' || key === 'messages') return { what: 'message in the request', whole: true, shape: 'channelMessage' };
      if (CONTAINERS.has(key) || isPersonNoun(key)) return { what: `${key} data of the request`, whole: true, shape: 'record' };
      return { what: 'request data', whole: true, shape: 'request', personal: false };
    }
    case 'whatsapp': {
      const field = WA_FIELDS.get(key);
      if (field) return { what: field, whole: false };
      const record = WA_RECORDS.get(key);
      if (record) return { what: record, whole: true, shape: 'whatsapp' };
      const event = MESSENGER_RECORDS.get(key);
      if (event) return { what: event, whole: true, shape: 'channelMessage' };
      return parent;
    }
    case 'channelMessage': {
      // Messenger's `event.message.text`: the message inside an event reads like the event's own fields
      if (key === 'message') return { what: parent.what, whole: true, shape: 'channelMessage' };
      const field = MESSAGE_FIELDS.get(key);
      if (field) return { what: field, whole: false };
      return isPersonalField(key) ? { what: describeField(norm), whole: false } : undefined;
    }
    case 'record':
      if (isPersonalField(key)) return { what: describeField(norm), whole: false, stored: parent.stored };
      if (CONTAINERS.has(key)) return { what: 'contact object', whole: true, shape: 'record', stored: parent.stored };
      return undefined;
    default:
      return undefined;
  }
}

/** Follows the keys of a chain from `from` on, through the shapes of personal-data-sources. */
export function walkFields(start: PersonalDataRef, chain: readonly string[], from: number): PersonalDataRef | undefined {
  let ref: PersonalDataRef | undefined = start;
  for (let i = from; i < chain.length && ref; i++) {
    ref = fieldOf(ref, chain[i]!);
  }
  return ref;
}

/** What a field of a shaped value holds; the rows of a query result (`{ rows }`, `Items`) are the query's. */
export function fieldOf(ref: PersonalDataRef, key: string): PersonalDataRef | undefined {
  return ref.shape === 'record' && (ref.stored || ref.fromApi) && DB_RESULT_FIELDS.has(key) ? ref : childRef(ref, key);
}

/** `req.body`, `ctx.request.body`, `event.body`: what the caller of a route sent, and how many links that took. */
export function requestRoot(chain: readonly string[]): { ref: PersonalDataRef; used: number } | undefined {
  const [root, second, third] = chain;
  if (!root || !second) return undefined;
  const ref = (part: string): PersonalDataRef =>
    part === 'body' ? { what: 'request body', whole: true, shape: 'request' } : { what: 'request query', whole: true, shape: 'request', personal: false };
  if (REQUEST_ROOTS.has(root) && REQUEST_PARTS.has(second)) return { ref: ref(second), used: 2 };
  if (KOA_ROOTS.has(root) && second === 'request' && third && REQUEST_PARTS.has(third)) return { ref: ref(third), used: 3 };
  if (LAMBDA_ROOTS.has(root) && LAMBDA_PARTS.has(second)) return { ref: ref(second === 'body' ? 'body' : 'query'), used: 2 };
  return undefined;
}

export function describeField(field: string): string {
  if (/mail/i.test(field)) return 'contact e-mail';
  if (/phone|telephone|mobile|waId|number/i.test(field)) return 'contact phone number';
  if (/name/i.test(field)) return 'contact name';
  if (/address|street|zip|postal|city/i.test(field)) return 'contact address';
  if (field === 'text') return 'message text';
  return `contact ${field}`;
}

/** `customer`, `newLead`, `leads`, `klantData`: a name that says it holds a person's record. */
export function isPersonNoun(name: string): boolean {
  const lower = name.toLowerCase();
  return PERSON_NOUNS.some((n) => lower === n || lower === n + 's' || lower.endsWith(n) || lower.endsWith(n + 's') || lower.startsWith(n) && /^[A-Z_]/.test(name.slice(n.length)));
}

/**
 * Rows read from a database: `Lead.findOne(…)`, `prisma.customer.findMany()`, `db.query('SELECT … FROM leads')`,
 * `knex('contacts').where(…)`, `redis.hGetAll('customer:1')`. Personal when the table, model or key names
 * people; otherwise a record whose personal fields still count when read.
 */
export function isDatabaseReadName(name: string): boolean {
  return DB_READS.has(name);
}

export function databaseRead(model: FileModel, call: ts.CallExpression): PersonalDataRef | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !DB_READS.has(callee.name.text)) return undefined;
  const receiver = receiverText(model, callee.expression);
  if (!receiver || !looksLikeDatabase(model, callee.expression, receiver)) return undefined;
  const firstArg = call.arguments[0] ? model.values.string(call.arguments[0])?.text ?? '' : '';
  const words = `${receiver} ${firstArg}`.toLowerCase();
  const person = PERSON_TABLES.find((t) => words.includes(t));
  return { what: person ? `stored ${person} data` : 'stored data', whole: true, shape: 'record', personal: !!person, stored: true };
}

function receiverText(model: FileModel, e: ts.Expression): string | undefined {
  // `knex('leads').where(…).select()` / `db.collection('customers').find()`: the whole chain names the table
  const text = model.text.slice(e.pos, e.end).trim();
  return text.length > 300 ? undefined : text;
}

function looksLikeDatabase(model: FileModel, receiver: ts.Expression, text: string): boolean {
  let root: ts.Expression = unwrap(receiver);
  for (let i = 0; i < 12 && (ts.isCallExpression(root) || ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)); i++) root = unwrap(root.expression);
  if (ts.isIdentifier(root)) {
    const spec = model.requireBindings.get(root.text);
    if (spec && DB_MODULES.has(spec)) return true;
    if (BUILTINS.has(root.text)) return false;
    // mongoose / sequelize models: `Lead.find()`, a class name with the read straight on it
    if (root === unwrap(receiver) && /^[A-Z][a-z]/.test(root.text)) return true;
  }
  return words(text).some((w) => DB_WORDS.has(w) || (w.endsWith('s') && DB_WORDS.has(w.slice(0, -1))));
}

/** `this.leadRepo.find` → this, lead, repo, find: the words of a piece of code, lower case. */
function words(text: string): string[] {
  return text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z]+/).filter(Boolean);
}

/**
 * Handlers of bot clients' events about people: `client.on('message', (msg) => …)` (whatsapp-web.js, Viber,
 * Telegram …), `this.on(EVENTS.MESSAGE_RECEIVED, …)`, `client.on('group_join', (notification) => …)`,
 * `irc.addListener('pm', (nick, text) => …)`, `bot.hear(/gif (.*)/, (payload, chat, data) => …)`. The first
 * parameter holds a person's message or id; for message events (and text patterns) every parameter does
 * (`(from, to, message)`, `(after, before)`) except those named like something else (`channel`, `err`).
 * Process IPC, workers and sockets are not such clients.
 */
export function messageHandlerParams(model: FileModel, sdkCalls: ReadonlySet<ts.CallExpression>): Map<ts.ParameterDeclaration, PersonalDataRef> {
  const out = new Map<ts.ParameterDeclaration, PersonalDataRef>();
  for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !SUBSCRIPTIONS.has(callee.name.text) || sdkCalls.has(call)) continue;
    const event = call.arguments[0];
    // the handler is the last argument: `bot.on('message', { text: /x/ }, (m) => …)` filters in between
    const last = call.arguments.length > 1 ? unwrap(call.arguments[call.arguments.length - 1]!) : undefined;
    if (!event || !last || !isFunctionLike(last) || !last.parameters[0]) continue;
    const emitter = unwrap(callee.expression);
    const emitterName = ts.isIdentifier(emitter) ? emitter.text : ts.isPropertyAccessExpression(emitter) ? emitter.name.text : '';
    if (EMITTER_EXCLUSIONS.has(emitterName.replace(/^_/, '').toLowerCase())) continue;
    let messages: boolean;
    let what: string;
    if (PATTERN_SUBSCRIPTIONS.has(callee.name.text)) {
      messages = true;
      what = 'incoming message';
    } else {
      const name = eventName(model, event);
      const eventWords = name ? words(name) : [];
      if (!name || !eventWords.some((w) => EVENT_WORDS.has(w))) continue;
      messages = eventWords.some((w) => MESSAGE_WORDS.has(w));
      what = messages ? 'incoming message' : `${name} event data`;
    }
    const params = messages ? last.parameters : last.parameters.slice(0, 1);
    for (const p of params) {
      if (ts.isIdentifier(p.name) && NON_PERSONAL_PARAMETERS.has(p.name.text)) continue;
      out.set(p, { what, whole: true, shape: 'channelMessage' });
    }
  }
  return out;
}

function eventName(model: FileModel, event: ts.Expression): string | undefined {
  const s = model.values.string(event);
  if (s?.exact) return s.text;
  const e = unwrap(event);
  // EventConsts.MESSAGE_RECEIVED: the constant's name says what it is
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}


/**
 * Names that the file reads like a person's record (`customer.email`, `lead?.phone`) and that are named like a
 * person: the whole object is the person's data wherever it goes.
 */
export function personObjectNames(text: string): Set<string> {
  const out = new Set<string>();
  if (text.length > 2_000_000) return out;
  // from each '.', the name before it and the field after it (`customer?.email`, `lead . phone`): a scan, no regex
  for (let dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
    let end = dot;
    if (text.charCodeAt(end - 1) === 63 /* ? */) end--;
    while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
    let from = dot + 1;
    while (from < text.length && isBlank(text.charCodeAt(from))) from++;
    let to = from;
    while (to < text.length && isNameChar(text.charCodeAt(to))) to++;
    if (start === end || from === to || !isUnmistakableField(text.slice(from, to))) continue;
    const obj = text.slice(start, end);
    if (!out.has(obj) && isPersonNoun(obj)) out.add(obj);
  }
  return out;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
