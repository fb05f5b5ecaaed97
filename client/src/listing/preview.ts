// The "Preview listing" panel: one webview that shows how the listing of a web1on1-app.json reads to a
// dealer. The model comes from the language server (policyLens/listing); this file owns the panel's life:
// creation, restore after a reload (serializer + the webview's saved state), debounced refresh while the
// manifest or code changes, and the few validated actions the page may ask for.
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { ListingRequest, type ListingFinding, type ListingModel, type ListingParams } from '../../../server/lsp/protocol';
import type { Ctx } from '../ctx';
import { nonce } from '../webview-nonce';
import { listingHtml } from './html';
import { resolveIcon } from './icon';
import { manifestUriOfState, openableHref, parseFromWebview, type FromWebview, type IconView, type ToWebview } from './messages';

export const LISTING_VIEW_TYPE = 'policyLens.listingPreview';
const MANIFEST_NAME = 'web1on1-app.json';
/** Typing pauses this long before the preview asks again (the server's own check waits 400 ms). */
const DEBOUNCE_MS = 300;
const CODE_LANGUAGES = new Set(['javascript', 'javascriptreact', 'typescript', 'typescriptreact']);

export class ListingPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private manifest: vscode.Uri | undefined;
  private model: ListingModel | undefined;
  private last: ToWebview | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Answers to older requests are dropped: the newest request wins. */
  private seq = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: Ctx) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(LISTING_VIEW_TYPE, { deserializeWebviewPanel: (panel, state) => this.restore(panel, state) }),
      vscode.workspace.onDidChangeTextDocument((e) => this.concerns(e.document) && this.schedule()),
      vscode.workspace.onDidSaveTextDocument((d) => this.concerns(d) && this.schedule()),
      // a check the preview did not ask for (files changed on disk, another editor's edit) refreshes it
      ctx.onDidCheck((s) => s.lastCheck !== this.model?.checkedAt && this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('policyLens.listing') && this.schedule(0)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule(0)),
    );
  }

  /** Shows the preview of `manifest` (or of the manifest the user means), creating the panel once. */
  async show(arg?: unknown): Promise<void> {
    const manifest = await targetManifest(arg);
    if (!manifest) {
      void vscode.window.showInformationMessage('Policy Lens: no web1on1-app.json in this workspace to preview. The "manifest-missing" quick fix (or `policy-lens init`) creates one.');
      return;
    }
    if (this.panel) {
      this.manifest = manifest;
      this.panel.reveal(undefined, true);
      this.schedule(0);
      return;
    }
    const panel = vscode.window.createWebviewPanel(LISTING_VIEW_TYPE, 'Preview listing', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.options());
    this.attach(panel, manifest);
  }

  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    // the state was written by the page: only a manifest inside the workspace is taken from it
    const saved = manifestUriOfState(state);
    const uri = saved ? vscode.Uri.parse(saved, true) : undefined;
    const manifest = uri && vscode.workspace.getWorkspaceFolder(uri) ? uri : await targetManifest(undefined, false);
    if (!manifest) return panel.dispose();
    panel.webview.options = this.options();
    this.attach(panel, manifest);
  }

  private options(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    const roots = [vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'dist'), ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
    return { enableScripts: true, localResourceRoots: roots, enableFindWidget: true };
  }

  private attach(panel: vscode.WebviewPanel, manifest: vscode.Uri): void {
    this.panel = panel;
    this.manifest = manifest;
    this.model = undefined;
    this.last = undefined;
    const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'dist', 'listing-webview.js'));
    panel.webview.html = listingHtml({ cspSource: panel.webview.cspSource, nonce: nonce(), scriptUri: script.toString() });
    // a hidden panel's page is unloaded; shown again, it restores from its state and says "ready"
    const subs = [
      panel.webview.onDidReceiveMessage((m: unknown) => {
        const msg = parseFromWebview(m);
        if (msg) void this.onMessage(msg);
      }),
    ];
    panel.onDidDispose(() => {
      subs.forEach((d) => d.dispose());
      if (this.panel === panel) this.panel = undefined;
      clearTimeout(this.timer);
    });
    this.schedule(0);
  }

  private concerns(doc: vscode.TextDocument): boolean {
    if (!this.panel || doc.uri.scheme !== 'file') return false;
    return doc.uri.path.endsWith('/' + MANIFEST_NAME) || doc.uri.path.endsWith('/.policylens.json') || CODE_LANGUAGES.has(doc.languageId);
  }

  private schedule(delay = DEBOUNCE_MS): void {
    if (!this.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh().catch((e: unknown) => this.ctx.output.appendLine(`listing preview: ${String(e)}`)), delay);
  }

  private async refresh(): Promise<void> {
    const manifest = this.manifest;
    // a hidden panel's page is gone: it asks again ("ready") when shown
    if (!this.panel?.visible || !manifest) return;
    const seq = ++this.seq;
    const client = await this.ctx.ready();
    const params: ListingParams = {
      uri: manifest.toString(),
      compareRef: vscode.workspace.getConfiguration('policyLens.listing', manifest).get<string>('compareRef', ''),
      trusted: vscode.workspace.isTrusted,
    };
    const r = await client.sendRequest(ListingRequest, params);
    if (seq !== this.seq || !this.panel) return;
    this.panel.title = r.ok && r.model.name ? `Preview listing: ${r.model.name}` : 'Preview listing';
    if (!r.ok) return this.post({ manifestUri: params.uri, type: 'message', text: r.message });
    this.model = r.model;
    this.post({ manifestUri: params.uri, type: 'model', model: r.model, icon: this.icon(r.model, manifest) });
  }

  private icon(model: ListingModel, manifest: vscode.Uri): IconView {
    if (model.problem || !this.panel) return {};
    const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
    const file = resolveIcon(model.icon, dirname(manifest.fsPath), roots);
    return file.ok ? { src: this.panel.webview.asWebviewUri(vscode.Uri.file(file.path)).toString() } : { problem: file.problem };
  }

  private post(m: ToWebview): void {
    this.last = m;
    void this.panel?.webview.postMessage(m);
  }

  private async onMessage(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready':
        // a (re)loaded page: give it what we have at once, then fresh data
        if (this.last) void this.panel?.webview.postMessage(this.last);
        return this.schedule(0);
      case 'openManifest':
        if (this.manifest) await vscode.commands.executeCommand('vscode.open', this.manifest);
        return;
      case 'openLink': {
        // the page names an index; the target is the extension's own, checked again before opening
        const href = openableHref(this.model?.links[m.index]?.href);
        if (href) await vscode.env.openExternal(vscode.Uri.parse(href, true));
        return;
      }
      case 'openFinding':
        return this.openPlace(this.model?.checklist.find((c) => c.clause === m.clause)?.findings[m.index]);
      case 'openLostPlace':
        return this.openPlace(this.model?.codeEvidence?.lost[m.index]);
    }
  }

  /** Opens a place of the extension's own model in the editor; nothing outside the workspace is opened. */
  private async openPlace(p: { uri: string; range: ListingFinding['range'] } | undefined): Promise<void> {
    if (!p) return;
    const uri = vscode.Uri.parse(p.uri, true);
    if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) return;
    const r = p.range;
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), viewColumn: vscode.ViewColumn.One });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

function isManifest(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && uri.path.endsWith('/' + MANIFEST_NAME) && !!vscode.workspace.getWorkspaceFolder(uri);
}

/** The manifest a command means: its argument, the active editor's file, or the workspace's (asking when several). */
async function targetManifest(arg: unknown, ask = true): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri && isManifest(arg)) return arg;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const active = input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
  if (active && isManifest(active)) return active;
  const found = (await vscode.workspace.findFiles(`**/${MANIFEST_NAME}`, '**/node_modules/**', 50)).sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path));
  if (found.length <= 1 || !ask) return found[0];
  const pick = await vscode.window.showQuickPick(found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })), { placeHolder: 'Which app’s listing?' });
  return pick?.uri;
}
