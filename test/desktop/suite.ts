// Runs inside the desktop extension host: opens the e2e fixture bot and waits (polling) for Policy Lens's
// clause-citing diagnostics. Exported `run` is what @vscode/test-electron calls.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

async function poll<T>(what: string, get: () => T | undefined, timeoutMs = 30000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  const uri = vscode.Uri.joinPath(folder.uri, 'src', 'bot.js');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const diagnostics = await poll('policy-lens diagnostics', () => {
    const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'policy-lens');
    return d.some((x) => x.code && typeof x.code === 'object' && x.code.value === 'hardcoded-credential') ? d : undefined;
  });
  const token = diagnostics.find((x) => typeof x.code === 'object' && x.code.value === 'hardcoded-credential')!;
  assert.match(token.message, /^\[B\.2\] /);
  assert.ok(!token.message.includes('eyJhbGciOi'), 'the token is never echoed');
}
