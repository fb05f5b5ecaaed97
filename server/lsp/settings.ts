// Settings per resource: pulled with workspace/configuration when the client can, else from
// initializationOptions; cached until the client says they changed.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, type PolicyLensSettings } from './protocol';

export class Settings {
  private cache = new Map<string, Promise<PolicyLensSettings>>();
  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    private readonly fallback: () => Partial<PolicyLensSettings>,
  ) {}

  for(uri: string): Promise<PolicyLensSettings> {
    if (!this.canPull()) return Promise.resolve({ ...DEFAULT_SETTINGS, ...this.fallback() });
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'policyLens' })
        .then((v: Partial<PolicyLensSettings> | null) => normalize({ ...DEFAULT_SETTINGS, ...this.fallback(), ...(v ?? {}) }))
        .catch(() => ({ ...DEFAULT_SETTINGS, ...this.fallback() }));
      this.cache.set(uri, s);
    }
    return s;
  }

  clear(): void {
    this.cache.clear();
  }
}

function normalize(s: PolicyLensSettings): PolicyLensSettings {
  return { enable: s.enable !== false, run: s.run === 'onSave' ? 'onSave' : 'onType' };
}
