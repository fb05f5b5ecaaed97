import type { FileFacts, Located } from './facts';
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
