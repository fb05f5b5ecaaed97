// "Policy Lens: Create Manifest": the first web1on1-app.json from what the code uses (the server builds it
// exactly as `policy-lens init` does), written only where the user chose, then opened in the form.
import * as vscode from 'vscode';
import { InitialManifestRequest } from '../../server/lsp/protocol';
import type { Ctx } from './ctx';
import { MANIFEST_EDITOR_VIEW_TYPE } from './manifest-editor/provider';

export async function createManifest(ctx: Ctx, target?: unknown): Promise<void> {
  let folder = target instanceof vscode.Uri ? target : await pickFolder();
  if (!folder) return;
  const client = await ctx.ready();
  let r = await client.sendRequest(InitialManifestRequest, { folder: folder.toString() });
  if (!r.ok && r.choices?.length) {
    const pick = await vscode.window.showQuickPick(
      r.choices.map((c) => ({ label: vscode.workspace.asRelativePath(vscode.Uri.parse(c), true), uri: vscode.Uri.parse(c) })),
      { placeHolder: 'Several apps here have no web1on1-app.json. Which one?' },
    );
    if (!pick) return;
    folder = pick.uri;
    r = await client.sendRequest(InitialManifestRequest, { folder: folder.toString() });
  }
  if (!r.ok) {
    if (r.existing) {
      ctx.output.appendLine(`Create Manifest: ${r.message} Opening it.`);
      await vscode.commands.executeCommand('vscode.openWith', vscode.Uri.parse(r.existing), MANIFEST_EDITOR_VIEW_TYPE);
      return void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(vscode.Uri.parse(r.existing))} already exists: it is open in the form.`);
    }
    return void vscode.window.showWarningMessage(`Policy Lens could not create a manifest: ${r.message}`);
  }
  const uri = vscode.Uri.parse(r.uri);
  if (await vscode.workspace.fs.stat(uri).then(() => true, () => false)) {
    // created since the server looked: never overwrite a user's file
    await vscode.commands.executeCommand('vscode.openWith', uri, MANIFEST_EDITOR_VIEW_TYPE);
    return;
  }
  await vscode.workspace.fs.writeFile(uri, Buffer.from(r.text, 'utf8'));
  const where = vscode.workspace.asRelativePath(uri);
  ctx.output.appendLine(`Create Manifest: wrote ${where} with ${r.scopes} scope(s) the code uses.`);
  await vscode.commands.executeCommand('vscode.openWith', uri, MANIFEST_EDITOR_VIEW_TYPE);
  void vscode.window.showInformationMessage(`Policy Lens wrote ${where} with ${r.scopes} scope(s) the code uses. Write each reason, then add the privacy policy, support and security contacts.`);
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) {
    void vscode.window.showWarningMessage('Open the folder of your Web1on1 app first: the manifest is created in it.');
    return undefined;
  }
  if (folders.length === 1) return folders[0]!.uri;
  const pick = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create web1on1-app.json for the app in which folder?' });
  return pick?.uri;
}
