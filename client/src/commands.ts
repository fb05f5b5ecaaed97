// Every command in one table: id → handler. package.json `contributes.commands` lists the same ids.
import * as vscode from 'vscode';
import {
  CHECK_WORKSPACE_REQUEST,
  CLIENT_COMMANDS,
  REPORT_REQUEST,
  RULE_INFO_REQUEST,
  RULE_LIST_REQUEST,
  type CheckWorkspaceResult,
  type ReportResult,
  type RuleInfo,
  type RuleSummary,
} from '../../server/lsp/protocol';
import type { Ctx } from './ctx';
import { manifestEditorCommands } from './manifest-editor/provider';
import type { ListingPreview } from './listing/preview';
import { exportReport } from './report-export';
import type { VirtualDocs } from './virtual-docs';

type Handler = (...args: never[]) => unknown;

export function createCommands(ctx: Ctx, docs: VirtualDocs, listing: ListingPreview): Record<string, Handler> {
  return {
    'policyLens.checkWorkspace': async () => {
      const client = await ctx.ready();
      const r = await client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {});
      void vscode.window.showInformationMessage(`Policy Lens checked ${r.files} file(s): ${r.findings} finding(s). See the Problems panel.`);
    },

    [CLIENT_COMMANDS.explainRule]: async (ruleId?: string) => {
      const client = await ctx.ready();
      let id = ruleId;
      if (!id) {
        const rules = await client.sendRequest<RuleSummary[]>(RULE_LIST_REQUEST, {});
        const pick = await vscode.window.showQuickPick(
          rules.map((r) => ({ label: r.id, description: r.clauses.join(', '), detail: r.description })),
          { placeHolder: 'Which rule?', matchOnDetail: true },
        );
        id = pick?.label;
      }
      if (!id) return;
      const info = await client.sendRequest<RuleInfo | null>(RULE_INFO_REQUEST, { id });
      if (!info) return void vscode.window.showWarningMessage(`Policy Lens has no rule "${id}".`);
      await docs.show(`/rules/${id}.md`, ruleMarkdown(info));
    },

    'policyLens.openReport': async () => {
      const client = await ctx.ready();
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      const r = await client.sendRequest<ReportResult>(REPORT_REQUEST, { uri });
      await docs.show('/compliance-report.md', r.markdown);
    },

    // from the editor title the manifest's URI comes as the argument; from the palette none does
    'policyLens.previewListing': (uri?: unknown) => listing.show(uri),

    'policyLens.exportReport': (args?: unknown) => exportReport(ctx, args),

    'policyLens.restartServer': async () => {
      await ctx.restart();
      ctx.output.appendLine('Server restarted.');
    },

    'policyLens.enableHere': async () => {
      // A .policylens.json marks the folder for Policy Lens (it also activates the extension next time).
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (folder && vscode.workspace.isTrusted) {
        const cfg = vscode.Uri.joinPath(folder.uri, '.policylens.json');
        const exists = await vscode.workspace.fs.stat(cfg).then(() => true, () => false);
        if (!exists) await vscode.workspace.fs.writeFile(cfg, Buffer.from('{\n  "rules": {}\n}\n'));
      }
      await ctx.ready();
      void vscode.window.showInformationMessage('Policy Lens is checking this workspace.');
    },

    // the manifest form: "Open as JSON" and "Open as Form"
    ...manifestEditorCommands(),

    [CLIENT_COMMANDS.suppressWithReason]: async (uri: string, line: number, ruleId: string, version: number | null) => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      if (version !== null && doc.version !== version) {
        return void vscode.window.showWarningMessage('The file changed since this problem was reported; try again on the fresh problem.');
      }
      const editor = await vscode.window.showTextDocument(doc);
      const indent = /^[ \t]*/.exec(doc.lineAt(line).text)?.[0] ?? '';
      // the cursor lands on the reason: a suppression without one is itself reported
      const snippet = new vscode.SnippetString(`${indent}// policy-lens-disable-next-line ${ruleId} -- `).appendPlaceholder('reason').appendText('\n');
      await editor.insertSnippet(snippet, new vscode.Position(line, 0));
    },

    [CLIENT_COMMANDS.showReferences]: async (uri: string, position: { line: number; character: number }, locations: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) => {
      const client = await ctx.ready();
      const c = client.protocol2CodeConverter;
      await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), c.asPosition(position), locations.map((l) => c.asLocation(l)));
    },
  };
}

function ruleMarkdown(info: RuleInfo): string {
  const clauses = info.clauses.map((c) => `> ${c.text}\n>\n> — Web1on1 Developer Policy, clause ${c.id}`).join('\n\n');
  const body = info.doc ?? `# ${info.id}\n\n${info.description}\n`;
  const link = info.docsUrl ? `\n\n[Online documentation](${info.docsUrl})\n` : '\n';
  return `${body}\n\n## The clauses, quoted\n\n${clauses}${link}`;
}
