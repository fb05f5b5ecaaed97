import type { AppInfo } from '../app';
import { EVENTS, OVERBROAD_SCOPES, SCOPES, SCOPE_NAMES, eventScope, scopeCovers } from '../data';
import type { Located, ScopeUse } from '../model/facts';
import type { AppIndex } from '../rule';

/** What the app's code and manifest show it uses: the evidence the scope rules weigh declared scopes against. */
export interface ScopeEvidence {
  /** Scope uses at call sites, over every code file of the app, with the file. */
  uses: (ScopeUse & { file: string })[];
  /** Strings of the manifest's `webhook.events`. */
  manifestEvents: string[];
  /** A wildcard event in code (`bot.on('*')`, `onAny`) or manifest: it may be using any event resource's read scope. */
  wildcard: boolean;
  /** Web1on1 API calls the scope catalog does not know (they might need anything). */
  unknownApiCalls: number;
  /** Places where the SDK instance or an API client leaves what the analysis can follow, in file order. */
  lost: (Located & { file: string })[];
}

/**
 * What the evidence says of one declared scope: a call site or event needs it (`used`), every path of the SDK and
 * of every API client was followed and none needs it (`unused`), or the evidence was lost somewhere (`cannot-tell`).
 */
export type ScopeState = 'used' | 'unused' | 'cannot-tell';

/** Read scopes an event subscription can stand for. */
const EVENT_READ_SCOPES: ReadonlySet<string> = new Set([...Object.values(EVENTS.resourceScopes), ...Object.values(EVENTS.aliases)]);

/** Scopes a token role other than admin cannot have: needing one of them is why an app runs as admin. */
export const ADMIN_ONLY_SCOPES: readonly string[] = ['users:write', 'users:delete', 'organizations:write', 'services:write', 'bots:write'];

export function collectScopeEvidence(app: AppInfo, index: AppIndex): ScopeEvidence {
  const uses: ScopeEvidence['uses'] = [];
  const codeEvents: string[] = [];
  let unknownApiCalls = 0;
  const lost: ScopeEvidence['lost'] = [];
  for (const file of [...index.files.keys()].sort()) {
    const facts = index.files.get(file)!;
    for (const u of facts.scopeUses) uses.push({ ...u, file });
    for (const e of facts.events) codeEvents.push(e.what);
    unknownApiCalls += facts.unknownApiCalls.length;
    for (const l of facts.evidenceLost) lost.push({ ...l, file });
  }
  const manifestEvents = (app.manifestObject()?.webhook?.events ?? []).filter((e): e is string => e !== undefined);
  const wildcard = [...codeEvents, ...manifestEvents].some((e) => eventScope(e) === 'wildcard');
  return { uses, manifestEvents, wildcard, unknownApiCalls, lost };
}

/** Seen for certain: a call site or a manifest event needs exactly this scope (wildcards prove nothing). */
export function scopeSeen(scope: string, ev: ScopeEvidence): boolean {
  return ev.uses.some((u) => u.scope === scope) || ev.manifestEvents.some((e) => eventScope(e) === scope);
}

/** Some use, manifest event or wildcard subscription could need what the scope grants. */
export function scopeHasEvidence(scope: string, ev: ScopeEvidence): boolean {
  if (ev.uses.some((u) => scopeCovers(scope, u.scope))) return true;
  if (ev.manifestEvents.some((e) => {
    const s = eventScope(e);
    return s !== undefined && s !== 'wildcard' && scopeCovers(scope, s);
  })) return true;
  return ev.wildcard && EVENT_READ_SCOPES.has(scope);
}

export function scopeState(scope: string, ev: ScopeEvidence): ScopeState {
  if (scopeHasEvidence(scope, ev)) return 'used';
  return ev.lost.length ? 'cannot-tell' : 'unused';
}

/** `*`, `admin` and `<resource>:*`: names that grant more than one catalog scope. */
export function isWildcardScope(name: string): boolean {
  return OVERBROAD_SCOPES.includes(name) || /^[a-z]{1,40}:\*$/.test(name);
}

/** Whether a declared name (wildcards included) grants a needed catalog scope. */
export function declaredGrants(declared: string, needed: string): boolean {
  if (OVERBROAD_SCOPES.includes(declared)) return true;
  if (declared.endsWith(':*')) return needed.startsWith(declared.slice(0, -1));
  return scopeCovers(declared, needed);
}

/** The narrower scope that does the job of a broader one: `x:write` → `x:read`, `messages:consumer` → `messages:write`. */
const NARROWER: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = { 'messages:consumer': 'messages:write', 'bots:write': 'bots:self' };
  for (const s of SCOPE_NAMES) {
    const read = s.replace(/:write$/, ':read');
    if (s.endsWith(':write') && read !== s && SCOPE_NAMES.has(read)) out[s] = read;
  }
  return out;
})();

/**
 * For a write scope the app holds but only reads with (a `messages:consumer` only used for messages the
 * model is sure stay internal), the narrower scope that would do; undefined when the scope is needed.
 */
export function narrowerScope(scope: string, ev: ScopeEvidence): string | undefined {
  // "the code only reads" is a claim about every path: where the SDK instance was lost, no one can make it
  if (ev.lost.length) return undefined;
  const narrower = Object.hasOwn(NARROWER, scope) ? NARROWER[scope] : undefined; // "constructor" is a scope name too
  if (!narrower || ev.uses.some((u) => u.scope === scope)) return undefined;
  if (scope === 'messages:consumer') {
    const writes = ev.uses.filter((u) => u.scope === 'messages:write');
    // a note says the audience is unknown: the message may reach the consumer
    return writes.length && writes.every((u) => !u.note) ? narrower : undefined;
  }
  return scopeSeen(narrower, ev) ? narrower : undefined;
}

/** The least set of catalog scopes the uses need, in catalog order (a scope implied by another is left out). */
export function neededScopes(ev: ScopeEvidence): string[] {
  const needed = new Set(ev.uses.map((u) => u.scope));
  for (const e of ev.manifestEvents) {
    const s = eventScope(e);
    if (s && s !== 'wildcard') needed.add(s);
  }
  const least = [...needed].filter((s) => ![...needed].some((t) => t !== s && scopeCovers(t, s)));
  const order = (s: string) => {
    const i = SCOPES.findIndex((x) => x.scope === s);
    return i < 0 ? SCOPES.length : i;
  };
  return least.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
}
