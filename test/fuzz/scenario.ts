// What one fuzzed session is: a workspace, the diagnostics mode, the documents open at the start and what
// the client then does. The regression case files (test/fuzz/regressions/*.json) hold the same, with
// third-party texts as references (see case-file.ts).
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

export type Mode = 'push' | 'pull';

/** One edit of a didChange: offsets into the text as left by the change before it in the same event. */
export interface Change { s: number; e: number; text: string }

export type Op =
  | { t: 'change'; doc: string; changes: Change[]; lsp?: TextDocumentContentChangeEvent[]; delay?: number }
  /** `wait`: the client waits for the answer before going on. */
  | { t: 'pull'; doc: string; delay?: number; wait?: boolean }
  /** Compare with a fresh server opened on the client's texts. */
  | { t: 'check'; delay?: number }
  | { t: 'save' | 'close' | 'open'; doc: string; delay?: number };

export interface OpenDoc { rel: string; text: string; version: number }

export interface Scenario {
  mode: Mode;
  files: Record<string, string>;
  open: OpenDoc[];
  ops: Op[];
}

export type FailureKind = 'diff' | 'action-diff' | 'desync' | 'invalid-range' | 'stale' | 'hang' | 'crash' | 'stderr' | 'request-error';

export interface FailureEvent {
  kind: FailureKind;
  detail: string;
  /** Index of the op after which it showed (-1: while starting or opening). */
  op: number;
  server: 'fuzzed' | 'cold';
}

/** Diagnostics as compared: what a user sees of them. */
export interface SeenDiagnostic { code: string; range: Diagnostic['range']; message: string; severity: number }

export interface Outcome {
  events: FailureEvent[];
  /** The client's text of every document it opened, after the last op. */
  finalTexts: Record<string, string>;
  /** At the last check: diagnostics of the edited server and of the fresh one, by document. */
  fuzzed: Record<string, SeenDiagnostic[]>;
  cold: Record<string, SeenDiagnostic[]>;
  diffs: Record<string, { extra: SeenDiagnostic[]; missing: SeenDiagnostic[] }>;
  edits: number;
  ms: number;
}

/** The same failure again: kind plus what it is about, without positions or numbers. */
export function signature(e: FailureEvent): string {
  const what = e.kind === 'hang' ? /^(\S+)/.exec(e.detail)?.[1] ?? '' : e.kind === 'invalid-range' ? (/past the end of line/.test(e.detail) ? 'past-line-end' : /line \d+ is past the end/.test(e.detail) ? 'past-last-line' : /own offsets/.test(e.detail) ? 'offsets' : 'reversed') : '';
  return what ? `${e.kind}:${what}` : e.kind;
}
