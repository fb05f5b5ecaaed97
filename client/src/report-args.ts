// Arguments of "Policy Lens: Export compliance report" when another command, a keybinding or a test
// calls it: `{ target?, format?, now? }`. Parsed strictly: anything else is ignored, as if none was given.
export interface ExportArgs {
  /** Where to write: absolute, or relative to the first workspace folder; must stay inside the workspace. */
  target?: string;
  format?: 'markdown' | 'html';
  /** The run's date, YYYY-MM-DD (the CLI's --now). */
  now?: string;
}

export function parseExportArgs(arg: unknown): ExportArgs {
  if (!arg || typeof arg !== 'object' || Array.isArray(arg)) return {};
  const o = arg as Record<string, unknown>;
  const out: ExportArgs = {};
  if (typeof o['target'] === 'string' && o['target'].trim() && o['target'].length < 4096) out.target = o['target'];
  if (o['format'] === 'markdown' || o['format'] === 'html') out.format = o['format'];
  if (typeof o['now'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(o['now'])) out.now = o['now'];
  return out;
}

/** The format a file name implies (.html/.htm → html, .md/.markdown → markdown). */
export function formatOfName(name: string): 'markdown' | 'html' | undefined {
  if (/\.html?$/i.test(name)) return 'html';
  if (/\.(md|markdown)$/i.test(name)) return 'markdown';
  return undefined;
}
