// The language status item: counts and the time of the last check; a click opens the report.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/lsp/protocol';

export class Status implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('policyLens.status', selector);
    this.item.name = 'Policy Lens';
    this.item.text = '$(shield) Policy Lens';
    this.item.detail = 'starting…';
    this.item.busy = true;
    this.item.command = { title: 'Open report', command: 'policyLens.openReport', tooltip: 'Open the compliance report' };
  }

  update(s: StatusParams): void {
    this.item.busy = s.state === 'checking';
    if (s.state === 'error') {
      this.item.severity = vscode.LanguageStatusSeverity.Error;
      this.item.text = '$(shield) Policy Lens: config error';
      this.item.detail = s.message ?? '';
      return;
    }
    const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning')];
    if (s.infos) parts.push(plural(s.infos, 'hint'));
    this.item.text = `$(shield) Policy Lens: ${parts.join(', ')}`;
    const when = s.lastCheck ? new Date(s.lastCheck).toLocaleTimeString() : 'never';
    this.item.detail = `${s.files} file${s.files === 1 ? '' : 's'} · last check ${when}`;
    this.item.severity = s.errors ? vscode.LanguageStatusSeverity.Error : s.warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  stopped(): void {
    this.item.busy = false;
    this.item.text = '$(shield) Policy Lens: stopped';
    this.item.detail = 'Run "Policy Lens: Restart Server"';
  }

  dispose(): void {
    this.item.dispose();
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
