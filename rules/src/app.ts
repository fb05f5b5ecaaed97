import { JsonDocument } from './manifest/json-document';
import { readManifest } from './manifest/read-manifest';
import type { Manifest } from './manifest/spec';
import { hostOf, registrableDomain } from './model/hosts';

export const MANIFEST_NAME = 'web1on1-app.json';

/** One app: a folder with (normally) a manifest, and what the rules need to know of it. */
export class AppInfo {
  readonly manifest: JsonDocument | undefined;
  /** Registrable domains the developer owns (developer.url, webhook.url). */
  readonly ownDomains = new Set<string>();
  /** Hosts declared as receiving personal data. */
  readonly thirdPartyHosts = new Set<string>();
  /** Pointers of manifest values present with a type the field table does not allow. */
  private readonly mistyped = new Set<string>();
  private readonly fields: Manifest | undefined;

  constructor(
    /** Absolute folder of the app, forward slashes, no trailing slash. */
    readonly root: string,
    /** Absolute path of the manifest (it may not exist). */
    readonly manifestPath: string,
    manifestText: string | undefined,
  ) {
    this.manifest = manifestText === undefined ? undefined : new JsonDocument(manifestPath, manifestText);
    const v = this.manifest?.value;
    this.fields = v && typeof v === 'object' && !Array.isArray(v) ? readManifest(v, this.mistyped) : undefined;
    const m = this.fields;
    for (const u of [m?.developer?.url, m?.webhook?.url, m?.support?.url]) {
      const h = u ? hostOf(u) : undefined;
      if (h) this.ownDomains.add(registrableDomain(h));
    }
    const email = m?.developer?.email;
    if (email && email.includes('@')) this.ownDomains.add(registrableDomain(email.split('@')[1]!.toLowerCase()));
    for (const t of m?.dataProtection?.thirdParties ?? []) if (t?.host !== undefined) this.thirdPartyHosts.add(t.host.toLowerCase());
  }

  get hasManifest(): boolean {
    return this.manifest !== undefined;
  }

  /** The manifest's fields, typed (rules/src/manifest/spec.ts), when it parsed as an object; undefined otherwise. */
  manifestObject(): Manifest | undefined {
    return this.fields;
  }

  /** The value at `pointer` is there but of the wrong type: manifest-invalid reports it; a rule may word it too. */
  isMistyped(pointer: string): boolean {
    return this.mistyped.has(pointer);
  }

  /** Scope names the manifest declares (string entries and {scope} objects), with their pointers. */
  declaredScopes(): { scope: string; pointer: string; reason?: string; index: number }[] {
    const out: { scope: string; pointer: string; reason?: string; index: number }[] = [];
    this.fields?.scopes?.forEach((s, i) => {
      if (typeof s === 'string') out.push({ scope: s, pointer: `/scopes/${i}`, index: i });
      else if (s?.scope !== undefined) out.push({ scope: s.scope, pointer: `/scopes/${i}`, reason: s.reason, index: i });
    });
    return out;
  }

  isOwnHost(host: string): boolean {
    return this.ownDomains.has(registrableDomain(host));
  }
}
