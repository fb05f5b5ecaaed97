import { readFileSync } from 'node:fs';

/**
 * One fenced example of a rule doc: the section it is under, its language tag ('' for an untagged sketch), the
 * file it stands for when the fence names one (```json package.json), its text.
 */
export interface DocExample { section: 'Bad' | 'Good'; lang: string; file?: string; code: string; line: number }

/** The fenced code blocks under `## Bad` and `## Good` of a rule's markdown doc. */
export function docExamples(path: string): DocExample[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  const out: DocExample[] = [];
  let section: DocExample['section'] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.startsWith('## ')) section = l === '## Bad' ? 'Bad' : l === '## Good' ? 'Good' : undefined;
    const fence = /^(`{3,})\s*([\w-]*)(?:\s+([\w./-]+))?/.exec(l);
    if (!fence) continue;
    const end = lines.findIndex((x, j) => j > i && x.startsWith(fence[1]!));
    if (end < 0) throw new Error(`${path}:${i + 1}: unclosed code fence`);
    if (section) out.push({ section, lang: fence[2]!.toLowerCase(), file: fence[3], code: lines.slice(i + 1, end).join('\n') + '\n', line: i + 1 });
    i = end;
  }
  return out;
}

const CODE_LANGS: Record<string, string> = { js: 'js', javascript: 'js', ts: 'ts', typescript: 'ts', jsx: 'jsx', tsx: 'tsx' };

/** True for a block the docs test runs: JS/TS source or a manifest; untagged fences are folder sketches. */
export function isRunnable(e: DocExample): boolean {
  return !!CODE_LANGS[e.lang] || e.lang === 'json' || e.lang === 'jsonc';
}

/**
 * The app a doc section shows, as files under `root`: each code block a source file, a JSON block the app's
 * web1on1-app.json (or the file its fence names); a JSON fragment (`"webhook": { … }`) is one member of it.
 * Code without imports of its own is a fragment of a chipchat bot, so it runs inside a message handler where
 * `bot`, `message`, `conversation` and `axios` are what a reader expects them to be.
 */
export function exampleApp(root: string, examples: DocExample[]): Map<string, string> {
  const files = new Map<string, string>();
  examples.forEach((e, i) => {
    const ext = CODE_LANGS[e.lang];
    if (ext) files.set(`${root}/${e.file ?? `src/example-${i + 1}.${ext}`}`, isProgram(e.code) ? e.code : asHandlerBody(e.code));
    else if (isRunnable(e)) files.set(`${root}/${e.file ?? 'web1on1-app.json'}`, /^\s*[{[]/.test(e.code) ? e.code : `{\n${e.code}}\n`);
  });
  return files;
}

function isProgram(code: string): boolean {
  return /^\s*import\s|require\(\s*['"]chipchat['"]\s*\)/m.test(code);
}

function asHandlerBody(code: string): string {
  return `const ChipChat = require('chipchat');\nconst axios = require('axios');\nconst bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.WEBHOOK_SECRET });\nbot.on('message', async (message, conversation) => {\n${code}});\n`;
}
