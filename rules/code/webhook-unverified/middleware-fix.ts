import { ts } from '../../src/ts';
import type { CodeRuleContext } from '../../src/rule';
import type { FileEdit } from '../../src/types';
import { VERIFY_HELPER_JS, VERIFY_HELPER_NAME } from './verify-middleware';

/**
 * Whole-file answers the fixes need, computed at most once per analysis: a file with many unverified routes
 * asks them once per finding, and each one scans the full text (a context is immutable, so no staleness).
 */
interface FileTraits {
  canAdd?: boolean;
  ownHelper?: boolean;
  eol?: string;
  quote?: string;
  webhookApp?: boolean;
}
const traitsOf = new WeakMap<CodeRuleContext, FileTraits>();

function traits(context: CodeRuleContext): FileTraits {
  let t = traitsOf.get(context);
  if (!t) traitsOf.set(context, (t = {}));
  return t;
}

/** The fixes that add middleware need plain CommonJS JavaScript: the helper uses require and no types. */
export function canAddMiddleware(context: CodeRuleContext): boolean {
  const t = traits(context);
  return (t.canAdd ??= computeCanAdd(context));
}

function computeCanAdd(context: CodeRuleContext): boolean {
  if (!/\.(c?js|jsx)$/i.test(context.file)) return false;
  const esm = context.sourceFile.statements.some((s) => ts.isImportDeclaration(s) || ts.isExportDeclaration(s) || ts.isExportAssignment(s) || (ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)));
  if (esm) return false;
  // a name of the file's own that is not our helper would clash
  return hasOwnHelper(context) || (!context.model.functionsByName.has(VERIFY_HELPER_NAME) && context.model.values.initializerOf(VERIFY_HELPER_NAME) === undefined);
}

function hasOwnHelper(context: CodeRuleContext): boolean {
  const t = traits(context);
  return (t.ownHelper ??= context.text.includes(`function ${VERIFY_HELPER_NAME}(secret) {\n  const crypto = require('crypto');`));
}

/** The file already names `webhookApp` (the start fix would declare it again). */
export function mentionsWebhookApp(context: CodeRuleContext): boolean {
  const t = traits(context);
  return (t.webhookApp ??= /\bwebhookApp\b/.test(context.text));
}

/** Appends the helper once (identical edits from several findings count once). */
export function helperEdits(context: CodeRuleContext): FileEdit[] {
  if (hasOwnHelper(context)) return [];
  const eol = eolOf(context);
  const sep = context.text.endsWith('\n') ? eol : eol + eol;
  const end = context.text.length;
  return [{ file: context.file, start: end, end, newText: sep + VERIFY_HELPER_JS.replace(/\n/g, eol) }];
}

/** Leading whitespace of the line a node starts on. */
export function indentOf(context: CodeRuleContext, node: ts.Node): string {
  const start = node.getStart(context.sourceFile);
  const lineStart = context.text.lastIndexOf('\n', start - 1) + 1;
  return /^[ \t]*/.exec(context.text.slice(lineStart, start))![0];
}

export function eolOf(context: CodeRuleContext): string {
  const t = traits(context);
  return (t.eol ??= context.text.includes('\r\n') ? '\r\n' : '\n');
}

/** A path literal in the quote style of the file. */
export function pathLiteral(context: CodeRuleContext, path: string): string {
  const t = traits(context);
  const q = (t.quote ??= countOf(context.text, "'") >= countOf(context.text, '"') ? "'" : '"');
  return `${q}${path.split('\\').join('\\\\').split(q).join(`\\${q}`)}${q}`;
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
