import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../rules/index';
import { parseConfig, defaultConfig } from '../../rules/src/config';
import { Engine, type RunResult } from '../../rules/src/engine';
import { isCodeFile } from '../../rules/src/parse';

export const FIXTURE_NOW = new Date('2026-11-29T12:00:00');

let shared: Engine | undefined;
export function engine(): Engine {
  return (shared ??= new Engine(allRules));
}

/** Every file below a folder, by absolute path with forward slashes. */
export function readTree(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) readTree(p, out);
    else out.set(p.replace(/\\/g, '/'), readFileSync(p, 'utf8'));
  }
  return out;
}

/** Runs the engine (the shared one unless given) over a fixture: one code file, one manifest (as web1on1-app.json) or a folder app. */
export function runFixture(casePath: string, now = FIXTURE_NOW, using: Engine = engine()): RunResult {
  const files = new Map<string, string>();
  let root: string;
  if (statSync(casePath).isDirectory()) {
    root = casePath.replace(/\\/g, '/');
    for (const [p, t] of readTree(casePath)) if (!isFixedOrExpected(p)) files.set(p, t);
  } else if (isCodeFile(casePath)) {
    root = casePath.slice(0, casePath.lastIndexOf('/'));
    files.set(casePath, readFileSync(casePath, 'utf8'));
  } else {
    // a manifest case: it stands in for web1on1-app.json of an app in a folder named after the case
    root = casePath.replace(/\.json$/, '');
    files.set(`${root}/web1on1-app.json`, readFileSync(casePath, 'utf8'));
  }
  const cfgPath = `${root}/.policylens.json`;
  const cfgText = files.get(cfgPath);
  const config = cfgText ? parseConfig(cfgPath, cfgText, using.ruleIds) : defaultConfig();
  return using.run({ root, files, now, configFor: () => config });
}

export function isFixedOrExpected(p: string): boolean {
  return /\.fixed(\.[^/]+)?$/.test(p) || /(^|\/)[^/]*expected\.json$/.test(p);
}

/** `bot.js` → `bot.fixed.js` (every finding's first fix applied); with a variant `2-1` → `bot.fixed.2-1.js`. */
export function fixedPathOf(p: string, variant?: string): string {
  const slash = p.lastIndexOf('/');
  const dot = p.indexOf('.', slash + 1);
  const tag = variant === undefined ? '.fixed' : `.fixed.${variant}`;
  return dot < 0 ? `${p}${tag}` : `${p.slice(0, dot)}${tag}${p.slice(dot)}`;
}

export { existsSync };
