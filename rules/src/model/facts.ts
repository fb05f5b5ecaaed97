import { ts } from '../ts';
import { API, eventMatches, eventScope } from '../data';
import { classifyMessage } from './audience';
import { followActionsByFunction, type FollowAction } from './follow-actions';
import type { FileModel } from './file-model';
import { effectiveUrl, type HttpCall } from './http';
import { hostOf, isApiHost, isPlatformHost } from './hosts';
import type { PersonalDataModel } from './personal-data';
import { exportedTextSenders, sentImportedObjects } from './text-senders';
import { readableTexts } from '../lexicon/readable-text';
import { findMisleadingClaims } from '../lexicon/misleading-claims';
import { proseOnly } from '../manifest/listing-text';
import { storeEvidence, type LostEvidence, type StoreEvidence, type StoreHandler } from './store-evidence';
import { storeModel, type StoreFunction, type StoreIdentity } from './stores';
import { accessChain, objectProperty, unwrap } from './syntax';
import type { SdkCall } from './sdk';
import { HOLE } from './values';

export interface ScopeUse {
  scope: string;
  start: number;
  end: number;
  /** The call in words, e.g. `bot.contacts.list()` or `GET /v2/contacts`. */
  evidence: string;
  /** A hint shown with the use (e.g. why messages:write and not messages:consumer). */
  note?: string;
}

export interface Located { start: number; end: number; what: string }

export interface StoredPersonalData extends Located {
  store?: StoreIdentity;
  /** The store call inside the app's function the data goes through (in `file` when another module's). */
  inner?: { file?: string; start: number; end: number };
}

/** Per-file facts the project index aggregates across an app (cached with the file's content hash). */
export interface FileFacts {
  scopeUses: ScopeUse[];
  /** Web1on1 API calls that are not in the scope catalog. */
  unknownApiCalls: Located[];
  /** Events the file subscribes to (bot.on), with where. */
  events: Located[];
  /** Personal data written to storage (db, files, cache), with the store when the code names it; in a file of an app with a manifest only (its rules read it). */
  storesPersonalData: StoredPersonalData[];
  /** Code that runs when a contact or conversation is deleted or a contact changes, or a route that erases on request. */
  storeHandlers?: StoreHandler[];
  /** Store calls reached from there (directly or through the app's functions): what they erase or refresh. */
  storeEvidence?: StoreEvidence[];
  /** Calls there the analysis cannot follow that may erase or update a store: past them, "cannot tell". */
  storeEvidenceLost?: LostEvidence[];
  /** Named functions and methods of this file that write their parameters to a store or delete from one. */
  storeFunctions?: Record<string, StoreFunction[]>;
  /** Deletes from a store anywhere in the file (a cleanup job, an admin route) and writes that set an expiry. */
  storeRetention?: (Located & { store?: StoreIdentity })[];
  readsPersonalData: boolean;
  /** Where personal data enters besides the SDK (other platforms' clients, routes, databases), for the evidence (as storesPersonalData). */
  personalDataReads?: Located[];
  importsSdk: boolean;
  /** Relative specifiers passed to bot.module(). */
  sdkModuleSpecifiers: string[];
  /** SDK instances handed to functions of other modules of the app. */
  sdkPassedToImports: { spec: string; exportName: string; argIndex: number }[];
  /** HTTP clients this file exports with a base URL (export name → base URL). */
  exportedHttpClients: Record<string, string>;
  /** Relative imports: specifier → local names. */
  relativeImports: { spec: string; names: string[] }[];
  /** Hosts receiving data in outbound calls, for the listing. */
  outboundHosts: string[];
  /**
   * Where an SDK instance or a Web1on1 API client leaves what the analysis can follow (handed to a function it
   * cannot resolve, reached through a computed property or a computed require): past such a place any scope may be
   * in use, so no scope can be called unused. `what` says it in words for the user.
   */
  evidenceLost: Located[];
  /** Exported functions that verify webhook signatures, or may be taken for such: export name → whether they do. */
  webhookVerifiers?: Record<string, boolean>;
  /** Export names of SDK instances this file exports (importers hold the instance too). */
  exportedSdkInstances: string[];
  /** Export names of functions that return an SDK instance (what importers' calls of them give). */
  exportedSdkFactories: string[];
  /** Names this file calls on what it imports from the app's own modules (`api.request(…)`). */
  importedCalls: { spec: string; name: string }[];
  /** String constants this file exports, by export name (importers can compose URLs from them). */
  exportedConstants: Record<string, string>;
  /** Exported functions that send an argument as a message text: export name → argument positions. */
  exportedTextSenders?: Record<string, number[]>;
  /** "We never store your data" in texts people read (messages, dictionaries): weighed against what the app stores. */
  neverStoresClaims?: (Located & { quote: string })[];
  /** Objects imported from the app's modules whose members this file sends as message texts. */
  sentImportedObjects?: { spec: string; name: string }[];
  /** Functions and methods of this file that follow or unfollow accounts, by name (importers' timers call them). */
  followActions?: Record<string, FollowAction>;
  /** What this file's exports hold of credentials: export name (or `name.member`) → the credential, in words. */
  exportedCredentials?: Record<string, string>;
}


export function restScope(method: string, url: string): { scope?: string; resource?: string; unknown?: string; never?: string } {
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0] ?? '';
  const i = path.indexOf('/v2/');
  if (i < 0) return {};
  const rest = path.slice(i + 4);
  const never = API.neverNeeded.find((n) => n.method === method && path.slice(i).startsWith(n.path));
  if (never) return { never: never.why };
  let resource: string | undefined;
  for (const seg of rest.split('/')) {
    if (seg in API.resources || API.notInCatalog.includes(seg) || seg === 'auth') resource = seg;
  }
  if (!resource) {
    const first = rest.split('/')[0] ?? '';
    return first && !first.includes(HOLE) ? { unknown: first } : {};
  }
  if (API.notInCatalog.includes(resource) || resource === 'auth') return { unknown: resource };
  const scope = API.resources[resource]?.[method];
  return scope ? { scope, resource } : { unknown: `${method} ${resource}` };
}

/**
 * The file's facts. Those about personal data (`readsPersonalData` beyond what the SDK says, `personalDataReads`,
 * `storesPersonalData`) need the personal-data model, the dearest part of a file's analysis, and only the rules
 * of an app's manifest read them: without `personalData` (a file of no app with a manifest) they stay empty.
 */
export function collectFacts(model: FileModel, personalData: (() => PersonalDataModel) | undefined): FileFacts {
  const facts: FileFacts = {
    scopeUses: [], unknownApiCalls: [], events: [], storesPersonalData: [], readsPersonalData: false,
    importsSdk: model.sdk.importsSdk, sdkModuleSpecifiers: [...model.sdk.moduleSpecifiers], sdkPassedToImports: [...model.sdk.instancePassedToImports],
    exportedHttpClients: Object.fromEntries(model.http.exportedClients), relativeImports: model.imports.filter((i) => i.spec.startsWith('.')),
    outboundHosts: [], evidenceLost: [], exportedSdkInstances: [...model.exportedSdkInstances], exportedSdkFactories: [...model.exportedSdkFactories], importedCalls: [...model.importedCalls], exportedConstants: { ...model.exportedConstants },
  };
  const neverStores = neverStoresClaims(model);
  if (neverStores.length) facts.neverStoresClaims = neverStores;
  const senders = exportedTextSenders(model);
  if (senders) facts.exportedTextSenders = senders;
  const sentObjects = model.imports.some((i) => i.spec.startsWith('.')) ? sentImportedObjects(model) : [];
  if (sentObjects.length) facts.sentImportedObjects = sentObjects;
  const follows = followActionsByFunction(model);
  if (Object.keys(follows).length) facts.followActions = follows;
  for (const e of [...model.sdk.escapes, ...model.http.lost]) facts.evidenceLost.push({ start: e.node.getStart(model.sourceFile), end: e.node.getEnd(), what: e.what });
  facts.evidenceLost.sort((a, b) => a.start - b.start || a.end - b.end);
  // given the file, getStart/getText need not climb the parents to find it
  const sf = model.sourceFile;
  const use = (node: ts.Node, scope: string, evidence: string, note?: string) => facts.scopeUses.push({ scope, start: node.getStart(sf), end: node.getEnd(), evidence, note });

  for (const c of model.sdk.calls) {
    const callee = c.call.expression.getText(sf).replace(/\s+/g, '');
    switch (c.kind) {
      case 'resource': {
        const http = API.sdkMethods[c.method];
        const scope = http && c.resource ? API.resources[c.resource]?.[http] : undefined;
        if (scope) {
          if (c.resource === 'conversations' && c.method === 'create') conversationCreate(model, c.call, use, callee);
          use(c.call, scope, `${callee}()`);
          if (http === 'GET' && populatesResults(model, c.call)) use(c.call, 'results:read', `${callee}({ populate: 'results' })`);
          if (c.resource === 'contacts' || c.resource === 'messages' || c.resource === 'conversations') facts.readsPersonalData ||= http === 'GET';
        } else facts.unknownApiCalls.push({ start: c.call.getStart(sf), end: c.call.getEnd(), what: `${callee}()` });
        break;
      }
      case 'send': {
        const m = classifyMessage(model, c);
        const commandScope = firstCommandScope(m.texts);
        if (commandScope) use(c.call, commandScope, `${callee}('${m.texts[0]!.text.split(/\s/)[0]}')`);
        else if (m.sureConsumer) use(c.call, 'messages:consumer', `${callee}() to the consumer`);
        else if (m.audience !== 'internal' && intoContactConversation(model, c)) use(c.call, 'messages:consumer', `${callee}() into the conversation of a contact message`);
        else if (m.audience === 'internal') use(c.call, 'messages:write', `${callee}() (internal)`);
        else use(c.call, 'messages:write', `${callee}()`, 'Policy Lens cannot tell whether this message reaches the consumer; if it does, the app needs messages:consumer');
        if (m.objects.some((o) => writesResults(model, o))) use(c.call, API.resources['results']?.['POST'] ?? 'results:write', `${callee}() with form results`);
        break;
      }
      case 'command': {
        const scope = API.contextActions[c.method];
        if (scope) use(c.call, scope, `${callee}()`);
        break;
      }
      case 'conversation':
        use(c.call, 'conversations:read', `${callee}()`);
        break;
      case 'subscribe':
        for (const ev of c.events ?? []) {
          facts.events.push({ start: c.call.getStart(sf), end: c.call.getEnd(), what: ev });
          const scope = eventScope(ev);
          if (scope && scope !== 'wildcard') use(c.call, scope, `${callee}('${ev}')`);
          if (scope && (scope.startsWith('messages') || scope.startsWith('contacts') || scope.startsWith('conversations') || scope === 'wildcard')) facts.readsPersonalData = true;
        }
        break;
      default:
        break;
    }
  }
  resultReads(model, use);
  for (const h of model.http.calls) httpFacts(h, facts, use, sf, model.http.expanded.has(h.call));
  for (const h of model.http.wrapperCalls) httpFacts(h, facts, use, sf, false);
  // a Web1on1 API call whose scope is unknown might need any scope: the evidence for all of them is lost there
  for (const u of facts.unknownApiCalls) facts.evidenceLost.push({ ...u, what: `the Web1on1 API is called as \`${u.what.replaceAll(HOLE, '…')}\`, which no catalog scope covers` });
  facts.evidenceLost.sort((a, b) => a.start - b.start || a.end - b.end);
  if (model.sdk.messageNames.size) facts.readsPersonalData = true;
  if (personalData) {
    const pd = personalData();
    if (pd.sources.size) {
      facts.readsPersonalData = true;
      facts.personalDataReads = [...pd.sources].map(([node, what]) => ({ start: node.getStart(sf), end: node.getEnd(), what })).sort((a, b) => a.start - b.start);
    }
    // the store model and its erasure/update evidence feed only the manifest rules, like the personal-data facts
    storedPersonalData(model, pd, facts);
  }
  return facts;
}

function httpFacts(h: HttpCall, facts: FileFacts, use: (n: ts.Node, s: string, e: string, note?: string) => void, sf: ts.SourceFile, readAtSites: boolean): void {
  const url = effectiveUrl(h);
  if (!url) return;
  if (h.baseUnread && mayBeApiRequest(h.method, url)) {
    // `/conversations` on a client made with `baseURL: process.env.API_URL`: what it needs is unknown, not nothing
    facts.evidenceLost.push({ start: h.call.getStart(sf), end: h.call.getEnd(), what: `\`${h.method} ${url.replaceAll(HOLE, '{}')}\` is requested through an HTTP client whose base URL Policy Lens cannot read, which may be the Web1on1 API` });
    return;
  }
  const host = hostOf(url);
  if (host && !facts.outboundHosts.includes(host)) facts.outboundHosts.push(host);
  if (!host || !reachesApi(host, url)) return;
  const r = restScope(h.method, url);
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replaceAll(HOLE, '{}');
  if (!r.scope && !r.unknown && !r.never && !readAtSites) {
    // the client is seen, the resource it asks for is not: any scope may be what this call needs
    facts.evidenceLost.push({ start: h.call.getStart(sf), end: h.call.getEnd(), what: `a Web1on1 API call's path cannot be read (\`${h.method} ${path || '/'}\`)` });
    return;
  }
  if (r.scope) {
    const note = r.scope === 'messages:write' ? 'a message posted over REST may reach the consumer; then the app needs messages:consumer' : undefined;
    use(h.call, r.scope, `${h.method} ${path}`, note);
  } else if (r.unknown) facts.unknownApiCalls.push({ start: h.call.getStart(sf), end: h.call.getEnd(), what: `${h.method} ${path}` });
}

/** A relative path that names a Web1on1 API resource (`/conversations`, `users/{id}`): the API's, were the base URL its. */
function mayBeApiRequest(method: string, url: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return false;
  const path = url.startsWith('/') ? url : `/${url}`;
  return restScope(method, path.startsWith('/v2/') ? path : `/v2${path}`).scope !== undefined;
}

/** The Web1on1 API host, or a `/v2/` path on another host of the platform's domains (an alias a developer may use). */
function reachesApi(host: string, url: string): boolean {
  return isApiHost(host) || (isPlatformHost(host) && /^[a-z]+:\/\/[^/]+\/v2(?:\/|$)/i.test(url));
}

/**
 * A send inside a handler of contact messages only (`message.create.contact.*`), into that conversation (the
 * handler's context, or `bot.send` to the message's conversation): the consumer wrote there and reads the answer.
 */
function intoContactConversation(model: FileModel, c: SdkCall): boolean {
  const handler = model.sdk.handlerOf(c.call);
  if (!handler || !handler.events.length || !handler.events.every((e) => e.startsWith(CONTACT_MESSAGES))) return false;
  if (c.viaContext) return true;
  const target = c.call.arguments[0];
  if (!target) return false;
  const chain = accessChain(target);
  const message = handler.fn.parameters[handler.via === 'onAny' ? 1 : 0];
  return !!chain && chain.length === 2 && chain[1] === 'conversation' && !!message && ts.isIdentifier(message.name) && chain[0] === message.name.text;
}
const CONTACT_MESSAGES = 'message.create.contact';

/**
 * Reads of a conversation's form results (`conv.results` on what `bot.conversations.get()` returned): the API
 * serves them under results:read. Looked for only in files that mention `.results`.
 */
function resultReads(model: FileModel, use: (n: ts.Node, s: string, e: string) => void): void {
  if (!model.text.includes('.results') || !model.sdk.mayHaveInstances()) return;
  const scope = API.resources['results']?.['GET'];
  if (!scope) return;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'results') {
      const read = model.tracker.valuesOf(node.expression).find((v) => v.kind === 'sdk-result' && v.resource === 'conversations' && (v.method === 'get' || v.method === 'list'));
      if (read) use(node, scope, `${node.getText(model.sourceFile).replace(/\s+/g, '')} (form results of a conversation)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(model.sourceFile);
}

/** A `report`/`field` message or one carrying `results`: it writes the conversation's form results. */
function writesResults(model: FileModel, obj: ts.ObjectLiteralExpression): boolean {
  const type = model.values.propertyString(obj, 'type')?.text;
  return (type !== undefined && API.resultMessages.types.includes(type)) || objectProperty(obj, API.resultMessages.field) !== undefined;
}

/** The scope of the first text that starts with a command word; the first word only (a split of every word was hot). */
function firstCommandScope(texts: readonly { text: string }[]): string | undefined {
  for (const t of texts) {
    const space = t.text.search(/\s/);
    const scope = API.commands[space < 0 ? t.text : t.text.slice(0, space)];
    if (scope) return scope;
  }
  return undefined;
}

/** `populate: 'results'` (or a list naming it) reads the conversation's form results. */
function populatesResults(model: FileModel, call: ts.CallExpression): boolean {
  const options = call.arguments[call.arguments.length > 1 && model.values.objectLiteral(call.arguments[1]) ? 1 : 0];
  const populate = model.values.objectLiteral(options) ? objectProperty(model.values.objectLiteral(options)!, 'populate') : undefined;
  if (!populate) return false;
  const arr = model.values.arrayLiteral(populate);
  const items = arr ? [...arr.elements] : [populate];
  return items.some((i) => /(^|[\s,])results([\s,]|$)/.test(model.values.string(i as ts.Expression)?.text ?? ''));
}

function conversationCreate(model: FileModel, call: ts.CallExpression, use: (n: ts.Node, s: string, e: string) => void, callee: string): void {
  const type = model.values.propertyString(call.arguments[0], 'type')?.text;
  if (type === 'contact') use(call, 'messages:consumer', `${callee}({ type: 'contact' }) (business-initiated)`);
}





function objectWithPersonalData(pd: PersonalDataModel, arg: ts.Expression): { what: string } | undefined {
  const e = unwrap(arg);
  if (!ts.isObjectLiteralExpression(e)) return undefined;
  for (const p of e.properties) {
    if (ts.isPropertyAssignment(p)) {
      const r = pd.ref(p.initializer) ?? objectWithPersonalData(pd, p.initializer);
      if (r) return r;
    } else if (ts.isShorthandPropertyAssignment(p)) {
      const r = pd.ref(p.name);
      if (r) return r;
    } else if (ts.isSpreadAssignment(p)) {
      const r = pd.ref(p.expression);
      if (r) return r;
    }
  }
  return undefined;
}

/**
 * Personal data written to a store: by a store call of the vocabulary, or handed to a function of the app (this
 * module's or an imported one's) that writes its parameter to a store. Also what erases or refreshes stores and
 * which functions here are stores for the modules that import this one.
 */
function storedPersonalData(model: FileModel, pd: PersonalDataModel, facts: FileFacts): void {
  const stores = storeModel(model);
  const sf = model.sourceFile;
  const seen = new Set<string>();
  for (const op of stores.ops()) {
    if (op.kind === 'delete') continue;
    for (const arg of op.data) {
      const r = pd.ref(arg) ?? objectWithPersonalData(pd, arg) ?? pd.refIn(arg);
      if (!r) continue;
      const start = op.call.getStart(sf);
      const key = `${start}:${op.inner?.file ?? ''}:${op.inner?.start ?? ''}`;
      if (seen.has(key)) break;
      seen.add(key);
      const stored: StoredPersonalData = { start, end: op.call.getEnd(), what: `${r.what} via ${op.method}()` };
      if (op.store) stored.store = op.store;
      if (op.inner) stored.inner = op.inner.file ? { ...op.inner } : { start: op.inner.start, end: op.inner.end };
      facts.storesPersonalData.push(stored);
      break;
    }
  }
  const retention = stores.ops().filter((op) => op.kind === 'delete' || op.expires);
  if (retention.length) facts.storeRetention = retention.map((op) => ({ start: op.call.getStart(sf), end: op.call.getEnd(), what: op.kind === 'delete' ? 'delete' : 'expiry', ...(op.store ? { store: op.store } : {}) }));
  const evidence = storeEvidence(model);
  if (evidence.handlers.length) facts.storeHandlers = evidence.handlers;
  if (evidence.evidence.length) facts.storeEvidence = evidence.evidence;
  if (evidence.lost.length) facts.storeEvidenceLost = evidence.lost;
  const functions = stores.exportedFunctions();
  if (Object.keys(functions).length) facts.storeFunctions = functions;
}

/** The erasure (or update) events among `wanted` that the subscribed patterns receive. */
export function eventsReceived(wanted: string[], subscribed: string[]): string[] {
  return wanted.filter((e) => subscribed.some((p) => eventMatches(p, e)));
}

/** Texts people read that say the app stores nothing (whether that is true is known only app-wide). */
function neverStoresClaims(model: FileModel): (Located & { quote: string })[] {
  const out: (Located & { quote: string })[] = [];
  for (const t of readableTexts(model)) {
    if (t.audience === 'internal' || t.part === 'link' || !/stor|sav|keep|kept|retain|record|sla|bewa|opgesl/i.test(t.text)) continue;
    const claim = findMisleadingClaims(t.text, proseOnly(t.text)).find((c) => c.kind === 'neverStores');
    if (claim) out.push({ start: t.node.getStart(model.sourceFile), end: t.node.getEnd(), what: 'a text people read', quote: claim.quote });
  }
  return out;
}
