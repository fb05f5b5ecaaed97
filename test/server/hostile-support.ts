// Shared by the hostile-input tests: after each bad input, prove the server still serves (a fresh document
// gets its findings), is alive, printed no stack trace, and find the line it logged about the input.
import assert from 'node:assert/strict';
import { LspClient, uri } from './lsp-client';

/** A document with one finding every run has: TLS verification switched off. */
export const BAD_CODE = "const https = require('https');\nconst agent = new https.Agent({ rejectUnauthorized: false });\nmodule.exports = agent;\n";

/** Lines the server wrote to the editor's log (window/logMessage) and pop-ups (window/showMessage). */
export function logLines(c: LspClient): string[] {
  return c.notifications.filter((n) => n.method === 'window/logMessage' || n.method === 'window/showMessage').map((n) => (n.params as { message: string }).message);
}

/** Waits for a log line matching `pattern` (logged after the first `after` lines) and returns it. */
export function logged(c: LspClient, pattern: RegExp, after = 0): Promise<string> {
  return c.until(() => logLines(c).slice(after).find((m) => pattern.test(m)), `a log line matching ${pattern}\nlog so far:\n${logLines(c).join('\n')}`);
}

let probes = 0;
/**
 * Proves the server (in pull mode) still answers correctly: a new document in `dir` gets its finding, the
 * process runs, and neither stderr nor the log holds a stack trace or a handler failure.
 */
export async function assertServing(c: LspClient, dir: string): Promise<void> {
  const probe = `${dir}/src/probe-${++probes}.js`;
  c.open(probe, 1, BAD_CODE);
  const codes = (await c.pull(probe)).map((d) => d.code);
  assert.deepEqual(codes, ['security-control-disabled'], `a fresh document's findings\nserver stderr:\n${c.stderr}`);
  void c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri(probe) } });
  assert.equal(c.proc.exitCode, null, 'the server process runs');
  assertNoFailure(c);
}

/** No stack trace on stderr, no handler failure or failed run in the log. */
export function assertNoFailure(c: LspClient): void {
  assert.doesNotMatch(c.stderr, /\n\s+at /, `stack trace on stderr:\n${c.stderr}`);
  const failures = logLines(c).filter((m) => /failed with message|failed unexpectedly|\n\s+at |checking .* failed/.test(m));
  assert.deepEqual(failures, [], 'no handler failures in the log');
}
