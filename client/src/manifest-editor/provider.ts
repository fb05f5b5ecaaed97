// The manifest form: a custom text editor for web1on1-app.json (package.json contributes.customEditors,
// priority default), and the two commands that switch between it and the JSON text editor.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { FormSession, openAsJson, reopenWith } from './session';

export const MANIFEST_EDITOR_VIEW_TYPE = 'policyLens.manifestEditor';

export function registerManifestEditor(ctx: Ctx): vscode.Disposable {
  return vscode.window.registerCustomEditorProvider(
    MANIFEST_EDITOR_VIEW_TYPE,
    {
      resolveCustomTextEditor(doc, panel) {
        // the session disposes itself with the panel
        new FormSession(ctx, doc, panel);
      },
    },
    // a hidden form rebuilds from the document when shown again: no need to keep it alive
    { webviewOptions: { retainContextWhenHidden: false }, supportsMultipleEditorsPerDocument: true },
  );
}

/** Commands for the command table (client/src/commands.ts). From the editor title they get the file's URI. */
export function manifestEditorCommands(): Record<string, (uri?: unknown) => unknown> {
  const target = (uri: unknown): vscode.Uri | undefined => {
    if (uri instanceof vscode.Uri) return uri;
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: vscode.Uri } | undefined;
    return input?.uri;
  };
  return {
    'policyLens.openManifestAsJson': (uri?: unknown) => {
      const u = target(uri);
      return u && openAsJson(u, false);
    },
    'policyLens.openManifestForm': (uri?: unknown) => {
      const u = target(uri);
      return u && u.path.endsWith('/web1on1-app.json') ? reopenWith(u, MANIFEST_EDITOR_VIEW_TYPE) : undefined;
    },
  };
}
