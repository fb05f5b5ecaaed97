// A property of every fixture app: a scope `scope-unused` calls "never used" can be removed. Applying its Remove
// fix and checking the app again must not make `scope-missing` ask for that scope, or one it granted, back; if it
// does, "unused" was wrong and the one-click fix would have broken the app.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Engine } from '../../rules/src/engine';
import { applyEdits } from '../../rules/src/fixes/apply';
import { declaredGrants } from '../../rules/src/manifest/scope-evidence';
import type { Finding } from '../../rules/src/types';
import { REPO, ruleFolders } from '../support/rule-folders';
import { engine, FIXTURE_NOW, isFixedOrExpected, readTree } from '../support/run-fixture';

/** Folder apps with a manifest: every rule's folder cases, and the examples. */
function appsWithManifest(): string[] {
  const dirs: string[] = [];
  for (const folder of ruleFolders()) {
    const cases = join(folder.dir, 'cases');
    if (!existsSync(cases)) continue;
    for (const name of readdirSync(cases)) {
      const dir = join(cases, name);
      if (statSync(dir).isDirectory() && existsSync(join(dir, 'web1on1-app.json'))) dirs.push(dir);
    }
  }
  const examples = join(REPO, 'examples');
  for (const name of readdirSync(examples)) if (existsSync(join(examples, name, 'web1on1-app.json'))) dirs.push(join(examples, name));
  return dirs.map((d) => d.replace(/\\/g, '/')).sort();
}

function check(root: string, files: Map<string, string>): Finding[] {
  return (engine() as Engine).run({ root, files, now: FIXTURE_NOW }).findings;
}

/** `"contacts:read" is requested but never used`: the scope of a finding that offers Remove. */
function unusedScope(f: Finding): string | undefined {
  if (f.ruleId !== 'scope-unused' || !f.fixes.length) return undefined;
  return /(?:^|\] )Scope "([^"]+)" is requested but never used/.exec(f.message)?.[1];
}

const apps = appsWithManifest();

describe('removing a scope scope-unused calls unused', () => {
  it('finds fixture apps to try, some with unused scopes', () => {
    assert.ok(apps.length >= 20, `only ${apps.length} fixture apps with a manifest`);
    const withUnused = apps.filter((root) => check(root, appFiles(root)).some((f) => unusedScope(f) !== undefined));
    assert.ok(withUnused.length >= 10, `only ${withUnused.length} fixture apps have an unused scope: the property would prove little`);
  });

  for (const root of apps) {
    it(root.slice(REPO.length + 1), () => {
      const files = appFiles(root);
      const manifestPath = `${root}/web1on1-app.json`;
      const before = check(root, files);
      const missingBefore = new Set(before.map(missingScope).filter((s) => s !== undefined));
      for (const finding of before.filter((f) => unusedScope(f) !== undefined)) {
        const scope = unusedScope(finding)!;
        const edits = finding.fixes[0]!.edits.filter((e) => e.file === manifestPath);
        assert.ok(edits.length > 0, `the Remove fix of "${scope}" edits no manifest`);
        const removed = new Map(files).set(manifestPath, applyEdits(files.get(manifestPath)!, edits));
        assert.ok(!removed.get(manifestPath)!.includes(`"${scope}"`), `the Remove fix left "${scope}" in the manifest`);
        // a scope it granted (itself, or `messages:write` under `messages:consumer`) that the app now lacks
        const asked = check(root, removed).filter((f) => {
          const needed = missingScope(f);
          return needed !== undefined && !missingBefore.has(needed) && declaredGrants(scope, needed);
        });
        assert.deepEqual(asked.map((f) => `${f.file.slice(root.length + 1)}:${f.range.start.line + 1} ${f.message}`), [], `"${scope}" was called unused, but without it the app needs it`);
      }
    });
  }
});

/** `… needs scope "contacts:read", which web1on1-app.json does not declare`: the scope scope-missing asks for. */
function missingScope(f: Finding): string | undefined {
  return f.ruleId === 'scope-missing' ? /needs scope "([^"]+)"/.exec(f.message)?.[1] : undefined;
}

function appFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const [p, t] of readTree(root)) if (!isFixedOrExpected(p)) files.set(p, t);
  return files;
}
