// Read-only documents (rule docs, the compliance report) under the `policy-lens:` scheme, shown with
// the built-in Markdown preview: offline, and nothing asks to be saved on close.
import * as vscode from 'vscode';

export const SCHEME = 'policy-lens';

export class VirtualDocs implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  async show(path: string, markdown: string): Promise<void> {
    const uri = vscode.Uri.from({ scheme: SCHEME, path });
    this.texts.set(uri.path, markdown);
    this.emitter.fire(uri);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  }
}
