import { AppInfo, MANIFEST_NAME } from '../app';
import type { FileFacts } from '../model/facts';
import type { AppIndex } from '../rule';
import { ADMIN_ONLY_SCOPES, collectScopeEvidence, neededScopes } from './scope-evidence';

/** The reason every generated scope gets: scope-reason-missing reports it until the developer writes one. */
export const REASON_PLACEHOLDER = 'TODO: why the app needs this';

/**
 * The text of a first web1on1-app.json for an app: name, version and description from package.json, the
 * scopes its code needs, each with a reason to fill in, and the webhook events its handlers receive, with
 * the webhook URL to fill in. Shared by `manifest-missing`'s fix and
 * `policy-lens init`.
 */
export function buildInitialManifest(app: AppInfo, index: AppIndex, packageJson: Record<string, unknown> | undefined): string {
  const pkgName = str(packageJson?.['name']);
  const manifest: Record<string, unknown> = {
    name: pkgName ? displayName(pkgName) : app.root.slice(app.root.lastIndexOf('/') + 1) || 'My Web1on1 app',
    version: str(packageJson?.['version']) ?? '0.1.0',
  };
  const description = str(packageJson?.['description']);
  if (description) manifest['description'] = description;
  const scopes = neededScopes(collectScopeEvidence(app, index));
  // the role of the bot user whose token the app uses: admin only for what a bot user cannot do
  manifest['tokenRole'] = scopes.some((s) => ADMIN_ONLY_SCOPES.includes(s)) ? 'admin' : 'bot';
  const eol = '\n';
  const lines = JSON.stringify(manifest, null, 2).split('\n');
  // one scope entry per line, as manifest.md shows them
  const scopeLines = scopes.map((s, i) => `    { "scope": ${JSON.stringify(s)}, "reason": ${JSON.stringify(REASON_PLACEHOLDER)} }${i < scopes.length - 1 ? ',' : ''}`);
  lines[lines.length - 2] += ',';
  lines.splice(lines.length - 1, 0, scopes.length ? `  "scopes": [${eol}${scopeLines.join(eol)}${eol}  ]` : '  "scopes": []');
  // the events the code handles, with the URL left empty: webhook-insecure asks for it until it is filled in
  const events = [...new Set([...index.files.values()].flatMap((f) => f.events.map((e) => e.what)))].sort();
  if (events.length) {
    lines[lines.length - 2] += ',';
    lines.splice(lines.length - 1, 0, `  "webhook": { "url": "", "events": ${JSON.stringify(events).replace(/","/g, '", "')} }`);
  }
  return lines.join(eol) + eol;
}

/**
 * The first manifest for the app folder `dir` from a finished run over it: what `policy-lens init` writes
 * and what the editor's "Create Manifest" command writes (one function, so both write the same file).
 */
export function initialManifestForFolder(result: { apps: readonly AppInfo[]; facts: ReadonlyMap<string, FileFacts> }, dir: string, readText: (path: string) => string | undefined): string {
  const app = result.apps.find((a) => a.root === dir) ?? new AppInfo(dir, `${dir}/${MANIFEST_NAME}`, undefined);
  const files = new Map([...result.facts].filter(([f]) => f.startsWith(dir + '/')));
  let pkg: Record<string, unknown> | undefined;
  try {
    const text = readText(`${dir}/package.json`);
    const v: unknown = text ? JSON.parse(text) : undefined;
    pkg = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    pkg = undefined; // a broken package.json only costs the name and version
  }
  return buildInitialManifest(app, { files }, pkg);
}

/** `@acme/service-reminder-bot` → `Service Reminder Bot`. */
function displayName(pkgName: string): string {
  const base = pkgName.replace(/^@[^/]{1,214}\//, '');
  return base.split(/[-_.\s]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') || base;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
