// The manifest form's fields: every JSON pointer the form may change, with its label and value kind.
// One table for both sides: the webview renders from it, the extension host accepts only edits that
// match it (a pointer not listed here is refused). Pure data: no vscode, no DOM.

export type FieldKind = 'text' | 'textarea' | 'url' | 'email' | 'contact' | 'date' | 'integer' | 'boolean' | 'enum' | 'relpath' | 'host';
export type ListKind = 'capability' | 'scope' | 'event' | 'text' | 'relpath' | 'thirdParty';

export interface FieldSpec {
  /** A pointer template: `{i}` is a list index, `{clause}` an attested clause id. */
  pointer: string;
  label: string;
  kind: FieldKind;
  options?: readonly string[];
  help?: string;
}

export interface ListSpec { pointer: string; label: string; item: ListKind; options?: readonly string[] }

/** Clauses no tool can fully check: a person attests them (rules/src/clauses.ts MANUAL_ONLY + PARTLY_AUTOMATED). */
export const ATTESTED_CLAUSES = ['A.1', 'A.2', 'A.3', 'D.3', 'D.4', 'E.3', 'E.4', 'F.4', 'F.5'] as const;
export const LAWFUL_BASES = ['consent', 'contract', 'legal obligation', 'vital interests', 'public task', 'legitimate interests'] as const;
export const TOKEN_ROLES = ['bot', 'agent', 'admin'] as const;
export const MARKETPLACES = ['botstore', 'expert'] as const;
export const CAPABILITIES = ['consumer-facing'] as const;

export const FIELDS: readonly FieldSpec[] = [
  { pointer: '/name', label: 'App name', kind: 'text', help: 'As the marketplace shows it. No third-party trademarks (E.2), no claimed affiliation (D.5).' },
  { pointer: '/version', label: 'Version', kind: 'text', help: 'Semantic version, e.g. 1.4.0.' },
  { pointer: '/description', label: 'Description', kind: 'textarea', help: 'What the app does, for dealers. No misleading claims (B.3).' },
  { pointer: '/developer/name', label: 'Developer name', kind: 'text' },
  { pointer: '/developer/email', label: 'Developer e-mail', kind: 'email' },
  { pointer: '/developer/url', label: 'Developer website', kind: 'url' },
  { pointer: '/listing/marketplace', label: 'Marketplace', kind: 'enum', options: MARKETPLACES, help: 'botstore (bots) or expert (integrations and services).' },
  { pointer: '/listing/category', label: 'Category', kind: 'text', help: 'e.g. Aftersales.' },
  { pointer: '/listing/shortDescription', label: 'Short description', kind: 'text', help: 'One line for the listing tile.' },
  { pointer: '/listing/icon', label: 'Icon path', kind: 'relpath', help: 'A file inside the app folder, e.g. media/icon.png.' },
  { pointer: '/tokenRole', label: 'Token role', kind: 'enum', options: TOKEN_ROLES, help: 'The role of the bot user whose API token the app uses: the one real Web1on1 permission. admin where bot would do is a B.6 finding.' },
  { pointer: '/scopes/{i}/reason', label: 'Reason', kind: 'text' },
  { pointer: '/webhook/url', label: 'Webhook URL', kind: 'url', help: 'Where Web1on1 posts the events. https.' },
  { pointer: '/privacyPolicyUrl', label: 'Privacy policy URL', kind: 'url', help: 'Public https link (A.5). Checked for form, never fetched.' },
  { pointer: '/termsUrl', label: 'Terms of use URL', kind: 'url' },
  { pointer: '/support/email', label: 'Support e-mail', kind: 'email', help: 'Customer support (F.3).' },
  { pointer: '/support/url', label: 'Support URL', kind: 'url' },
  { pointer: '/support/docsUrl', label: 'Documentation URL', kind: 'url', help: 'Technical instructions for dealers (F.3).' },
  { pointer: '/securityContact', label: 'Security contact', kind: 'contact', help: 'E-mail address or https URL for security reports and breach notices (A.9).' },
  { pointer: '/dataProtection/lawfulBasis', label: 'Lawful basis', kind: 'enum', options: LAWFUL_BASES, help: 'GDPR art. 6(1) basis for processing (A.6).' },
  { pointer: '/dataProtection/retentionDays', label: 'Retention (days)', kind: 'integer', help: 'How long stored personal data is kept.' },
  { pointer: '/dataProtection/storesPersonalData', label: 'Stores personal data outside Web1on1', kind: 'boolean' },
  { pointer: '/dataProtection/erasure', label: 'Erasure', kind: 'textarea', help: 'How the app erases data when a dealer or consumer asks (A.7, A.8).' },
  { pointer: '/dataProtection/thirdParties/{i}/name', label: 'Name', kind: 'text' },
  { pointer: '/dataProtection/thirdParties/{i}/purpose', label: 'Purpose', kind: 'text' },
  { pointer: '/dataProtection/thirdParties/{i}/host', label: 'Host', kind: 'host' },
  { pointer: '/compliance/attestations/{clause}/statement', label: 'Statement', kind: 'textarea' },
  { pointer: '/compliance/attestations/{clause}/by', label: 'By', kind: 'text' },
  { pointer: '/compliance/attestations/{clause}/date', label: 'Date', kind: 'date' },
];

export const LISTS: readonly ListSpec[] = [
  { pointer: '/capabilities', label: 'Capabilities', item: 'capability', options: CAPABILITIES },
  { pointer: '/scopes', label: 'Scopes', item: 'scope' },
  { pointer: '/webhook/events', label: 'Webhook events', item: 'event' },
  { pointer: '/listing/screenshots', label: 'Screenshots', item: 'relpath' },
  { pointer: '/dataProtection/personalData', label: 'Personal data', item: 'text' },
  { pointer: '/dataProtection/thirdParties', label: 'Third parties', item: 'thirdParty' },
];

/** Objects the form may remove whole (an attestation). */
export const REMOVABLE_OBJECTS: readonly string[] = ['/compliance/attestations/{clause}'];

/** Splits a pointer into its segments (RFC 6901 unescaping). */
export function segments(pointer: string): string[] {
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** True when `pointer` is an instance of `template`. */
export function matches(template: string, pointer: string): boolean {
  if (!pointer.startsWith('/')) return false;
  const t = segments(template);
  const p = segments(pointer);
  return t.length === p.length && t.every((seg, i) => seg === p[i] || (seg === '{i}' && /^(0|[1-9]\d{0,3})$/.test(p[i]!)) || (seg === '{clause}' && (ATTESTED_CLAUSES as readonly string[]).includes(p[i]!)));
}

export function fieldFor(pointer: string): FieldSpec | undefined {
  return FIELDS.find((f) => matches(f.pointer, pointer));
}

export function listFor(pointer: string): ListSpec | undefined {
  return LISTS.find((l) => l.pointer === pointer);
}

/** The list an item pointer (`/scopes/3`) belongs to. */
export function listOfItem(pointer: string): ListSpec | undefined {
  const p = segments(pointer);
  if (!/^(0|[1-9]\d{0,3})$/.test(p[p.length - 1] ?? '')) return undefined;
  return listFor(pointer.slice(0, pointer.lastIndexOf('/')));
}

/** A pointer whose meaning depends on list positions, which an edit elsewhere in the file can shift. */
export function hasListIndex(pointer: string): boolean {
  return segments(pointer).some((s) => /^\d+$/.test(s));
}
