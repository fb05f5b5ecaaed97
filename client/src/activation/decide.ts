// Whether Policy Lens starts in a workspace: pure, from what a bounded look at the folder found (probe.ts).
// VS Code's `workspaceContains` cannot see node_modules and fires on no package.json content, so a chipchat
// bot before `npm install` would otherwise get nothing.
import API from '../../../rules/data/api-calls.json';

/** What a bounded look at the workspace found; every list may be cut short by the probe's limits. */
export interface WorkspaceFacts {
  /** Workspace-relative paths of web1on1-app.json files. */
  manifests: string[];
  /** Workspace-relative paths of .policylens.json files. */
  configs: string[];
  /** The user ran "Enable Policy Lens Here" in this workspace. */
  enabledHere: boolean;
  /** package.json files read: workspace-relative path and text. */
  packageJsons: { path: string; text: string }[];
  /** Code files read: workspace-relative path and text. */
  codeFiles: { path: string; text: string }[];
}

export interface Decision {
  start: boolean;
  /** One sentence for the output channel: what made the decision. */
  why: string;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
const SDK = 'chipchat';
const SDK_IN_CODE = /\brequire\s*\(\s*['"`]chipchat(?:\/[^'"`]*)?['"`]\s*\)|\bfrom\s*['"]chipchat(?:\/[^'"]*)?['"]|\bimport\s*(?:\(\s*)?['"]chipchat(?:\/[^'"]*)?['"]/;
/** The Web1on1 API hosts, current and legacy, from the rules' own data. */
export const API_HOSTS: readonly string[] = [...API.apiHosts, ...API.legacyApiHosts];
/** Characters that would make a host name longer on either side (`my-api.web1on1.chat`, `api.web1on1.chat.evil`). */
const HOST_CHAR = /[\w.-]/;

export function shouldActivate(facts: WorkspaceFacts): Decision {
  if (facts.enabledHere) return { start: true, why: '"Enable Policy Lens Here" was chosen for this workspace' };
  if (facts.manifests.length) return { start: true, why: `${facts.manifests[0]} is a Web1on1 app manifest` };
  if (facts.configs.length) return { start: true, why: `${facts.configs[0]} configures Policy Lens` };
  for (const p of facts.packageJsons) {
    if (dependsOnSdk(p.text)) return { start: true, why: `${p.path} depends on ${SDK}` };
  }
  for (const f of facts.codeFiles) {
    const use = codeUse(f.text);
    if (use) return { start: true, why: `${f.path} ${use}` };
  }
  const looked = `${facts.packageJsons.length} package.json file(s) and ${facts.codeFiles.length} code file(s)`;
  return { start: false, why: `no web1on1-app.json or .policylens.json, and no chipchat dependency, import or Web1on1 API host in ${looked}` };
}

/** True when a package.json names chipchat in any dependency field (installed or not). */
export function dependsOnSdk(packageJsonText: string): boolean {
  let pkg: unknown;
  try {
    pkg = JSON.parse(packageJsonText);
  } catch {
    return false; // a broken package.json says nothing; the code files may still
  }
  if (!pkg || typeof pkg !== 'object') return false;
  return DEPENDENCY_FIELDS.some((field) => {
    const deps = (pkg as Record<string, unknown>)[field];
    return !!deps && typeof deps === 'object' && Object.prototype.hasOwnProperty.call(deps, SDK);
  });
}

/** How a code file shows it is a Web1on1 app, in words, or undefined. */
export function codeUse(text: string): string | undefined {
  if (SDK_IN_CODE.test(text)) return `imports ${SDK}`;
  const host = API_HOSTS.find((h) => containsHost(text, h));
  return host ? `calls the Web1on1 API (${host})` : undefined;
}

/** Whether `host` occurs in `text` as a whole host name (a trailing dot ends a sentence, not the name). */
function containsHost(text: string, host: string): boolean {
  for (let i = text.indexOf(host); i >= 0; i = text.indexOf(host, i + 1)) {
    const before = text[i - 1] ?? '';
    const after = text.slice(i + host.length, i + host.length + 2);
    if (!HOST_CHAR.test(before) && !(/^[\w-]/.test(after) || /^\.[\w-]/.test(after))) return true;
  }
  return false;
}
