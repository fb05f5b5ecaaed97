// What the fuzzer edits: our examples/, the rule fixtures (rules/code/*/cases) and the chipchat SDK's
// own examples, read from node_modules at run time and referred to, never copied (see text-spec.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../server/lsp-client';
import type { TextSpec } from './text-spec';

export interface App {
  /** `examples/service-reminder-bot`, `fixtures/hardcoded-credential`, `chipchat-examples`. */
  name: string;
  /** Relative path (forward slashes) → text, written to a temp folder before the server starts. */
  files: Record<string, TextSpec>;
}

const CODE = /\.(js|jsx|ts|tsx|mjs|cjs)$/;
const WANTED = /\.(js|jsx|ts|tsx|mjs|cjs|json|example)$|(^|\/)\.(env|gitignore|nvmrc)$/;

/** Files an editor would open and type in. */
export function isEditable(rel: string): boolean {
  return CODE.test(rel) || rel.endsWith('web1on1-app.json') || rel.endsWith('package.json');
}

export function isCode(rel: string): boolean {
  return CODE.test(rel);
}

function walk(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules') continue;
    const rel = prefix + name;
    if (statSync(join(dir, name)).isDirectory()) out.push(...walk(join(dir, name), rel + '/'));
    else if (WANTED.test(rel)) out.push(rel);
  }
  return out;
}

function literalApp(name: string, dir: string): App {
  const files: Record<string, TextSpec> = {};
  for (const rel of walk(dir)) files[rel] = readFileSync(join(dir, rel), 'utf8');
  return { name, files };
}

/** The SDK's examples load it as '../lib/chipchat' and '../lib': the same setting as the golden test. */
const CHIPCHAT_CONFIG = readFileSync(join(REPO, 'test', 'golden', 'chipchat-examples.policylens.json'), 'utf8');

export function chipchatExamples(): App {
  const files: Record<string, TextSpec> = {};
  for (const rel of walk(join(REPO, 'node_modules', 'chipchat', 'examples'))) files[rel] = { $package: `chipchat/examples/${rel}` };
  files['.policylens.json'] = CHIPCHAT_CONFIG;
  return { name: 'chipchat-examples', files };
}

/** Every app of the corpus, in a fixed order (the seed picks among them). */
export function corpus(): App[] {
  const apps: App[] = [];
  for (const name of readdirSync(join(REPO, 'examples')).sort()) apps.push(literalApp(`examples/${name}`, join(REPO, 'examples', name)));
  apps.push(chipchatExamples());
  const rules = join(REPO, 'rules', 'code');
  for (const id of readdirSync(rules).sort()) {
    const cases = join(rules, id, 'cases');
    try {
      if (statSync(cases).isDirectory()) apps.push(literalApp(`fixtures/${id}`, cases));
    } catch {
      // a rule without cases
    }
  }
  return apps;
}

/** Package files the apps refer to: what a regression case's texts are checked against before writing. */
export function packageRefs(): string[] {
  return Object.values(chipchatExamples().files).flatMap((s) => (typeof s === 'object' && !Array.isArray(s) ? [s.$package] : []));
}
