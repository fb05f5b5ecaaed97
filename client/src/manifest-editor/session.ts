// One open manifest form: the text document is the truth, the webview renders it. Document changes (from
// the form, a side-by-side JSON editor, undo, the disk) are posted to the webview at once; form changes
// come back as checked, minimal WorkspaceEdits, one at a time.
import * as vscode from 'vscode';
import { JsonDocument } from '../../../rules/src/manifest/json-document';
import type { ManifestStateResult } from '../../../server/lsp/protocol';
import type { Ctx } from '../ctx';
import { applyFormEdit } from './apply';
import { catalog } from './catalog';
import { parseEditMessage } from './form-model';
import { nonce } from '../webview-nonce';
import { formHtml } from './html';
import { LintSource } from './lint';
import type { DocState, FromWebview, ToWebview } from './messages';

export class FormSession implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly lint: LintSource;
  /** Edits are applied strictly in order: each one is computed against the text the previous one left. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: Ctx, private readonly doc: vscode.TextDocument, private readonly panel: vscode.WebviewPanel) {
    const dist = vscode.Uri.joinPath(ctx.extension.extensionUri, 'dist');
    const webview = panel.webview;
    webview.options = { enableScripts: true, localResourceRoots: [dist] };
    webview.html = formHtml({
      nonce: nonce(),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'manifest-form.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'manifest-form.css')).toString(),
    });
    this.lint = new LintSource(ctx, doc, (lint) => this.post({ type: 'lint', lint }));
    this.disposables.push(
      this.lint,
      webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== doc || !e.contentChanges.length) return;
        this.postDoc();
        this.lint.schedule();
      }),
      ctx.onDidCheck(() => this.lint.schedule()),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private post(m: ToWebview): void {
    void this.panel.webview.postMessage(m);
  }

  private postDoc(): void {
    this.post({ type: 'doc', doc: docState(this.doc) });
  }

  private onMessage(raw: unknown): void {
    const m = raw as FromWebview;
    switch (m?.type) {
      case 'ready':
        this.post({ type: 'init', catalog: catalog() });
        this.postDoc();
        this.lint.schedule(0);
        return;
      case 'set':
      case 'append':
      case 'remove': {
        const msg = parseEditMessage(raw);
        const id = Number.isSafeInteger(m.id) ? m.id : -1;
        if (typeof msg === 'string') {
          this.ctx.output.appendLine(`Manifest form: refused a message (${msg})`);
          this.post({ type: 'ack', id, applied: false, version: this.doc.version, reason: 'The form sent a change Policy Lens does not accept.' });
          return;
        }
        this.queue = this.queue.then(async () => {
          const r = await applyFormEdit(this.doc, msg);
          this.post(r.applied ? { type: 'ack', id, applied: true, version: this.doc.version, onVersion: r.onVersion } : { type: 'ack', id, applied: false, version: this.doc.version, reason: r.reason });
          if (!r.applied) this.postDoc();
        });
        return;
      }
      case 'openJson':
        void openAsJson(this.doc.uri, m.beside === true);
        return;
      case 'openCallSite':
        if (typeof m.scope === 'string' && Object.hasOwn(this.lint.last?.callSites ?? {}, m.scope)) void this.openPlace(this.lint.last!.callSites[m.scope], m.index);
        return;
      case 'openUsedSite':
        void this.openPlace(this.lint.last?.scopeStates.find((s) => s.scope === m.scope)?.callSites, m.index);
        return;
      case 'openLostPlace':
        void this.openPlace(this.lint.last?.evidenceLost, m.index);
        return;
    }
  }

  /** Opens a place from one of the server's own lists, by index; nothing outside the workspace is opened. */
  private async openPlace(list: readonly { uri: string; range: ManifestStateResult['evidenceLost'][number]['range'] }[] | undefined, index: unknown): Promise<void> {
    const site = Number.isSafeInteger(index) ? list?.[index as number] : undefined;
    if (!site) return;
    const uri = vscode.Uri.parse(site.uri);
    if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) return;
    const r = site.range;
    await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) });
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** What the webview renders: the parsed manifest and, when the text is not strict JSON, why. */
export function docState(doc: vscode.TextDocument): DocState {
  const json = new JsonDocument(doc.uri.fsPath, doc.getText());
  const problems = json.problems.map((p) => {
    const at = doc.positionAt(p.start);
    return { message: p.message, line: at.line + 1, column: at.character + 1 };
  });
  if (!problems.length && !json.isObject) problems.push({ message: 'The manifest must be a JSON object ({ … })', line: 1, column: 1 });
  const value = json.isObject ? (json.value as Record<string, unknown>) : undefined;
  return { version: doc.version, value, problems };
}

/** Replaces the form with the text editor in place (VS Code's own "Reopen Editor With"), or opens JSON beside it. */
export async function openAsJson(uri: vscode.Uri, beside: boolean): Promise<void> {
  if (beside) return void (await vscode.commands.executeCommand('vscode.openWith', uri, 'default', vscode.ViewColumn.Beside));
  await reopenWith(uri, 'default');
}

export async function reopenWith(uri: vscode.Uri, editorId: string): Promise<void> {
  // reopenActiveEditorWith replaces the active editor (no second tab, no save prompt for a dirty file)
  const active = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined;
  if (active?.uri?.toString() === uri.toString()) {
    const done = await vscode.commands.executeCommand('reopenActiveEditorWith', editorId).then(() => true, () => false);
    if (done) return;
  }
  await vscode.commands.executeCommand('vscode.openWith', uri, editorId);
}
