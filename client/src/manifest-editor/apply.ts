// Applies a checked form edit to the text document with a WorkspaceEdit, so undo/redo, dirty state, save
// and hot exit behave as for any text edit. The edit is computed from the text the extension host has;
// VS Code refuses a WorkspaceEdit whose document version moved on meanwhile ("has changed in the
// meantime"), and then the edit is computed again from the new text, never applied at stale offsets.
import * as vscode from 'vscode';
import { JsonDocument } from '../../../rules/src/manifest/json-document';
import { planEdit } from './form-model';
import type { EditMessage } from './messages';

/** `onVersion`: the document version the edit was computed against and applied on. */
export type ApplyResult = { applied: true; onVersion: number } | { applied: false; reason: string };

const ATTEMPTS = 3;

export async function applyFormEdit(doc: vscode.TextDocument, msg: EditMessage): Promise<ApplyResult> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const onVersion = doc.version;
    const plan = planEdit(new JsonDocument(doc.uri.fsPath, doc.getText()), onVersion, msg);
    if (plan.kind === 'refused') return { applied: false, reason: plan.reason };
    if (!plan.edits.length) return { applied: true, onVersion };
    const edit = new vscode.WorkspaceEdit();
    for (const e of plan.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
    const ok = await vscode.workspace.applyEdit(edit).then((r) => r, () => false);
    if (ok) return { applied: true, onVersion };
  }
  return { applied: false, reason: 'The manifest kept changing while the form tried to apply your change; the form shows the current text.' };
}
