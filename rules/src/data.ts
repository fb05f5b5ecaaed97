import apiCalls from '../data/api-calls.json';
import events from '../data/events.json';
import scopes from '../data/scopes.json';
import sdkVersions from '../data/sdk-versions.json';

export type PersonalDataClass = 'consumer' | 'staff' | 'secret' | 'none';
export interface ScopeEntry { scope: string; description: string; personalData: PersonalDataClass; covers: string }

/** The npm name of the Web1on1 SDK (chipchat). */
export const SDK_PACKAGE: string = sdkVersions.package;

export const SCOPES: readonly ScopeEntry[] = scopes.scopes as ScopeEntry[];
export const SCOPE_NAMES: ReadonlySet<string> = new Set(SCOPES.map((s) => s.scope));
export const SCOPE_IMPLIES: Readonly<Record<string, string[]>> = nullProto(scopes.implies);
export const OVERBROAD_SCOPES: readonly string[] = scopes.overbroad;

export function scopeEntry(name: string): ScopeEntry | undefined {
  return SCOPES.find((s) => s.scope === name);
}

/** True when holding `held` grants what `needed` asks (a scope grants itself and what it implies). */
export function scopeCovers(held: string, needed: string): boolean {
  return held === needed || (SCOPE_IMPLIES[held] ?? []).includes(needed);
}

/**
 * Lookup tables keyed by names taken from user code (`bot.constructor.list()`, an event named `toString`)
 * must not find Object.prototype members: every plain object in the data gets a null prototype.
 */
function nullProto<T>(v: T): T {
  if (Array.isArray(v)) return v.map(nullProto) as T;
  if (v && typeof v === 'object') return Object.assign(Object.create(null), Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nullProto(x)]))) as T;
  return v;
}

export const API = nullProto(apiCalls) as {
  apiHosts: string[];
  legacyApiHosts: string[];
  platformDomains: string[];
  sdkMethods: Record<string, string>;
  resources: Record<string, Record<string, string | null>>;
  notInCatalog: string[];
  neverNeeded: { method: string; path: string; why: string }[];
  undocumentedPathPrefixes: string[];
  commands: Record<string, string>;
  contextActions: Record<string, string>;
  resultMessages: { types: string[]; field: string };
};

export const EVENTS = nullProto(events) as {
  sdkInternal: string[];
  aliases: Record<string, string>;
  resourceScopes: Record<string, string>;
  actions: string[];
  messageSenderRoles: string[];
  messageTypes: string[];
  erasureEvents: string[];
  updateEvents: string[];
  known: string[];
};

/** The read scope an event subscription uses; 'wildcard' when the event could be any resource. */
export function eventScope(event: string): string | 'wildcard' | undefined {
  if (EVENTS.sdkInternal.includes(event)) return undefined;
  if (EVENTS.aliases[event]) return EVENTS.aliases[event];
  const first = event.split('.')[0] ?? '';
  if (first === '*' || first === '**' || first === '') return 'wildcard';
  return EVENTS.resourceScopes[first];
}

/** Event names a pattern matches among the known ones, e.g. `contact.*` matches `contact.delete`. */
export function eventMatches(pattern: string, event: string): boolean {
  if (pattern === event) return true;
  const p = pattern.split('.');
  const e = event.split('.');
  const match = (i: number, j: number): boolean => {
    if (i === p.length) return j === e.length;
    if (p[i] === '**') return match(i + 1, j) || (j < e.length && match(i, j + 1));
    if (j === e.length) return false;
    return (p[i] === '*' || p[i] === e[j]) && match(i + 1, j + 1);
  };
  return match(0, 0);
}
