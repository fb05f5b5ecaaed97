import { getDomain, getHostname } from 'tldts';
import httpsHosts from '../../data/https-hosts.json';
import { API } from '../data';

export function hostOf(url: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return undefined;
  const h = getHostname(url);
  return h ? h.toLowerCase() : undefined;
}

export function registrableDomain(host: string): string {
  return getDomain(host) ?? host;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '[::1]' || host === '::1' || host === '0.0.0.0';
}

export function isPlatformHost(host: string): boolean {
  const d = registrableDomain(host);
  return API.platformDomains.includes(d);
}

export function isApiHost(host: string): boolean {
  return API.apiHosts.includes(host) || API.legacyApiHosts.includes(host);
}

/** The Web1on1 API hosts and the public API hosts listed in rules/data/https-hosts.json. */
export function isKnownHttpsHost(host: string): boolean {
  if (isApiHost(host)) return true;
  return httpsHosts.hosts.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h));
}

export function isLegacyApiHost(host: string): boolean {
  return API.legacyApiHosts.includes(host);
}

/** Reserved and placeholder hosts that no real app uses (RFC 2606 / 6761). */
export function isPlaceholderHost(host: string): boolean {
  const h = host.toLowerCase();
  return (
    h === 'example.com' || h === 'example.org' || h === 'example.net' || /\.example\.(com|org|net)$/.test(h) ||
    /(^|\.)example$/.test(h) || /(^|\.)test$/.test(h) || /(^|\.)invalid$/.test(h) || /(^|\.)localhost$/.test(h) ||
    h === 'localhost' || /^(your|my)-?(domain|app|company|site)\b/.test(h) || h.includes('todo')
  );
}
