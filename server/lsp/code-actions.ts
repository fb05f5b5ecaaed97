// Code actions for our diagnostics: the rule's fixes (one WorkspaceEdit, even across files, creating
// .env.example when the fix says so), "Suppress with a reason…", "Show documentation", and
// source.fixAll.policyLens (safe same-file fixes only). Fixes are looked up in the snapshot the
// diagnostic came from; if the document moved on since, nothing is offered: a stale fix is refused.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
  type CreateFile,
} from 'vscode-languageserver';
import { collectFixEdits } from '../../rules/src/fixes/apply';
import { fixTitle } from '../../rules/src/fixes/title';
import { isCodeFile } from '../../rules/src/parse';
import type { FileEdit, Finding } from '../../rules/src/types';
import { findingKey, SOURCE } from './diagnostics';
import type { Snapshot } from './project';
import type { RangeGuard } from './range-guard';
import { CLIENT_COMMANDS, FIX_ALL_KIND, SERVER_COMMANDS, type DiagnosticData } from './protocol';
import { ruleDocsUrl } from './rule-info';
import { pathToUri } from './uri';


export interface ActionContext {
  path: string;
  uri: string;
  /** The editor's version of the document now. */
  version: number | null;
  snapshot: Snapshot;
  /** Open documents' versions, for versioned edits in other files. */
  openVersion: (path: string) => number | null;
  docsBase: string;
  clientCommands: ReadonlySet<string>;
  documentChanges: boolean;
  /** The client applies CreateFile operations. */
  createFiles: boolean;
  /** Every edit's range is checked against the text it edits. */
  guard: RangeGuard;
}

export function codeActions(params: CodeActionParams, ctx: ActionContext): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  // The snapshot must describe exactly the text the editor has; otherwise offsets would land wrongly.
  const fresh = ctx.version === null || ctx.snapshot.versions.get(ctx.path) === ctx.version;
  const out: CodeAction[] = [];
  if (!fresh) return out;
  const findings = ctx.snapshot.byFile.get(ctx.path) ?? [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE) continue;
      const data = d.data as DiagnosticData | undefined;
      if (data && data.version !== null && ctx.version !== null && data.version !== ctx.version) continue; // stale diagnostic
      const f = findings.find((x) => findingKey(x) === data?.key) ?? findings.find((x) => x.ruleId === d.code && sameStart(x, d));
      if (!f) continue;
      f.fixes.forEach((fix, i) => out.push({ title: fix.description, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: i === 0, edit: workspaceEdit(fix.edits, fix.creates, ctx) }));
      const suppress = suppressAction(f, d, ctx);
      if (suppress) out.push(suppress);
      out.push(docsAction(f, d, ctx));
    }
  }
  if (wants(FIX_ALL_KIND) && (only?.length ?? 0) > 0) {
    // never edit another file on save: only fixes that stay inside this file take part
    const local = findings.filter((f) => f.fixes.some((x) => x.safe && x.edits.every((e) => e.file === ctx.path)));
    const edits = collectFixEdits(local, { safeOnly: true }).get(ctx.path) ?? [];
    if (edits.length) out.push({ title: 'Fix all safe Policy Lens problems', kind: FIX_ALL_KIND, edit: workspaceEdit(edits, undefined, ctx) });
  }
  return out;
}

function sameStart(f: Finding, d: Diagnostic): boolean {
  return f.range.start.line === d.range.start.line && f.range.start.character === d.range.start.character;
}

/** One WorkspaceEdit for a fix: created files first, then versioned edits per file. */
function workspaceEdit(edits: readonly FileEdit[], creates: readonly string[] | undefined, ctx: ActionContext): WorkspaceEdit {
  const byFile = new Map<string, TextEdit[]>();
  for (const e of edits) {
    const list = byFile.get(e.file) ?? [];
    list.push({ range: ctx.guard.edit(e.file, ctx.snapshot.files.get(e.file) ?? '', e.start, e.end), newText: e.newText });
    byFile.set(e.file, list);
  }
  if (!ctx.documentChanges) {
    const changes: Record<string, TextEdit[]> = {};
    for (const [file, list] of byFile) changes[pathToUri(file)] = list;
    return { changes };
  }
  const ops: (TextDocumentEdit | CreateFile)[] = [];
  if (ctx.createFiles) for (const c of creates ?? []) ops.push({ kind: 'create', uri: pathToUri(c), options: { ignoreIfExists: true } });
  for (const [file, list] of byFile) {
    const version = file === ctx.path ? ctx.version : ctx.openVersion(file);
    ops.push({ textDocument: { uri: pathToUri(file), version }, edits: list });
  }
  return { documentChanges: ops };
}

/** The comment that silences the finding's line; the reason is left for the user to write. */
export function suppressionText(f: Finding, lineText: string): string {
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  return `${indent}// policy-lens-disable-next-line ${f.ruleId} -- `;
}

/** Titles that fit the light-bulb menu for every rule id (the longest drop a word). */
export function suppressTitle(ruleId: string): string {
  return fixTitle(`Suppress ${ruleId} with a reason…`, `Suppress ${ruleId}…`);
}

export function docsTitle(ruleId: string): string {
  return fixTitle(`Show documentation for ${ruleId}`, `Show docs for ${ruleId}`);
}

function suppressAction(f: Finding, d: Diagnostic, ctx: ActionContext): CodeAction | undefined {
  if (!isCodeFile(f.file) || f.ruleId === 'invalid-suppression' || f.ruleId === 'internal-error') return undefined;
  const title = suppressTitle(f.ruleId);
  const line = f.range.start.line;
  if (ctx.clientCommands.has(CLIENT_COMMANDS.suppressWithReason)) {
    // VS Code: a client command inserts a snippet and leaves the cursor on the reason
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: CLIENT_COMMANDS.suppressWithReason, arguments: [ctx.uri, line, f.ruleId, ctx.version] } };
  }
  // Elsewhere: a plain insert; until a reason is typed after `--` it is reported as invalid-suppression.
  const lines = ctx.guard.linesOf(f.file, ctx.snapshot.files.get(f.file) ?? '');
  const text = suppressionText(f, lines.lineText(line)) + '\n';
  const at = lines.offset({ line, character: 0 });
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit([{ file: f.file, start: at, end: at, newText: text }], undefined, ctx) };
}

function docsAction(f: Finding, d: Diagnostic, ctx: ActionContext): CodeAction {
  const title = docsTitle(f.ruleId);
  if (ctx.clientCommands.has(CLIENT_COMMANDS.explainRule)) return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: CLIENT_COMMANDS.explainRule, arguments: [f.ruleId] } };
  const href = ruleDocsUrl(f.ruleId, ctx.docsBase);
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: SERVER_COMMANDS.showDocumentation, arguments: [f.ruleId, href] } };
}

