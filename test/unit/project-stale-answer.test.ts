// An answer given while a full run is under way comes from an older snapshot: the findings of a document edited
// since must be moved to the text the client has now, never sent with the old text's ranges (the fuzzer found
// pulled ranges one character off after a one-character edit).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, it } from 'node:test';
import { allRules } from '../../rules/index';
import { LineIndex } from '../../rules/src/positions';
import { Project, type Overlay, type Snapshot } from '../../server/lsp/project';
import { heldSnapshot } from '../../server/lsp/snapshot';
import { REPO } from '../support/rule-folders';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fixture(): { bot: string; overlays: Map<string, Overlay>; project: Project } {
  dir = mkdtempSync(join(tmpdir(), 'policy-lens-stale-')).replace(/\\/g, '/');
  cpSync(join(REPO, 'test', 'e2e', 'workspace'), dir, { recursive: true });
  const bot = `${dir}/src/bot.js`;
  const overlays = new Map([[bot, { text: readFileSync(bot, 'utf8'), version: 1 }]]);
  return { bot, overlays, project: new Project(dir, allRules, () => new Date('2026-12-07T12:00:00')) };
}

/** Every finding of `file` in `snap` names, by its range, the same text as by its offsets, in `text`. */
function assertRangesFit(snap: Snapshot, file: string, text: string): void {
  assert.equal(snap.files.get(file), text, 'the snapshot says which text its findings are in');
  const lines = new LineIndex(text);
  const findings = snap.byFile.get(file) ?? [];
  assert.ok(findings.length > 0, 'the fixture has findings in the edited file');
  for (const f of findings) assert.deepEqual(f.range, lines.range(f.startOffset, f.endOffset), `${f.ruleId}: range and offsets agree in the current text`);
}

it('while a full run is under way, an answer for an edited document has ranges in its current text', async () => {
  const { bot, overlays, project } = fixture();
  const before = project.snapshot(overlays);
  const oldText = overlays.get(bot)!.text;
  // a change the quick path cannot take on its own (a file read again from disk) starts a full run, which goes
  // in steps, handing the thread back between files; meanwhile a character is typed at the top of the document
  // (every later finding moves by one), and the request is answered from the last snapshot
  project.changed(`${dir}/web1on1-app.json`, undefined);
  const full = project.settleAsync(overlays);
  const edited = `;${oldText}`;
  overlays.set(bot, { text: edited, version: 2 });
  project.changed(bot, edited);
  const now = project.snapshotNow(overlays);
  assert.ok(now, 'answered without waiting for the run');
  assertRangesFit(now, bot, edited);
  assert.equal(now.versions.get(bot), 2);
  assert.deepEqual(
    (now.byFile.get(bot) ?? []).map((f) => [f.ruleId, f.startOffset - 1]),
    (before.byFile.get(bot) ?? []).map((f) => [f.ruleId, f.startOffset]),
    'the same findings, each one character further on',
  );
  assertRangesFit(heldSnapshot(await full, overlays), bot, edited);
});

it('a snapshot of the current texts is answered as it is', () => {
  const { overlays, project } = fixture();
  const snap = project.snapshot(overlays);
  assert.equal(heldSnapshot(snap, overlays), snap);
});
