import { JsonDocument } from './manifest/json-document';
import { hostOf, registrableDomain } from './model/hosts';

export const MANIFEST_NAME = 'web1on1-app.json';

/** One app: a folder with (normally) a manifest, and what the rules need to know of it. */
export class AppInfo {
  readonly manifest: JsonDocument | undefined;
  /** Registrable domains the developer owns (developer.url, webhook.url). */
  readonly ownDomains = new Set<string>();
  /** Hosts declared as receiving personal data. */
  readonly thirdPartyHosts = new Set<string>();

  constructor(
    /** Absolute folder of the app, forward slashes, no trailing slash. */
    readonly root: string,
    /** Absolute path of the manifest (it may not exist). */
    readonly manifestPath: string,
    manifestText: string | undefined,
  ) {
    this.manifest = manifestText === undefined ? undefined : new JsonDocument(manifestPath, manifestText);
    const m = this.manifestObject();
    for (const u of [str(m?.['developer'], 'url'), str(m?.['webhook'], 'url'), str(m?.['support'], 'url')]) {
      const h = u ? hostOf(u) : undefined;
      if (h) this.ownDomains.add(registrableDomain(h));
    }
    const email = str(m?.['developer'], 'email');
    if (email && email.includes('@')) this.ownDomains.add(registrableDomain(email.split('@')[1]!.toLowerCase()));
    const tp = (m?.['dataProtection'] as Record<string, unknown> | undefined)?.['thirdParties'];
    if (Array.isArray(tp)) for (const t of tp) if (t && typeof (t as Record<string, unknown>)['host'] === 'string') this.thirdPartyHosts.add(String((t as Record<string, unknown>)['host']).toLowerCase());
  }

  get hasManifest(): boolean {
    return this.manifest !== undefined;
  }

  /** The manifest as an object when it parsed as one; undefined otherwise. */
  manifestObject(): Record<string, unknown> | undefined {
    const v = this.manifest?.value;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  }

  /** Scope names the manifest declares (string entries and {scope} objects), with their pointers. */
  declaredScopes(): { scope: string; pointer: string; reason?: string; index: number }[] {
    const scopes = this.manifestObject()?.['scopes'];
    if (!Array.isArray(scopes)) return [];
    const out: { scope: string; pointer: string; reason?: string; index: number }[] = [];
    scopes.forEach((s, i) => {
      if (typeof s === 'string') out.push({ scope: s, pointer: `/scopes/${i}`, index: i });
      else if (s && typeof s === 'object' && typeof (s as Record<string, unknown>)['scope'] === 'string') {
        const r = (s as Record<string, unknown>)['reason'];
        out.push({ scope: String((s as Record<string, unknown>)['scope']), pointer: `/scopes/${i}`, reason: typeof r === 'string' ? r : undefined, index: i });
      }
    });
    return out;
  }

  isOwnHost(host: string): boolean {
    return this.ownDomains.has(registrableDomain(host));
  }
}

function str(obj: unknown, key: string): string | undefined {
  if (!obj || typeof obj !== 'object') return undefined;
  const v = (obj as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}
