// "Policy Lens: Export compliance report": asks the server for the report text (the same function
// `policy-lens report` runs) and writes it where the user says. With `{ target, format, now }` as the
// argument (tests, keybindings) no dialog shows; the target must still lie inside the workspace.
import { isAbsolute } from 'node:path';
import * as vscode from 'vscode';
import { ExportReportRequest, type ExportReportParams } from '../../server/lsp/protocol';
import type { Ctx } from './ctx';
import { formatOfName, parseExportArgs } from './report-args';

const EXT = { markdown: 'md', html: 'html' } as const;

export async function exportReport(ctx: Ctx, arg?: unknown): Promise<vscode.Uri | undefined> {
  const args = parseExportArgs(arg);
  const folder = activeFolder();
  if (!folder) {
    void vscode.window.showInformationMessage('Policy Lens: open a folder with a Web1on1 app to export its compliance report.');
    return undefined;
  }
  let target: vscode.Uri | undefined;
  let format = args.format;
  if (args.target) {
    target = isAbsolute(args.target) ? vscode.Uri.file(args.target) : vscode.Uri.joinPath(folder.uri, args.target);
    if (!vscode.workspace.getWorkspaceFolder(target) || target.path.split('/').includes('..')) {
      void vscode.window.showErrorMessage('Policy Lens: the report can only be written inside the workspace.');
      return undefined;
    }
    format ??= formatOfName(target.path) ?? 'markdown';
  } else {
    format ??= await pickFormat();
    if (!format) return undefined;
    target = await vscode.window.showSaveDialog({
      title: 'Export compliance report',
      saveLabel: 'Export',
      defaultUri: vscode.Uri.joinPath(folder.uri, `compliance-report.${EXT[format]}`),
      filters: format === 'html' ? { HTML: ['html', 'htm'] } : { Markdown: ['md', 'markdown'] },
    });
    if (!target) return undefined;
  }
  const params: ExportReportParams = { uri: folder.uri.toString(), format, now: args.now };
  const client = await ctx.ready();
  const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Policy Lens: building the compliance report…' }, () =>
    client.sendRequest(ExportReportRequest, params),
  );
  if (!r.ok) {
    void vscode.window.showErrorMessage(`Policy Lens: ${r.message}`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(r.text, 'utf8'));
  const written = target;
  void vscode.window.showInformationMessage(`Policy Lens: compliance report written to ${vscode.workspace.asRelativePath(written)}.`, 'Open').then((a) => a && vscode.commands.executeCommand('vscode.open', written));
  return written;
}

/** The workspace folder of the active editor's file, else the first. */
function activeFolder(): vscode.WorkspaceFolder | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
  return (uri && vscode.workspace.getWorkspaceFolder(uri)) || vscode.workspace.workspaceFolders?.[0];
}

async function pickFormat(): Promise<'markdown' | 'html' | undefined> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'Markdown', description: '.md', format: 'markdown' as const },
      { label: 'HTML', description: '.html, opens in any browser, offline', format: 'html' as const },
    ],
    { placeHolder: 'Export the compliance report as…' },
  );
  return pick?.format;
}
