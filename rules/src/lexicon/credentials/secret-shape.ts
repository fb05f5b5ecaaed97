// What makes a string a credential: a known provider format, a JWT, or (for values a credential-named key
// holds) enough length and randomness. Shared by the B.2 rules; every check runs on one literal string.
import patterns from '../../../data/secret-patterns.json';
import { identifierWords } from '../tokens';
import { memoByText } from '../../text-memo';

/** Literals and names of a few files' worth: a few hundred KiB at most. */
const MEMO = { maxChars: 256 * 1024, maxText: 512 };

interface ProviderPattern { id: string; re: RegExp; wholeText: boolean }

const PROVIDERS: readonly ProviderPattern[] = patterns.providers.map((p) => ({ id: p.id, re: new RegExp(p.pattern, p.flags), wholeText: p.match === 'text' }));
const IGNORED = new Set(patterns.ignored);

export type CredentialKind = 'token' | 'secret' | 'password' | 'key';
export interface CredentialShape {
  shape: 'provider' | 'jwt' | 'entropy' | 'password';
  /** Provider pattern id (`stripe-secret-key`) when shape is provider. */
  provider?: string;
  /** The part of the literal that is the credential (e.g. after `Bearer `). */
  value: string;
}

/** Tokens of a literal: split at whitespace, quotes and URL separators; `k=v` also yields `v`. */
export function literalTokens(text: string): string[] {
  const out: string[] = [];
  for (const t of text.split(/[\s"'`,;()<>[\]{}|\\&?#]+/)) {
    if (!t) continue;
    out.push(t);
    const eq = t.indexOf('=');
    if (eq > 0 && eq < t.length - 1) out.push(t.slice(eq + 1));
  }
  return out;
}

/** A run of 16 characters none of which splits tokens (literalTokens): a token long enough for a provider format. */
const LONG_TOKEN = /[^\s"'`,;()<>[\]{}|\\&?#]{16}/;
const memoisedProvider = memoByText(findProvider, MEMO);

/**
 * A provider format (secretlint's recommended preset) anywhere in the literal. Most literals have no token
 * long enough for one and no PEM header: they are answered before the memo, whose lookup costs more.
 */
export function providerMatch(text: string): { provider: string; value: string } | undefined {
  // every provider format is 16+ characters long
  if (text.length < 16 || text.length > 20000) return undefined;
  if (!LONG_TOKEN.test(text) && !text.includes('-----BEGIN')) return undefined;
  return memoisedProvider(text);
}

function findProvider(text: string): { provider: string; value: string } | undefined {
  const tokens = literalTokens(text).filter((t) => t.length >= 16);
  for (const p of PROVIDERS) {
    if (p.wholeText) {
      if (p.re.test(text)) return { provider: p.id, value: text.slice(text.indexOf('-----BEGIN')) };
      continue;
    }
    for (const t of tokens) if (!IGNORED.has(t) && p.re.test(t) && !hasPlaceholderBody(t)) return { provider: p.id, value: t };
  }
  return undefined;
}

/** `sk_live_xxxxxxxxxxxxxxxxxxxxxxxx`, `AKIA0000000000000000`: the format with a placeholder body. */
function hasPlaceholderBody(token: string): boolean {
  return /x{4}|X{4}|0{6}|1234567|example|your/i.test(token) || entropy(token) < 2.5;
}

// jwt.io's sample token (John Doe, sub 1234567890) appears in tutorials and tests; it grants nothing.
const SAMPLE_JWT_SIGNATURES = new Set(['SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c']);

const JWT = /^eyJ[A-Za-z0-9_-]{5,4096}\.eyJ[A-Za-z0-9_-]{5,8192}\.[A-Za-z0-9_-]{16,4096}$/;

/** A signed JWT: three base64url parts whose header decodes to JSON naming an algorithm. */
export function isJwt(token: string): boolean {
  if (!JWT.test(token) || SAMPLE_JWT_SIGNATURES.has(token.slice(token.lastIndexOf('.') + 1))) return false;
  try {
    const header = JSON.parse(Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('utf8')) as unknown;
    return typeof header === 'object' && header !== null && typeof (header as Record<string, unknown>)['alg'] === 'string';
  } catch {
    return false;
  }
}

const memoisedJwt = memoByText(findJwt, MEMO);

/** A signed JWT among the literal's tokens; literals without `eyJ` (nearly all) are answered before the memo. */
export function jwtIn(text: string): string | undefined {
  return text.includes('eyJ') ? memoisedJwt(text) : undefined;
}

function findJwt(text: string): string | undefined {
  return literalTokens(text).find(isJwt);
}

const PLACEHOLDER_PARTS = ['changeme', 'change_me', 'change-me', 'replace', 'your', 'example', 'placeholder', 'dummy', 'xxx', 'redacted', 'todo', 'fixme', 'sample', 'insert', 'secret_here', 'token_here', 'key_here', '...', '…'];
const PLACEHOLDER_WORDS = new Set(['secret', 'password', 'passwd', 'token', 'apikey', 'test', 'testing', 'none', 'null', 'undefined', 'foo', 'bar', 'foobar', 'abc123', '123456', '12345678', 'admin', 'root', 'pass', 'default']);

/** '', 'changeme', '<token>', '{authtoken}', '${TOKEN}', 'xxxx', 'BOT_TOKEN', values with spaces or equal to their key. */
export function isPlaceholder(value: string, name?: string): boolean {
  const v = value.trim();
  if (!v || /\s/.test(v)) return true;
  const lower = v.toLowerCase();
  if (name && squash(v) === squash(name)) return true;
  if (/^[<{[(%$:]/.test(v) || /[>}\])%]$/.test(v) || v.startsWith('process.env')) return true;
  if (/^(.)\1*$/.test(v) || /^x+$/i.test(v) || /^\*+/.test(v)) return true;
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (PLACEHOLDER_PARTS.some((p) => lower.includes(p))) return true;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return true; // an env var's name
  return false;
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

function charClasses(s: string): number {
  return (/[a-z]/.test(s) ? 1 : 0) + (/[A-Z]/.test(s) ? 1 : 0) + (/[0-9]/.test(s) ? 1 : 0) + (/[^A-Za-z0-9]/.test(s) ? 1 : 0);
}

/** Random-looking: long, from a key alphabet, mixed classes, not words, paths, dates or identifiers. */
export function isHighEntropy(v: string): boolean {
  if (v.length < 16 || v.length > 1024) return false;
  if (!/^[A-Za-z0-9+/=_\-.~!@#$%^&*:]+$/.test(v)) return false;
  if (v.includes('://') || v.startsWith('/') || v.startsWith('./')) return false;
  if (/^[a-z]+(?:[A-Z][a-z]+)+[0-9]{0,4}$/.test(v) || /^[A-Za-z]+(?:[-_.:][A-Za-z]+)+[0-9]{0,4}$/.test(v)) return false;
  if (/^[0-9][0-9.:TZ+-]*$/.test(v)) return false;
  const hasDigit = /[0-9]/.test(v);
  const hasLetter = /[A-Za-z]/.test(v);
  if (!hasDigit || !hasLetter) return false;
  return entropy(v) >= (v.length < 24 ? 3.2 : 3.0);
}

/**
 * A key where no name says so (a URL parameter called `k` or `APPID`): one random-looking token of 20+ key
 * characters, without words between separators (`summer-sale-2024`, `Golf_8_GTI`), and not a SHA-1/SHA-256
 * content hash (40 or 64 hex digits, as commits and cache busters are).
 */
export function isKeyShaped(v: string): boolean {
  if (v.length < 20 || !/^[A-Za-z0-9+/=_-]+$/.test(v) || !isHighEntropy(v)) return false;
  if (/^[0-9a-f]+$/i.test(v) && (v.length === 40 || v.length === 64)) return false;
  const parts = v.split(/[-_+/]/).filter(Boolean);
  return parts.length === 1 || !parts.some((p) => /^[A-Za-z]{3,}$/.test(p));
}

/** A password someone chose: 8+ characters, no spaces, three of lower/upper/digit/symbol. */
export function isPasswordShaped(v: string): boolean {
  if (v.length < 8 || v.length > 128 || /\s/.test(v)) return false;
  return charClasses(v) >= 3 || isHighEntropy(v);
}

/**
 * The credential a literal holds, or undefined. Provider formats and JWTs count anywhere; with a
 * credential kind (the key it is assigned to) a random-looking value, or a password-shaped one, counts too.
 */
export function credentialShape(text: string, kind?: CredentialKind, name?: string): CredentialShape | undefined {
  if (text.length < 8) return undefined;
  const provider = providerMatch(text);
  if (provider) return { shape: 'provider', provider: provider.provider, value: provider.value };
  const jwt = jwtIn(text);
  if (jwt) return { shape: 'jwt', value: jwt };
  if (!kind || isPlaceholder(text, name)) return undefined;
  const v = text.trim();
  if (kind === 'password' && isPasswordShaped(v)) return { shape: 'password', value: v };
  if (isHighEntropy(v)) return { shape: 'entropy', value: v };
  return undefined;
}

const KEY_QUALIFIERS = new Set(['api', 'access', 'secret', 'private', 'client', 'signing', 'sign', 'encryption', 'hmac', 'auth', 'app', 'master', 'license', 'subscription', 'webhook', 'consumer', 'server', 'jwt', 'session', 'stripe', 'google', 'maps', 'mapbox', 'sendgrid', 'mailgun', 'openai', 'twilio']);
const NOT_CREDENTIAL_TOKENS = new Set(['csrf', 'xsrf', 'page', 'next', 'cursor', 'continuation', 'sync', 'cancel', 'device', 'push', 'fcm', 'registration', 'reset', 'verification', 'invite', 'unsubscribe']);
const COMPOUNDS = new Map<string, CredentialKind>([
  ['apikey', 'key'], ['apitoken', 'token'], ['accesstoken', 'token'], ['authtoken', 'token'], ['refreshtoken', 'token'], ['bottoken', 'token'],
  ['clientsecret', 'secret'], ['secretkey', 'key'], ['privatekey', 'key'], ['accesskey', 'key'], ['passwd', 'password'], ['pwd', 'password'],
  ['password', 'password'], ['passphrase', 'password'], ['token', 'token'], ['authorization', 'token'], ['secret', 'secret'], ['credentials', 'secret'], ['credential', 'secret'],
]);

const PLURALS = new Map([['tokens', 'token'], ['secrets', 'secret'], ['keys', 'key'], ['passwords', 'password'], ['creds', 'credentials']]);

/** Words of an identifier or header name: `x-api-key` → x api key, `refreshToken` → refresh token (shared, read-only). */
export const nameWords = memoByText<readonly string[]>(identifierWords, MEMO);

/** `csrfToken`, `nextPageToken`, `resetToken`: tokens that are not the app's credentials. */
export function isNonCredentialTokenName(name: string): boolean {
  // the word before `token` says what it is: `nextPageToken`, `csrf_token` (but `pageAccessToken` is a credential)
  const words = nameWords(name);
  const at = Math.max(words.lastIndexOf('token'), words.lastIndexOf('tokens'));
  return at > 0 && NOT_CREDENTIAL_TOKENS.has(words[at - 1]!);
}

/** What kind of credential a key, variable or header of this name holds, if any. */
export const credentialKind = memoByText(kindOfName, MEMO);

function kindOfName(name: string): CredentialKind | undefined {
  const words = nameWords(name);
  // OAuth `tokens`, `apiKeys`, `creds`: a holder of several credentials is named like one
  const written = words[words.length - 1];
  const last = written ? (PLURALS.get(written) ?? written) : undefined;
  const before = words[words.length - 2];
  if (!last) return undefined;
  if (last === 'key') return before && KEY_QUALIFIERS.has(before) ? 'key' : undefined;
  if (last === 'pass') return before && ['db', 'smtp', 'mail', 'user', 'admin', 'basic', 'auth', 'ftp', 'api'].includes(before) ? 'password' : undefined;
  const kind = COMPOUNDS.get(last);
  if (!kind) return undefined;
  if (kind === 'token' && before && NOT_CREDENTIAL_TOKENS.has(before)) return undefined;
  return kind;
}

/** At most a 4-character prefix: messages never echo a secret. */
export function mask(value: string): string {
  const n = value.length >= 16 ? 4 : value.length >= 8 ? 2 : 0;
  return `${value.slice(0, n)}…`;
}

const PROPER_NAMES = new Map([
  ['aws', 'AWS'], ['api', 'API'], ['id', 'ID'], ['npm', 'npm'], ['github', 'GitHub'], ['gitlab', 'GitLab'], ['openai', 'OpenAI'], ['sendgrid', 'SendGrid'],
  ['huggingface', 'Hugging Face'], ['hashicorp', 'HashiCorp'], ['1password', '1Password'], ['pat', 'access token'], ['jwt', 'JWT'], ['private', 'private'],
]);

/** Words for a provider id in messages: `stripe-secret-key` → Stripe secret key, `aws-access-key-id` → AWS access key ID. */
export function providerLabel(id: string): string {
  return id
    .split('-')
    .map((w, i) => PROPER_NAMES.get(w) ?? (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');
}
