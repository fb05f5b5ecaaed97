// Activation: starts the language client, registers commands and the read-only docs provider.
// Activation events (package.json) keep it out of workspaces that are not Web1on1 apps.
import * as vscode from 'vscode';
import { createCommands } from './commands';
import { Ctx } from './ctx';
import { ListingPreview } from './listing/preview';
import { SCHEME, VirtualDocs } from './virtual-docs';
import { registerManifestEditor } from './manifest-editor/provider';

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
  await ctx.start();
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
}
