import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isCodeFile } from '../../rules/src/parse';

export const REPO = join(__dirname, '..', '..');

export interface RuleFolder { id: string; group: 'code' | 'manifest'; dir: string }

export function ruleFolders(): RuleFolder[] {
  const out: RuleFolder[] = [];
  for (const group of ['code', 'manifest'] as const) {
    const base = join(REPO, 'rules', group);
    if (!existsSync(base)) continue;
    for (const id of readdirSync(base).sort()) {
      if (statSync(join(base, id)).isDirectory()) out.push({ id, group, dir: join(base, id) });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** Every JS/TS file under `dir`, at any depth (fixture cases, generated bots). */
export function codeFilesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) codeFilesUnder(path, out);
    else if (isCodeFile(path)) out.push(path);
  }
  return out;
}

function camel(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The source of rules/index.ts for the rule folders on disk. */
export function ruleIndexSource(): string {
  const folders = ruleFolders();
  const imports = folders.map((f) => `import ${camel(f.id)} from './${f.group}/${f.id}/${f.id}';`).join('\n');
  const list = folders.map((f) => `  ${camel(f.id)},`).join('\n');
  return `// The rule index: one line per rule folder, alphabetical (checked by test/unit/drift.test.ts;\n// \`npm run gen\` rewrites it).\nimport type { Rule } from './src/rule';\n${imports}\n\nexport const allRules: readonly Rule[] = [\n${list}\n];\n`;
}
