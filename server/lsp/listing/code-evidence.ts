// What the listing may say the code does with each scope, in a dealer's words, from the same scope states the
// form and scope-unused use. Where the analysis lost the SDK instance, the listing says what was seen and that
// the rest could not be determined: it never tells a dealer a bot "only" does what Policy Lens happened to see.
import type { ListingCodeEvidence, ListingCodeUse } from '../protocol';
import type { AppScopes, ScopeEntry } from '../scopes';

export interface PlaceNamer {
  relative: (path: string) => string;
  toUri: (path: string) => string;
}

/** One line per declared scope: seen in the code (where), not seen, or not determinable; undefined for names nothing can need. */
export function codeUse(e: ScopeEntry, names: PlaceNamer): ListingCodeUse | undefined {
  switch (e.state) {
    case 'used': {
      const first = e.usedBy[0];
      if (first) return { state: 'used', text: `Seen in the code: ${names.relative(first.file)}:${first.line + 1}${e.usedBy.length > 1 ? ` and ${e.usedBy.length - 1} more place${e.usedBy.length === 2 ? '' : 's'}` : ''}` };
      if (e.events.length) return { state: 'used', text: `Seen in the manifest: the app receives ${e.events.join(', ')} events` };
      return { state: 'used', text: 'Possibly used: the app subscribes to every event' };
    }
    case 'unused':
      return { state: 'unused', text: 'Not seen in the code: no call or event of the app needs it' };
    case 'cannot-tell':
      return { state: 'cannot-tell', text: 'Not seen in the code, and whether the app uses it could not be determined' };
    default:
      return undefined;
  }
}

/** The note over the list of what the app can do: how far the code could be followed. */
export function codeEvidence(scopes: AppScopes, names: PlaceNamer): ListingCodeEvidence {
  const lost = scopes.lost.map((l) => ({ what: l.what, where: `${names.relative(l.file)}:${l.range.start.line + 1}`, uri: names.toUri(l.file), range: l.range }));
  if (!lost.length) {
    return { complete: true, text: 'Each permission says whether Policy Lens saw the app’s code use it. Policy Lens reads the code; it does not run the app.', lost };
  }
  const first = lost[0]!;
  const more = lost.length > 1 ? ` (and ${lost.length - 1} more place${lost.length === 2 ? '' : 's'})` : '';
  return {
    complete: false,
    text: `What the app does with your data and messages could be determined only in part: ${first.what} (${first.where})${more}. ` +
      '“Seen in the code” below is what is known; the rest could not be determined. The app may use any permission listed here, and its code may do more than this list says.',
    lost,
  };
}
