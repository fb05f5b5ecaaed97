// Scopes in the words a dealer reads: the catalog's customer-facing description ("This app will be able
// to read your contacts (…)") without its lead-in, and the personal-data class spelled out. One place,
// so the preview's "what the app can do" and its permission impact never word a scope differently.
import { scopeEntry } from '../../../rules/src/data';
import type { PersonalDataClass } from '../protocol';

const LEAD_IN = /^This app will be able to\s+/i;

export function scopeWords(scope: string): { text: string; personalData: PersonalDataClass; personalDataText: string; known: boolean } {
  const e = scopeEntry(scope);
  if (!e) return { text: `${scope} (a scope the Policy Lens catalog does not know)`, personalData: 'unknown', personalDataText: personalDataWords('unknown'), known: false };
  const text = LEAD_IN.test(e.description) ? e.description.replace(LEAD_IN, '') : e.description.charAt(0).toLowerCase() + e.description.slice(1);
  return { text, personalData: e.personalData, personalDataText: personalDataWords(e.personalData), known: true };
}

export function personalDataWords(c: PersonalDataClass): string {
  switch (c) {
    case 'consumer':
      return 'consumers’ personal data';
    case 'staff':
      return 'your staff’s personal data';
    case 'secret':
      return 'credentials and secrets';
    case 'none':
      return 'no personal data';
    default:
      return 'personal data unknown';
  }
}
