// The status bar item: the workspace's error and warning counts (those the Problems panel shows), a
// spinner while the server indexes; a click opens Problems. Visible in every editor, the manifest form
// and the listing preview included, but only while the server runs.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/lsp/protocol';

export const SHOW_PROBLEMS = 'workbench.actions.view.problems';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('policyLens.statusBar', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Policy Lens';
    this.item.command = { title: 'Show Problems', command: SHOW_PROBLEMS };
  }

  starting(): void {
    this.item.text = '$(sync~spin) Policy Lens';
    this.item.tooltip = 'Policy Lens is starting and checking the workspace…';
    this.item.backgroundColor = undefined;
    this.item.show();
  }

  update(s: StatusParams): void {
    const counts = `$(error) ${s.errors} $(warning) ${s.warnings}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.isTrusted = { enabledCommands: [SHOW_PROBLEMS, 'policyLens.openReport', 'policyLens.checkWorkspace'] };
    if (s.state === 'error') {
      this.item.text = '$(shield) Policy Lens: config error';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      tooltip.appendText(`Policy Lens cannot check this workspace: ${s.message ?? ''}`);
    } else {
      this.item.text = s.state === 'checking' ? `$(sync~spin) Policy Lens ${counts}` : `$(shield) Policy Lens ${counts}`;
      this.item.backgroundColor = undefined;
      const when = s.lastCheck ? new Date(s.lastCheck).toLocaleTimeString() : 'not yet';
      tooltip.appendMarkdown(`**Policy Lens**: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')} in the Problems panel\n\n`);
      tooltip.appendMarkdown(`${s.state === 'checking' ? `${s.message ?? 'Checking'} · ` : ''}${plural(s.files, 'code file')} checked · last check ${when}\n\n`);
    }
    tooltip.appendMarkdown(`[Show Problems](command:${SHOW_PROBLEMS}) · [Compliance report](command:policyLens.openReport) · [Check again](command:policyLens.checkWorkspace)`);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Policy Lens: ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}` };
    this.item.show();
  }

  stopped(): void {
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
