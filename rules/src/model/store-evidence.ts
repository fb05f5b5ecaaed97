import { ts } from '../ts';
import { EVENTS, eventMatches } from '../data';
import type { FileModel } from './file-model';
import { storeModel, type StoreIdentity, type StoreOp } from './stores';
import { accessChain, calleeName, isFunctionLike, unwrap } from './syntax';

/**
 * What erases or refreshes stored personal data (A.7, A.8): code that runs when a contact or conversation is
 * deleted (an SDK handler, a branch on the event name of a webhook the app parses itself, a handler registered
 * for the event on any emitter) or a route that erases on request (`DELETE /contacts/:id`, `/gdpr/erase`), and
 * the store calls reached from there, directly or through the app's own functions and modules.
 */

export type EvidenceKind = 'erase' | 'update';

export interface StoreHandler { start: number; end: number; what: string; kinds: EvidenceKind[] }
export interface StoreEvidence { kind: EvidenceKind; store?: StoreIdentity; start: number; end: number; what: string }
/** A call in such code that the analysis cannot follow and that may erase or update: the evidence is lost there. */
export interface LostEvidence { kind: EvidenceKind; start: number; end: number; what: string }

const MAX_HOPS = 3;
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all']);
const ROUTERS = /^(app|router|server|api|routes|fastify|r|\w*Router|\w*App)$/;
const ERASURE_PATHS = /(erase|erasure|forget|gdpr|dsar|privacy|avg|delete|remove|purge|anonymi[sz]e|opt-?out|unsubscribe)/i;
const ERASE_WORDS = /(delete|remove|erase|forget|purge|anonymi[sz]e|clear|wipe|destroy|drop|del$|unlink|gdpr)/i;
const UPDATE_WORDS = /(update|upsert|sync|refresh|save|store|set|patch|put|replace|write|delete|remove|erase|forget|purge)/i;
const SUBSCRIBE_METHODS = new Set(['on', 'once', 'addListener', 'subscribe', 'handle']);
/** Calls that never erase or update anything the app stores (reading, formatting, answering the request). */
const INERT = /^(then|catch|finally|map|filter|forEach|reduce|push|includes|find|some|every|join|split|trim|toLowerCase|toUpperCase|replace|slice|keys|values|entries|stringify|parse|log|info|warn|error|debug|trace|json|send|sendStatus|status|end|emit|resolve|reject|toString|toISOString|now|getTime|String|Number|Boolean|parseInt|Date|has|get|sort|concat|assign|isArray|next|findOne|findById|findUnique|findFirst|findAll|findMany|select|where|query|exec|lean|toArray|count|verify|digest|update|createHmac|timingSafeEqual|from|startsWith|endsWith|test|match)$/;

export interface EvidenceFacts { handlers: StoreHandler[]; evidence: StoreEvidence[]; lost: LostEvidence[] }

export function storeEvidence(model: FileModel): EvidenceFacts {
  const out: EvidenceFacts = { handlers: [], evidence: [], lost: [] };
  const roots = evidenceRoots(model);
  if (!roots.length) return out;
  const stores = storeModel(model);
  const sdkOrHttp = new Set<ts.CallExpression>([...model.sdk.calls.map((c) => c.call), ...model.http.calls.map((h) => h.call)]);
  const sf = model.sourceFile;
  for (const root of roots) {
    out.handlers.push({ start: root.node.getStart(sf), end: root.node.getEnd(), what: root.what, kinds: root.kinds });
    const seen = new Set<ts.Node>();
    const visit = (n: ts.Node, hops: number): void => {
      if (ts.isCallExpression(n) && !sdkOrHttp.has(n)) {
        const direct = stores.direct.get(n);
        const callees = direct ? [] : model.tracker.calleesOf(n);
        // the file's own functions are followed into (their store calls and what they cannot follow); imported ones by their summary
        for (const fn of callees) {
          if (hops < MAX_HOPS && fn.body && !seen.has(fn)) {
            seen.add(fn);
            visit(fn.body, hops + 1);
          }
        }
        const ops: StoreOp[] = direct ? [direct] : callees.length ? [] : stores.viaFunctions(n);
        for (const op of ops) {
          for (const kind of root.kinds) {
            // erasing is deleting (or rewriting a file without the person); any write of the store refreshes it
            if (kind === 'erase' && op.kind !== 'delete' && !(op.kind === 'write' && op.store?.label.startsWith('file '))) continue;
            out.evidence.push({ kind, store: op.store, start: n.getStart(sf), end: n.getEnd(), what: root.what });
          }
        }
        if (!ops.length && !callees.length) {
          const name = calleeName(n);
          for (const kind of root.kinds) if (name && mayHide(model, n, name, kind)) out.lost.push({ kind, start: n.getStart(sf), end: n.getEnd(), what: `${name}()` });
        }
      }
      ts.forEachChild(n, (c) => visit(c, hops));
    };
    visit(root.node, 0);
  }
  return out;
}

/** An unresolved call that may erase (or update) what the app stores: named so, or a function of the app's own modules. */
function mayHide(model: FileModel, call: ts.CallExpression, name: string, kind: EvidenceKind): boolean {
  if ((kind === 'erase' ? ERASE_WORDS : UPDATE_WORDS).test(name)) return true;
  if (INERT.test(name)) return false;
  const chain = accessChain(unwrap(call.expression));
  const root = chain?.[0];
  if (!root) return false;
  if (root === 'this') return true;
  for (const imp of model.imports) if (imp.spec.startsWith('.') && imp.names.includes(root)) return true;
  const spec = model.requireBindings.get(root);
  return !!spec && spec.startsWith('.');
}

interface Root { node: ts.Node; what: string; kinds: EvidenceKind[] }

function kindsOf(events: readonly string[]): EvidenceKind[] {
  const kinds: EvidenceKind[] = [];
  if (EVENTS.erasureEvents.some((e) => events.some((p) => eventMatches(p, e)))) kinds.push('erase');
  if (EVENTS.updateEvents.some((e) => events.some((p) => eventMatches(p, e)))) kinds.push('update');
  return kinds;
}

const WATCHED = new Set([...EVENTS.erasureEvents, ...EVENTS.updateEvents]);

function evidenceRoots(model: FileModel): Root[] {
  const out: Root[] = [];
  for (const h of model.sdk.handlers.values()) {
    if (h.via !== 'on' && h.via !== 'onAny') continue;
    const events = h.via === 'onAny' ? ['**'] : h.events;
    const kinds = kindsOf(events);
    if (kinds.length && h.fn.body) out.push({ node: h.fn.body, what: h.via === 'onAny' ? 'onAny()' : `'${events.join("', '")}' handler`, kinds });
  }
  // the literals are collected anyway: a set lookup each costs less than scanning the text for every event name
  for (const lit of model.nodes<ts.StringLiteral>(ts.SyntaxKind.StringLiteral)) if (WATCHED.has(lit.text)) dispatchRoot(lit, out);
  for (const lit of model.nodes<ts.NoSubstitutionTemplateLiteral>(ts.SyntaxKind.NoSubstitutionTemplateLiteral)) if (WATCHED.has(lit.text)) dispatchRoot(lit, out);
  for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const e = call.expression;
    if (!ts.isPropertyAccessExpression(e) || !ROUTE_METHODS.has(e.name.text) || call.arguments.length < 2) continue;
    const chain = accessChain(e.expression);
    if (!chain || !ROUTERS.test(chain[chain.length - 1]!)) continue;
    const path = model.values.string(call.arguments[0]!)?.text;
    if (path === undefined) continue;
    const method = e.name.text === 'del' ? 'delete' : e.name.text;
    if (method !== 'delete' && !ERASURE_PATHS.test(path)) continue;
    for (const a of call.arguments.slice(1)) {
      const fn = unwrap(a);
      if (isFunctionLike(fn) && fn.body) out.push({ node: fn.body, what: `${method.toUpperCase()} ${path.replaceAll('\u0001', '…')}`, kinds: ['erase'] });
    }
  }
  return out;
}

/** `if (event.type === 'contact.delete') { … }`, `case 'contact.delete':`, `{ 'contact.delete': fn }`, `hooks.on('contact.delete', fn)`. */
function dispatchRoot(lit: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, out: Root[]): void {
  if (!WATCHED.has(lit.text)) return;
  const kinds = kindsOf([lit.text]);
  const what = `'${lit.text}'`;
  const p = lit.parent;
  if (ts.isCaseClause(p)) {
    out.push({ node: p, what, kinds });
    return;
  }
  if (ts.isPropertyAssignment(p) && p.name === lit && isFunctionLike(unwrap(p.initializer))) {
    const fn = unwrap(p.initializer) as ts.FunctionLikeDeclaration;
    if (fn.body) out.push({ node: fn.body, what, kinds });
    return;
  }
  if (ts.isCallExpression(p) && p.arguments[0] === lit && SUBSCRIBE_METHODS.has(calleeName(p) ?? '')) {
    const fn = p.arguments[1] ? unwrap(p.arguments[1]) : undefined;
    if (fn && isFunctionLike(fn) && fn.body) out.push({ node: fn.body, what, kinds });
    return;
  }
  if (!ts.isBinaryExpression(p) || (p.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && p.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsToken)) return;
  // the branch the comparison guards
  let cur: ts.Node = p;
  while (cur.parent && (ts.isBinaryExpression(cur.parent) || ts.isParenthesizedExpression(cur.parent))) cur = cur.parent;
  const stmt = cur.parent;
  if (stmt && ts.isIfStatement(stmt) && stmt.expression === cur) out.push({ node: stmt.thenStatement, what, kinds });
  else if (stmt && ts.isConditionalExpression(stmt) && stmt.condition === cur) out.push({ node: stmt.whenTrue, what, kinds });
}
