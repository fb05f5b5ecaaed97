import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../rule';
import { ruleGroup } from '../docs';

/** Candidate folders holding rules/<group>/<id>/<id>.md: next to the sources (tsx) or to dist/ (bundles, .vsix). */
function roots(): string[] {
  return [join(__dirname, '..', '..'), join(__dirname, '..', 'rules'), join(__dirname, 'rules'), join(process.cwd(), 'rules')];
}

const cache = new Map<string, string | undefined>();

/** The rule's markdown doc, read from the installed package; undefined if it is not shipped. */
export function readRuleDoc(rule: Rule): string | undefined {
  const key = rule.meta.id;
  if (cache.has(key)) return cache.get(key);
  let doc: string | undefined;
  for (const r of roots()) {
    const p = join(r, ruleGroup(rule), key, `${key}.md`);
    if (existsSync(p)) {
      doc = readFileSync(p, 'utf8');
      break;
    }
  }
  cache.set(key, doc);
  return doc;
}
