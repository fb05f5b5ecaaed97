// Activation: registers commands, the manifest form and the read-only docs provider at once; starts the
// language client only in a workspace that holds a Web1on1 app (activation/decide.ts says which and why).
import * as vscode from 'vscode';
import { shouldActivate } from './activation/decide';
import { probeWorkspace } from './activation/probe';
import { createCommands } from './commands';
import { Ctx } from './ctx';
import { ListingPreview } from './listing/preview';
import { SCHEME, VirtualDocs } from './virtual-docs';
import { MANIFEST_EDITOR_VIEW_TYPE, registerManifestEditor } from './manifest-editor/provider';

/** Files whose appearance or change can turn a folder into a Web1on1 app while Policy Lens is off. */
const APP_SIGNS = '**/{package.json,web1on1-app.json,.policylens.json}';
const RECHECK_DELAY_MS = 1000;

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  ctx = new Ctx(context);
  context.subscriptions.push(ctx);
  const docs = new VirtualDocs();
  ctx.push(vscode.workspace.registerTextDocumentContentProvider(SCHEME, docs));
  const listing = new ListingPreview(ctx);
  ctx.push(listing);
  for (const [id, handler] of Object.entries(createCommands(ctx, docs, listing))) {
    ctx.push(vscode.commands.registerCommand(id, handler as (...args: unknown[]) => unknown));
  }
  ctx.push(registerManifestEditor(ctx));
  ctx.push(vscode.workspace.onDidCreateFiles((e) => openCreatedManifests(e.files)));
  await startIfApp(ctx, 'at start');
  if (!ctx.client) watchForApp(ctx);
}

/** Looks at the workspace (bounded) and starts the server when it holds a Web1on1 app; says why either way. */
async function startIfApp(c: Ctx, when: string): Promise<void> {
  if (c.client) return;
  const t0 = Date.now();
  const decision = shouldActivate(await probeWorkspace(c.extension.workspaceState));
  c.output.appendLine(`${decision.start ? 'Starting' : 'Staying off'} (${when}, decided in ${Date.now() - t0} ms): ${decision.why}.`);
  if (decision.start) await c.start();
  else c.output.appendLine('Run "Policy Lens: Enable Policy Lens Here" to check this workspace anyway.');
}

/** While off: a package.json or manifest that appears or changes may make the folder an app. */
function watchForApp(c: Ctx): void {
  const watcher = vscode.workspace.createFileSystemWatcher(APP_SIGNS);
  let timer: NodeJS.Timeout | undefined;
  const recheck = (uri: vscode.Uri) => {
    if (c.client || uri.path.includes('/node_modules/')) return;
    clearTimeout(timer);
    timer = setTimeout(() => void startIfApp(c, `${vscode.workspace.asRelativePath(uri)} changed`).then(() => c.client && watcher.dispose()), RECHECK_DELAY_MS);
  };
  c.push(watcher, watcher.onDidCreate(recheck), watcher.onDidChange(recheck), { dispose: () => clearTimeout(timer) });
  c.push(vscode.workspace.onDidChangeWorkspaceFolders(() => void startIfApp(c, 'workspace folders changed')));
}

/**
 * A manifest created by an edit in VS Code (the missing-manifest quick fix, a refactoring) opens in the form,
 * where its reasons and contacts are filled in. (A code action's command would run after VS Code has dropped
 * its arguments: the edit is applied first.)
 */
function openCreatedManifests(files: readonly vscode.Uri[]): void {
  for (const uri of files) {
    if (uri.path.endsWith('/web1on1-app.json')) void vscode.commands.executeCommand('vscode.openWith', uri, MANIFEST_EDITOR_VIEW_TYPE);
  }
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
}
