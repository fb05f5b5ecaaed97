import { hostOf, isPlaceholderHost } from '../model/hosts';

/** Why a URL the listing shows is not usable (never fetched: form only), or undefined when fine. */
export function urlProblem(value: unknown): string | undefined {
  if (value === undefined || value === null) return 'missing';
  if (typeof value !== 'string') return 'not a string';
  const v = value.trim();
  if (v === '') return 'empty';
  if (/\b(todo|tbd|fixme|changeme)\b/i.test(v) || v.includes('{{') || (v.includes('<') && v.indexOf('>') > v.indexOf('<'))) return 'a placeholder';
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'https:') return `not https (${url.protocol.replace(':', '')})`;
  const host = hostOf(v);
  if (!host || !host.includes('.')) return 'not a public host';
  if (isPlaceholderHost(host)) return `a placeholder host (${host})`;
  return undefined;
}

const EMAIL = /^[^\s@<>]{1,64}@([A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}$/;

export function emailProblem(value: unknown): string | undefined {
  if (value === undefined || value === null) return 'missing';
  if (typeof value !== 'string') return 'not a string';
  const v = value.trim().replace(/^mailto:/i, '');
  if (v === '') return 'empty';
  if (!EMAIL.test(v)) return 'not a valid e-mail address';
  const host = v.split('@')[1]!.toLowerCase();
  if (isPlaceholderHost(host)) return `a placeholder domain (${host})`;
  if (/^(todo|test|example|changeme|your(name)?)@/i.test(v)) return 'a placeholder';
  return undefined;
}

/** An e-mail address or an https URL (security and support contacts accept either). */
export function contactProblem(value: unknown): string | undefined {
  if (typeof value === 'string' && /^https?:/i.test(value.trim())) return urlProblem(value);
  return emailProblem(value);
}
