// Each rule doc's examples, run (rules/README.md): the app a `## Bad` section shows must give a finding of that
// rule, the app a `## Good` section shows none. Untagged fences are folder sketches and are not run.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../rules/src/config';
import { docExamples, exampleApp, isRunnable, type DocExample } from '../support/doc-examples';
import { ruleFolders } from '../support/rule-folders';
import { engine, FIXTURE_NOW } from '../support/run-fixture';

function findingsOf(ruleId: string, examples: DocExample[]): string[] {
  const root = `/doc-examples/${ruleId}`;
  const result = engine().run({ root, files: exampleApp(root, examples), now: FIXTURE_NOW, configFor: () => defaultConfig() });
  return result.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.file.slice(root.length + 1)}:${f.range.start.line + 1} ${f.message}`);
}

describe('rule docs: Bad and Good examples', () => {
  for (const folder of ruleFolders()) {
    it(folder.id, () => {
      const doc = join(folder.dir, `${folder.id}.md`);
      const examples = docExamples(doc);
      const bad = examples.filter((e) => e.section === 'Bad' && isRunnable(e));
      const good = examples.filter((e) => e.section === 'Good' && isRunnable(e));
      const sketchesOnly = examples.length > 0 && bad.length === 0 && good.length === 0;
      if (sketchesOnly) return;
      assert.ok(bad.length > 0, `${doc}: no runnable example under ## Bad (tag the fence js, ts or json)`);
      assert.ok(findingsOf(folder.id, bad).length > 0, `${doc}:${bad[0]!.line}: the Bad example gives no ${folder.id} finding`);
      if (good.length) assert.deepEqual(findingsOf(folder.id, good), [], `${doc}:${good[0]!.line}: the Good example gives ${folder.id} findings`);
    });
  }
});
