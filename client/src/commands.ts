// Every command in one table: id → handler. package.json `contributes.commands` lists the same ids.
import * as vscode from 'vscode';
import {
  CheckWorkspaceRequest,
  CLIENT_COMMANDS,
  ReportRequest,
  RuleInfoRequest,
  RuleListRequest,
  type RuleInfo,
} from '../../server/lsp/protocol';
import { ENABLED_HERE_KEY } from './activation/probe';
import { createManifest } from './create-manifest';
import type { Ctx } from './ctx';
import { manifestEditorCommands } from './manifest-editor/provider';
import type { ListingPreview } from './listing/preview';
import { exportReport } from './report-export';
import { SHOW_PROBLEMS } from './status-bar';
import type { VirtualDocs } from './virtual-docs';

type Handler = (...args: never[]) => unknown;

export function createCommands(ctx: Ctx, docs: VirtualDocs, listing: ListingPreview): Record<string, Handler> {
  return {
    'policyLens.checkWorkspace': async () => {
      const client = await ctx.ready();
      const r = await client.sendRequest(CheckWorkspaceRequest);
      // the counts are those of the diagnostics in the Problems panel (and the status bar)
      const counts = [plural(r.errors, 'error'), plural(r.warnings, 'warning'), plural(r.infos, 'info')].join(', ');
      ctx.output.appendLine(`Check Workspace: ${r.files} code file(s) in ${r.durationMs} ms; ${counts}`);
      const show = 'Show Problems';
      const pick = await vscode.window.showInformationMessage(`Policy Lens checked ${plural(r.files, 'code file')}: ${counts}.`, show);
      if (pick === show) await vscode.commands.executeCommand(SHOW_PROBLEMS);
    },

    [CLIENT_COMMANDS.explainRule]: async (ruleId?: string) => {
      const client = await ctx.ready();
      let id = ruleId;
      if (!id) {
        const rules = await client.sendRequest(RuleListRequest);
        const pick = await vscode.window.showQuickPick(
          rules.map((r) => ({ label: r.id, description: r.clauses.join(', '), detail: r.description })),
          { placeHolder: 'Which rule?', matchOnDetail: true },
        );
        id = pick?.label;
      }
      if (!id) return;
      const info = await client.sendRequest(RuleInfoRequest, { id });
      if (!info) return void vscode.window.showWarningMessage(`Policy Lens has no rule "${id}".`);
      await docs.show(`/rules/${id}.md`, ruleMarkdown(info));
    },

    'policyLens.openReport': async () => {
      const client = await ctx.ready();
      const uri = vscode.window.activeTextEditor?.document.uri.toString();
      const r = await client.sendRequest(ReportRequest, { uri });
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
      // kept in VS Code's storage for this workspace: nothing is written into the user's repository
      await ctx.extension.workspaceState.update(ENABLED_HERE_KEY, true);
      ctx.output.appendLine('Enable Policy Lens Here: remembered for this workspace in VS Code\'s workspace storage (no file written).');
      await ctx.ready();
      const create = 'Create Manifest';
      const pick = await vscode.window.showInformationMessage(
        'Policy Lens is on for this workspace. VS Code remembers the choice for this workspace only; nothing was written to your files. To turn it on for everyone who clones the repository, add a web1on1-app.json (Create Manifest).',
        create,
      );
      if (pick === create) await vscode.commands.executeCommand('policyLens.createManifest');
    },

    'policyLens.createManifest': (folder?: unknown) => createManifest(ctx, folder),

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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
