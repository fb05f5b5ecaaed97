import type { FileFacts, Located } from './facts';
import { LineIndex } from '../positions';
import type { RelatedLocation } from '../types';
import type { EvidenceKind } from './store-evidence';
import type { StoreIdentity } from './stores';

/** A store call that keeps personal data, app-wide: where it is, the store it names, and the calls that hand it the data. */
export interface StoreSite extends Located {
  file: string;
  store?: StoreIdentity;
  /** Calls elsewhere that hand the data to the app's function around this store call. */
  callers: (Located & { file: string })[];
}

/**
 * Every place of the app that writes personal data to a store, by the store call itself: data handed to the
 * app's `saveLead(lead)` is stored where `saveLead` calls the database, so that is the place shown (the callers
 * are related places). Sorted by file and position.
 */
export function storeSites(files: ReadonlyMap<string, FileFacts>, keep: (what: string) => boolean): StoreSite[] {
  const byPlace = new Map<string, StoreSite>();
  for (const [file, facts] of files) {
    for (const s of facts.storesPersonalData) {
      if (!keep(s.what)) continue;
      const at = s.inner ? { file: s.inner.file ?? file, start: s.inner.start, end: s.inner.end } : { file, start: s.start, end: s.end };
      const key = `${at.file}\u0000${at.start}`;
      let site = byPlace.get(key);
      if (!site) byPlace.set(key, (site = { ...at, what: s.what, store: s.store, callers: [] }));
      if (s.inner) site.callers.push({ file, start: s.start, end: s.end, what: s.what });
    }
  }
  return [...byPlace.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
}

/** A named store no erase (or update) evidence reaches: its first site, and the other sites of the same store. */
export interface UnreachedStore { site: StoreSite; same: StoreSite[] }

/**
 * The named stores the app's erase (or update) code never reaches, once per store. Undefined when the analysis cannot
 * tell: that code calls something it cannot follow, or reaches a store it cannot name. Stores the code does not name
 * are left out, since one of them may be the one reached.
 */
export function storesNotReached(files: ReadonlyMap<string, FileFacts>, stores: readonly StoreSite[], kind: EvidenceKind): UnreachedStore[] | undefined {
  const all = [...files.values()];
  if (all.some((f) => (f.storeEvidenceLost ?? []).some((l) => l.kind === kind))) return undefined;
  const evidence = all.flatMap((f) => (f.storeEvidence ?? []).filter((e) => e.kind === kind));
  if (evidence.some((e) => !e.store)) return undefined;
  const reached = new Set(evidence.map((e) => e.store!.key));
  const out: UnreachedStore[] = [];
  const reported = new Set<string>();
  for (const site of stores) {
    if (!site.store || reached.has(site.store.key) || reported.has(site.store.key)) continue;
    reported.add(site.store.key);
    out.push({ site, same: stores.filter((o) => o !== site && o.store?.key === site.store!.key) });
  }
  return out;
}

/** Related locations for store sites (at most 10), each saying `${verb} ${what}`. */
export function relatedStoreSites(readFile: (file: string) => string | undefined, sites: readonly (Located & { file: string })[], verb: string): RelatedLocation[] {
  const lines = new Map<string, LineIndex>();
  const out: RelatedLocation[] = [];
  for (const s of sites.slice(0, 10)) {
    let li = lines.get(s.file);
    if (!li) lines.set(s.file, (li = new LineIndex(readFile(s.file) ?? '')));
    out.push({ file: s.file, range: li.range(s.start, s.end), message: `${verb} ${s.what}` });
  }
  return out;
}
