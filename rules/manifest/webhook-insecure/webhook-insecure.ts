import { createAppRule } from '../../src/rule';
import { pathToPointer } from '../../src/manifest/json-document';
import { isLoopbackHost } from '../../src/model/hosts';

/** Values that are secrets whatever their key: JWTs, private keys and well-known provider key formats. */
const SHAPED_SECRETS: [RegExp, string][] = [
  [/-----BEGIN (?:[A-Z]{1,10} )?PRIVATE KEY-----/, 'a private key'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\b[sr]k_live_[0-9A-Za-z]{16,}/, 'a Stripe secret key'],
  [/\bxox[abposr]-[0-9A-Za-z-]{10,}/, 'a Slack token'],
  [/\bgh[pousr]_[0-9A-Za-z]{36}\b/, 'a GitHub token'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, 'a Google API key'],
];
const JWT_PART = /^[A-Za-z0-9_-]{8,}$/;
const CREDENTIAL_WORDS = new Set(['secret', 'token', 'password', 'passwd', 'pwd', 'passphrase', 'apikey', 'credential', 'credentials']);
const KEY_QUALIFIERS = new Set(['api', 'private', 'access', 'signing', 'secret', 'encryption', 'hmac', 'client']);
const PLACEHOLDER_WORDS = /^(?:your|my|the)[-_]|example|placeholder|dummy|sample|redacted/i;
const PLACEHOLDER = /^(?:x+|\*+|\.+|-+|changeme|change-me|secret|token|password|todo|tbd|none|null|n\/a|<[^>]{0,60}>|\$\{[^}]{0,60}\}|\{\{[^}]{0,60}\}\}|\$[A-Za-z_][A-Za-z0-9_]{0,60}|env:[A-Za-z0-9_]{1,60}|process\.env\.[A-Za-z0-9_]{1,60})$/i;

export default createAppRule({
  meta: {
    id: 'webhook-insecure',
    target: 'manifest',
    description: 'The manifest\'s webhook URL is not https, or a secret is written into the manifest.',
    clauses: ['B.1'],
    severity: 'error',
    securitySeverity: 7.5,
    fixable: true,
    messages: {
      notHttps: 'The webhook URL is {{problem}}: Web1on1 would deliver conversation payloads and their signatures without encryption; serve the webhook over https',
      emptyUrl: 'The webhook URL is empty: write the https URL where Web1on1 should post the events the app subscribes to',
      secret: 'The manifest holds {{what}} at {{pointer}} ({{masked}}): the manifest is published with the listing; keep the webhook secret in the environment (e.g. WEBHOOK_SECRET) and rotate this one',
    },
  },
  check(context) {
    const m = context.app.manifestObject();
    if (!m) return;
    const url = m.webhook?.url;
    if (url !== undefined && !url.trim()) {
      // what `policy-lens init` leaves for the developer to fill in
      context.report({ pointer: '/webhook/url', messageId: 'emptyUrl' });
    } else if (url !== undefined || context.app.isMistyped('/webhook/url')) {
      const problem = url === undefined ? 'not a string' : transportProblem(url);
      if (problem) {
        const fixable = url !== undefined && /^http:\/\//i.test(url.trim()) && !problem.includes('local');
        const fixes = fixable && context.manifest ? [{ description: 'Use https for the webhook URL', edits: context.manifest.edit('/webhook/url', url.trim().replace(/^http:/i, 'https:')), safe: false }] : undefined;
        context.report({ pointer: '/webhook/url', messageId: 'notHttps', data: { problem }, fixes });
      }
    }
    // a secret may hide under any key, known to the field table or not: walk the JSON as written
    for (const found of secretsIn(context.manifest?.value, [])) {
      const pointer = pathToPointer(found.path);
      const fixes = context.manifest ? [{ description: 'Remove the secret from the manifest', edits: context.manifest.edit(pointer, undefined), safe: false }] : undefined;
      context.report({ pointer, messageId: 'secret', data: { what: found.what, pointer, masked: mask(found.value) }, fixes });
    }
  },
});

function transportProblem(value: string): string | undefined {
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    return 'not a valid URL';
  }
  if (u.protocol === 'https:') return undefined;
  const host = u.hostname.toLowerCase();
  return `not https (${u.protocol.replace(':', '')}${isLoopbackHost(host) ? ', a local address no one else can reach' : ''})`;
}

interface FoundSecret { path: (string | number)[]; value: string; what: string }

function secretsIn(value: unknown, path: (string | number)[], out: FoundSecret[] = []): FoundSecret[] {
  if (Array.isArray(value)) value.forEach((v, i) => secretsIn(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value as Record<string, unknown>)) secretsIn(v, [...path, k], out);
  else if (typeof value === 'string') {
    const what = secretKind(path, value);
    if (what) out.push({ path, value, what });
  }
  return out;
}

/** Three dot-separated base64url parts, the first two JSON objects (`eyJ` is `{"`): split, not one big regex. */
function containsJwt(value: string): boolean {
  return value.split(/[\s"'=,;:]/).some((t) => {
    const parts = t.split('.');
    return parts.length === 3 && parts[0]!.startsWith('eyJ') && parts[1]!.startsWith('eyJ') && parts.every((x) => JWT_PART.test(x));
  });
}

function secretKind(path: (string | number)[], value: string): string | undefined {
  if (containsJwt(value)) return 'a JWT';
  const shaped = SHAPED_SECRETS.find(([re]) => re.test(value));
  if (shaped) return shaped[1];
  const key = path[path.length - 1];
  if (typeof key !== 'string' || !isCredentialKey(key)) return undefined;
  const v = value.trim();
  if (v === '' || /\s/.test(v) || PLACEHOLDER.test(v) || PLACEHOLDER_WORDS.test(v) || v.toLowerCase() === key.toLowerCase()) return undefined;
  // under `webhook` every credential-named value is the signing secret; elsewhere the value must look like one
  if (path[0] === 'webhook') return 'the webhook secret';
  return looksRandom(v) ? 'a credential' : undefined;
}

function isCredentialKey(key: string): boolean {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const last = words[words.length - 1];
  if (!last) return false;
  if (CREDENTIAL_WORDS.has(last)) return true;
  return last === 'key' && words.length > 1 && KEY_QUALIFIERS.has(words[words.length - 2]!);
}

/** Long, mixed and varied enough to be generated rather than typed as a word. */
function looksRandom(v: string): boolean {
  if (v.length < 16) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(v)).length;
  if (classes < 2) return false;
  const counts = new Map<string, number>();
  for (const c of v) counts.set(c, (counts.get(c) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) entropy -= (n / v.length) * Math.log2(n / v.length);
  return entropy >= 3;
}

function mask(v: string): string {
  return `${v.slice(0, 4)}…`;
}
