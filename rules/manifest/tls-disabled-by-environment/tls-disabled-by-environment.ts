import { TLS_ENV_VARIABLE } from '../../src/lexicon/tls-options';
import { JsonDocument } from '../../src/manifest/json-document';
import { createAppRule, type AppRuleContext } from '../../src/rule';
import type { Fix } from '../../src/types';

/**
 * `NODE_TLS_REJECT_UNAUTHORIZED=0` as a shell assignment in an npm script (`VAR=0 node app.js`, `cross-env VAR=0 …`,
 * `export VAR=0 && …`, Windows `set VAR=0&& …`), with the whitespace after it, so that removing the match keeps the
 * command. Node disables certificate checks only for the string '0'.
 */
const IN_SCRIPT = /(?<=^|[\s;&|(])(?:(?:export|set)[ \t]+)?NODE_TLS_REJECT_UNAUTHORIZED=(['"]?)0\1(?=$|[\s;&|)])[ \t]*(?:&&[ \t]*)?/g;
/** `NODE_TLS_REJECT_UNAUTHORIZED=0` on a line of a dotenv file (optionally `export`ed, quoted, with a comment). */
const IN_DOTENV = /^[ \t]*(?:export[ \t]+)?NODE_TLS_REJECT_UNAUTHORIZED[ \t]*=[ \t]*(['"]?)0\1[ \t]*(?:#.*)?$/gm;
/** Dotenv files whose text the engine is given (the app's `.env.example`, which people copy to `.env`). */
const DOTENV_NAME = /^\.env(?:\.[\w-]+)?$/;

export default createAppRule({
  meta: {
    id: 'tls-disabled-by-environment',
    target: 'repository',
    description: `${TLS_ENV_VARIABLE}=0 set in an npm script of package.json or in a dotenv file: certificate checks off for every connection of the process.`,
    clauses: ['C.4'],
    severity: 'error',
    securitySeverity: 7.5,
    fixable: true,
    messages: {
      script: 'The "{{script}}" script sets NODE_TLS_REJECT_UNAUTHORIZED=0: every HTTPS connection of the app (the Web1on1 API, webhooks, payment providers) then accepts any certificate, so anyone on the path can read and change Customer Data',
      dotenv: '{{file}} sets NODE_TLS_REJECT_UNAUTHORIZED=0: every HTTPS connection of an app run with it accepts any certificate, so anyone on the path can read and change Customer Data',
    },
  },
  check(context) {
    checkScripts(context);
    for (const path of context.paths) {
      const rel = path.slice(context.app.root.length + 1);
      const base = rel.slice(rel.lastIndexOf('/') + 1);
      if (!DOTENV_NAME.test(base) || rel.split('/').includes('node_modules')) continue;
      const text = context.readFile(path);
      if (text !== undefined) checkDotenv(context, path, rel, text);
    }
  },
});

function checkScripts(context: AppRuleContext): void {
  const path = `${context.app.root}/package.json`;
  const text = context.readFile(path);
  if (text === undefined) return;
  const pkg = new JsonDocument(path, text);
  const scripts = pkg.isObject ? pkg.get('/scripts') : undefined;
  if (!scripts || typeof scripts !== 'object' || Array.isArray(scripts)) return;
  for (const [name, command] of Object.entries(scripts as Record<string, unknown>)) {
    if (typeof command !== 'string' || !command.includes(TLS_ENV_VARIABLE)) continue;
    const cleaned = command.replace(IN_SCRIPT, '').trim();
    if (cleaned === command.trim()) continue;
    const pointer = `/scripts/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const node = pkg.node(pointer);
    if (!node) continue;
    const fixes: Fix[] = [{ description: `Remove ${TLS_ENV_VARIABLE}=0`, edits: [{ file: path, start: node.offset, end: node.offset + node.length, newText: JSON.stringify(cleaned) }], safe: false }];
    context.report({ file: path, start: node.offset, end: node.offset + node.length, messageId: 'script', data: { script: name }, fixes });
  }
}

function checkDotenv(context: AppRuleContext, path: string, rel: string, text: string): void {
  for (const m of text.matchAll(IN_DOTENV)) {
    const start = m.index;
    const end = start + m[0].length;
    // the fix takes the whole line, with its line break
    const lineEnd = text.startsWith('\r\n', end) ? end + 2 : text.startsWith('\n', end) ? end + 1 : end;
    const fixes: Fix[] = [{ description: `Remove ${TLS_ENV_VARIABLE}=0`, edits: [{ file: path, start, end: lineEnd, newText: '' }], safe: false }];
    context.report({ file: path, start, end, messageId: 'dotenv', data: { file: rel }, fixes });
  }
}
