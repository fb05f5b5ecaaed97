// The bounded look at the workspace that feeds shouldActivate: a few file searches with small limits
// (node_modules left out) and the first bytes of a few files. Cheap enough for every window's start.
import * as vscode from 'vscode';
import { codeUse, dependsOnSdk, type WorkspaceFacts } from './decide';

const EXCLUDE = '**/{node_modules,.git,dist,build,out,coverage,vendor}/**';
const MAX_PACKAGE_JSONS = 50;
/** Code files read when no package.json decided: an app without package.json is rare, so few. */
const MAX_CODE_FILES = 100;
const MAX_BYTES = 64 * 1024;
/** Bigger files are bundles or data, not an app's own code: not read at all. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const CODE = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}';

/** The workspace state key "Enable Policy Lens Here" sets. */
export const ENABLED_HERE_KEY = 'policyLens.enabledHere';

export async function probeWorkspace(state: vscode.Memento, token?: vscode.CancellationToken): Promise<WorkspaceFacts> {
  const rel = (u: vscode.Uri) => vscode.workspace.asRelativePath(u, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  const facts: WorkspaceFacts = { manifests: [], configs: [], enabledHere: state.get<boolean>(ENABLED_HERE_KEY) === true, packageJsons: [], codeFiles: [] };
  if (facts.enabledHere || !vscode.workspace.workspaceFolders?.length) return facts;
  const [manifests, configs] = await Promise.all([
    vscode.workspace.findFiles('**/web1on1-app.json', EXCLUDE, 1, token),
    vscode.workspace.findFiles('**/.policylens.json', EXCLUDE, 1, token),
  ]);
  facts.manifests = manifests.map(rel);
  facts.configs = configs.map(rel);
  if (facts.manifests.length || facts.configs.length) return facts;
  for (const u of await vscode.workspace.findFiles('**/package.json', EXCLUDE, MAX_PACKAGE_JSONS, token)) {
    const text = await head(u);
    if (text !== undefined) facts.packageJsons.push({ path: rel(u), text });
  }
  if (facts.packageJsons.some((p) => dependsOnSdk(p.text))) return facts;
  for (const u of await vscode.workspace.findFiles(CODE, EXCLUDE, MAX_CODE_FILES, token)) {
    const text = await head(u);
    if (text === undefined) continue;
    facts.codeFiles.push({ path: rel(u), text });
    if (codeUse(text)) break; // enough to decide
  }
  return facts;
}

/** The first MAX_BYTES of a file as text; undefined when it cannot be read. */
async function head(u: vscode.Uri): Promise<string | undefined> {
  try {
    if ((await vscode.workspace.fs.stat(u)).size > MAX_FILE_BYTES) return undefined;
    const bytes = await vscode.workspace.fs.readFile(u);
    return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, MAX_BYTES)).toString('utf8');
  } catch {
    return undefined;
  }
}
