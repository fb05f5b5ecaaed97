// The findings and call sites beside the form's fields, from the language server (policyLens/manifestState):
// the same rules the CLI runs, on the text the editor has. Asked again after every change of the manifest
// and after every check the server finishes (code edits move call sites), debounced.
import * as vscode from 'vscode';
import { ManifestStateRequest, type ManifestStateResult } from '../../../server/lsp/protocol';
import type { Ctx } from '../ctx';
import type { LintState } from './messages';

const DEBOUNCE_MS = 200;
/** The server has not seen the newest text yet: ask again after this long. */
const BEHIND_MS = 300;

/** "src/index.ts:12": workspace-relative, 1-based line. */
function placeLabel(p: { uri: string; range: { start: { line: number } } }): string {
  return `${vscode.workspace.asRelativePath(vscode.Uri.parse(p.uri))}:${p.range.start.line + 1}`;
}

export class LintSource implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;
  /** The server's last answer: call sites are opened from it, never from paths the webview sends. */
  last: ManifestStateResult | undefined;

  constructor(private readonly ctx: Ctx, private readonly doc: vscode.TextDocument, private readonly post: (lint: LintState) => void) {}

  schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fetch(), delay);
  }

  private async fetch(): Promise<void> {
    if (this.disposed) return;
    let r: ManifestStateResult;
    try {
      const client = await this.ctx.ready();
      r = await client.sendRequest(ManifestStateRequest, { uri: this.doc.uri.toString() });
    } catch (e) {
      if (!this.disposed) this.post({ version: null, findings: [], callSites: {}, missing: [], scopeStates: {}, lost: [], unavailable: `The Policy Lens server did not answer (${(e as Error).message}).` });
      return;
    }
    if (this.disposed) return;
    if (r.version !== null && r.version < this.doc.version) this.schedule(BEHIND_MS);
    this.last = r;
    const callSites: LintState['callSites'] = {};
    for (const [scope, sites] of Object.entries(r.callSites)) callSites[scope] = sites.map((s) => ({ label: placeLabel(s), evidence: s.evidence }));
    const scopeStates: LintState['scopeStates'] = {};
    for (const s of r.scopeStates) scopeStates[s.scope] = { state: s.state, sites: s.callSites.map((c) => ({ label: placeLabel(c), evidence: c.evidence })), events: s.events };
    const lost = r.evidenceLost.map((l) => ({ label: placeLabel(l), what: l.what }));
    this.post({ version: r.version, findings: r.findings, callSites, missing: r.missingScopes, scopeStates, lost });
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }
}
