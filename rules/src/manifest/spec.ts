// The shape of web1on1-app.json, once. Every field of the manifest is one row of MANIFEST_FIELDS; from it
// come the JSON schema (scripts/gen-manifest-schema.ts), the manifest form's fields (client/src/manifest-editor/
// fields.ts) and the typed `Manifest` that `readManifest` gives rules and the listing (read-manifest.ts).
// Adding a field is one row here; test/unit/manifest-spec.test.ts checks that all three know every row.
// Pure data and types: no imports, so the form's webview may bundle it.

/** The JSON type of a value. `map` is an object keyed by the row's template segment (`{clause}`). */
export type ValueKind = 'string' | 'integer' | 'boolean' | 'object' | 'array' | 'map' | 'any';
/** The form control that edits a single value. */
export type FieldKind = 'text' | 'textarea' | 'url' | 'email' | 'contact' | 'date' | 'integer' | 'boolean' | 'enum' | 'relpath' | 'host';
/** The form widget that edits the entries of a list. */
export type ListKind = 'capability' | 'scope' | 'event' | 'text' | 'relpath' | 'thirdParty';
/** Where the form shows a plain (untemplated) field, in table order. */
export type FormSection = 'app' | 'listing' | 'token-role' | 'webhook' | 'links' | 'data-protection';

export interface FieldRow {
  /** JSON pointer; `{i}` is any entry of an array, `{clause}` any key of a map (a clause id). */
  readonly pointer: string;
  /** The accepted type, or alternatives in the order a reader tries them. */
  readonly type: ValueKind | readonly ValueKind[];
  /** What the field means: the schema's description (hover in a JSON editor) and the form's help text. */
  readonly help?: string;
  /** Policy clauses the field serves; each is named in `help`. */
  readonly clauses?: readonly string[];
  /** Required in its parent object. */
  readonly required?: boolean;
  /** The values the schema accepts; the form offers them. */
  readonly enum?: readonly string[];
  /** Values offered for completion (and in the form) without restricting the schema. */
  readonly examples?: readonly string[];
  /** A name of the Policy Lens catalog (rules/data): scopes or webhook events. */
  readonly catalog?: 'scope' | 'event';
  /** The schema holds this shape once, under definitions/<name>. */
  readonly definition?: string;
  readonly pattern?: string;
  /** Said instead of the pattern when a value does not match it. */
  readonly patternMessage?: string;
  readonly minLength?: number;
  readonly minimum?: number;
  readonly uniqueItems?: boolean;
  /** A field that must not be used; the message says what to do instead. */
  readonly deprecated?: string;
  /** The form's label. */
  readonly label?: string;
  /** The form edits the value with this control. */
  readonly input?: FieldKind;
  /** The form edits this array's entries with this widget. */
  readonly list?: ListKind;
  /** The form section that shows this (untemplated) field. */
  readonly section?: FormSection;
  /** The form may remove the whole object. */
  readonly removable?: boolean;
}

/** GDPR art. 6(1) (a)–(f), offered for completion and in the form. */
export const LAWFUL_BASES = ['consent', 'contract', 'legal obligation', 'vital interests', 'public task', 'legitimate interests'] as const;

const SEMVER = '^[0-9]{1,9}\\.[0-9]{1,9}\\.[0-9]{1,9}(?:[-+][0-9A-Za-z.+-]{1,64})?$';
const HOST = '^[A-Za-z0-9-]{1,63}\\.[A-Za-z0-9.-]{1,253}$';

// URLs are only typed here: the rules (privacy-policy-url, support-info …) judge https and placeholders.
export const MANIFEST_FIELDS = [
  { pointer: '/$schema', type: 'string' },
  { pointer: '/name', type: 'string', required: true, minLength: 1, label: 'App name', input: 'text', section: 'app', clauses: ['E.2', 'D.5'], help: 'The app name as the marketplace shows it. No third-party trademarks (E.2), no claimed affiliation (D.5).' },
  { pointer: '/version', type: 'string', pattern: SEMVER, patternMessage: 'must be a semantic version such as 1.4.0', label: 'Version', input: 'text', section: 'app', help: 'Semantic version of the app, e.g. 1.4.0.' },
  { pointer: '/description', type: 'string', label: 'Description', input: 'textarea', section: 'app', clauses: ['B.3'], help: 'What the app does, for dealers. No misleading claims (B.3).' },
  { pointer: '/developer', type: 'object', help: 'Who builds the app. The developer url and e-mail domain count as the developer\'s own hosts.' },
  { pointer: '/developer/name', type: 'string', label: 'Developer name', input: 'text', section: 'app', help: 'Company or person.' },
  { pointer: '/developer/email', type: 'string', label: 'Developer e-mail', input: 'email', section: 'app', help: 'Developer e-mail address.' },
  { pointer: '/developer/url', type: 'string', label: 'Developer website', input: 'url', section: 'app', help: 'Developer website. An https URL.' },
  { pointer: '/listing', type: 'object', help: 'How the app appears in the Bot Store or the Expert marketplace.' },
  { pointer: '/listing/marketplace', type: 'string', enum: ['botstore', 'expert'], label: 'Marketplace', input: 'enum', section: 'listing', help: 'botstore (bots) or expert (integrations and services).' },
  { pointer: '/listing/category', type: 'string', label: 'Category', input: 'text', section: 'listing', help: 'Marketplace category, e.g. Aftersales.' },
  { pointer: '/listing/shortDescription', type: 'string', label: 'Short description', input: 'text', section: 'listing', help: 'One line for the listing tile.' },
  { pointer: '/listing/icon', type: 'string', label: 'Icon path', input: 'relpath', section: 'listing', help: 'Path of the icon inside the app folder, e.g. media/icon.png.' },
  { pointer: '/listing/screenshots', type: 'array', label: 'Screenshots', list: 'relpath', help: 'Paths of screenshots inside the app folder.' },
  { pointer: '/listing/screenshots/{i}', type: 'string' },
  { pointer: '/capabilities', type: 'array', uniqueItems: true, label: 'Capabilities', list: 'capability', help: 'What the app does that needs a reviewer\'s attention.' },
  { pointer: '/capabilities/{i}', type: 'string', enum: ['consumer-facing'], help: 'consumer-facing: the app sends messages that reach the dealer\'s consumers (needed for messages:consumer).' },
  { pointer: '/tokenRole', type: 'string', enum: ['bot', 'agent', 'admin'], label: 'Token role', input: 'enum', section: 'token-role', clauses: ['B.6'], help: 'The role of the bot user whose API token the app uses: the one real Web1on1 permission. admin where bot would do is a B.6 finding.' },
  { pointer: '/scopes', type: 'array', label: 'Scopes', list: 'scope', clauses: ['B.6'], help: 'The app scopes the code needs, each with the reason a dealer reads (B.6).' },
  { pointer: '/scopes/{i}', type: ['string', 'object'], catalog: 'scope' },
  { pointer: '/scopes/{i}/scope', type: 'string', required: true, catalog: 'scope' },
  { pointer: '/scopes/{i}/reason', type: 'string', label: 'Reason', input: 'text', help: 'Why the app needs this scope, in words a dealer understands.' },
  { pointer: '/webhook', type: 'object', help: 'Where Web1on1 posts the events the app subscribes to.' },
  { pointer: '/webhook/url', type: 'string', label: 'Webhook URL', input: 'url', section: 'webhook', help: 'Where Web1on1 posts the events. An https URL.' },
  { pointer: '/webhook/events', type: 'array', label: 'Webhook events', list: 'event', help: 'The events the app subscribes to.' },
  { pointer: '/webhook/events/{i}', type: 'string', catalog: 'event' },
  { pointer: '/webhook/secret', type: 'any', deprecated: 'Do not put the webhook secret in the manifest: read it from an environment variable.' },
  { pointer: '/privacyPolicyUrl', type: 'string', label: 'Privacy policy URL', input: 'url', section: 'links', clauses: ['A.5'], help: 'Public https link to the privacy policy (A.5). Checked for form, never fetched.' },
  { pointer: '/termsUrl', type: 'string', label: 'Terms of use URL', input: 'url', section: 'links', help: 'Public https link to the terms of use.' },
  { pointer: '/support', type: 'object', clauses: ['F.3'], help: 'Customer support and technical instructions (F.3).' },
  { pointer: '/support/email', type: 'string', label: 'Support e-mail', input: 'email', section: 'links', clauses: ['F.3'], help: 'Customer support e-mail address (F.3).' },
  { pointer: '/support/url', type: 'string', label: 'Support URL', input: 'url', section: 'links', help: 'Support page. An https URL.' },
  { pointer: '/support/docsUrl', type: 'string', label: 'Documentation URL', input: 'url', section: 'links', clauses: ['F.3'], help: 'Technical instructions for dealers (F.3). An https URL.' },
  { pointer: '/securityContact', type: 'string', label: 'Security contact', input: 'contact', section: 'links', clauses: ['A.9'], help: 'E-mail address or https URL for security reports and breach notices (A.9).' },
  { pointer: '/dataProtection', type: 'object', help: 'What personal data the app reads and stores, on which lawful basis, and how it is erased (A.4–A.8).' },
  { pointer: '/dataProtection/personalData', type: 'array', label: 'Personal data', list: 'text', help: 'Personal data the app reads or stores, e.g. contact.name, contact.telephone.' },
  { pointer: '/dataProtection/personalData/{i}', type: 'string' },
  // free text (English or Dutch, "Art. 6(1)(b)", a list): data-use-undeclared judges the words, the schema only the shape
  { pointer: '/dataProtection/lawfulBasis', type: ['string', 'array'], examples: LAWFUL_BASES, label: 'Lawful basis', input: 'enum', section: 'data-protection', clauses: ['A.6'], help: 'GDPR art. 6(1) basis (or bases) for processing (A.6): consent, contract, legal obligation, vital interests, public task, legitimate interests.' },
  { pointer: '/dataProtection/lawfulBasis/{i}', type: 'string' },
  { pointer: '/dataProtection/retentionDays', type: 'integer', minimum: 0, label: 'Retention (days)', input: 'integer', section: 'data-protection', help: 'How long stored personal data is kept.' },
  { pointer: '/dataProtection/storesPersonalData', type: 'boolean', label: 'Stores personal data outside Web1on1', input: 'boolean', section: 'data-protection', help: 'True when the app keeps personal data outside Web1on1.' },
  { pointer: '/dataProtection/erasure', type: 'string', label: 'Erasure', input: 'textarea', section: 'data-protection', clauses: ['A.7', 'A.8'], help: 'How the app erases data when a dealer or consumer asks (A.7, A.8).' },
  { pointer: '/dataProtection/thirdParties', type: 'array', label: 'Third parties', list: 'thirdParty', clauses: ['A.4'], help: 'Every external service that receives personal data (A.4).' },
  { pointer: '/dataProtection/thirdParties/{i}', type: 'object' },
  { pointer: '/dataProtection/thirdParties/{i}/name', type: 'string', required: true, label: 'Name', input: 'text', help: 'Company or service.' },
  { pointer: '/dataProtection/thirdParties/{i}/purpose', type: 'string', label: 'Purpose', input: 'text', help: 'What it receives the data for.' },
  { pointer: '/dataProtection/thirdParties/{i}/host', type: 'string', required: true, pattern: HOST, patternMessage: 'must be a host name such as api.twilio.com (no scheme, no path)', label: 'Host', input: 'host', help: 'Host name receiving the data, e.g. api.twilio.com.' },
  { pointer: '/dataProtection/sensitiveDataExceptions', type: 'array', clauses: ['C.3'], help: 'Sensitive data the app must ask for as part of its legitimate function (C.3), each with a reason.' },
  { pointer: '/dataProtection/sensitiveDataExceptions/{i}', type: 'object' },
  { pointer: '/dataProtection/sensitiveDataExceptions/{i}/kind', type: 'string', required: true, examples: ['iban', 'card-number', 'password', 'pin', 'bsn'], help: 'What is asked for.' },
  { pointer: '/dataProtection/sensitiveDataExceptions/{i}/reason', type: 'string', required: true, help: 'Why the app needs it.' },
  { pointer: '/compliance', type: 'object' },
  { pointer: '/compliance/attestations', type: 'map', help: 'Attestations per clause for what no tool can check.' },
  { pointer: '/compliance/attestations/{clause}', type: 'object', definition: 'attestation', removable: true, help: 'Who attests what for this clause, and when (a date in the future or older than a year is a finding).' },
  { pointer: '/compliance/attestations/{clause}/statement', type: 'string', label: 'Statement', input: 'textarea', help: 'What was checked, e.g. "GDPR review of data flows".' },
  { pointer: '/compliance/attestations/{clause}/by', type: 'string', label: 'By', input: 'text', help: 'Who attests it: name and role.' },
  { pointer: '/compliance/attestations/{clause}/date', type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', patternMessage: 'must be a date written YYYY-MM-DD', label: 'Date', input: 'date', help: 'When, as YYYY-MM-DD.' },
  { pointer: '/compliance/attestations/{clause}/notApplicable', type: 'boolean', help: 'The clause does not apply to this app; the statement says why (the compliance report shows "not applicable").' },
  { pointer: '/ignore', type: 'array', help: 'Manifest findings accepted on purpose; each needs a reason and is listed in the compliance report.' },
  { pointer: '/ignore/{i}', type: 'object' },
  { pointer: '/ignore/{i}/rule', type: 'string', required: true, pattern: '^[a-z0-9][a-z0-9-]{0,80}$', patternMessage: 'must be a rule id such as scope-unused', help: 'Rule id.' },
  { pointer: '/ignore/{i}/pointer', type: 'string', pattern: '^(?:/.*)?$', patternMessage: 'must be a JSON pointer such as /scopes/0', help: 'JSON pointer of the manifest value (all of the rule\'s findings when absent).' },
  { pointer: '/ignore/{i}/reason', type: 'string', required: true, minLength: 1, help: 'Why the finding is accepted.' },
] as const satisfies readonly FieldRow[];

/** The row of a pointer template, e.g. `/scopes/{i}/reason`. */
export function fieldRow(template: string): FieldRow | undefined {
  return MANIFEST_FIELDS.find((r) => r.pointer === template);
}

/** The rows one level below `template` (`''` is the manifest itself), in table order. */
export function childRows(template: string): FieldRow[] {
  return MANIFEST_FIELDS.filter((r) => r.pointer.startsWith(`${template}/`) && !r.pointer.slice(template.length + 1).includes('/'));
}

export function kindsOf(row: FieldRow): readonly ValueKind[] {
  return typeof row.type === 'string' ? [row.type] : row.type;
}

// ---- the typed manifest, derived from the table (a new row is a new typed property) ----

type Row = (typeof MANIFEST_FIELDS)[number];
type RowAt<P extends string> = Extract<Row, { readonly pointer: P }>;
type KindOf<R> = R extends { readonly type: infer T } ? (T extends readonly (infer K)[] ? K : T) : never;
type ChildKey<P extends string> = Row['pointer'] extends infer X ? (X extends `${P}/${infer K}` ? (K extends `${string}/${string}` ? never : K) : never) : never;
type ValueOfKind<P extends string, K> =
  K extends 'string' ? string
    : K extends 'integer' ? number
      : K extends 'boolean' ? boolean
        : K extends 'any' ? unknown
          : K extends 'object' ? FieldsAt<P>
            : K extends 'array' ? readonly (ValueAt<`${P}/{i}`> | undefined)[]
              : K extends 'map' ? { readonly [key: string]: ValueAt<`${P}/${ChildKey<P>}`> | undefined }
                : never;
type ValueAt<P extends string> = ValueOfKind<P, KindOf<RowAt<P>>>;
type FieldsAt<P extends string> = { readonly [K in ChildKey<P>]?: ValueAt<`${P}/${K}`> };

/**
 * The manifest as the rules read it: every field of the table, typed; a value of the wrong type (or JSON null)
 * reads as absent and is manifest-invalid's to report. Array entries keep their index (a wrong entry is undefined).
 */
export type Manifest = FieldsAt<''>;
