// Typing into the manifest form in a real VS Code (code-server) never loses or misroutes a keystroke.
// Text fields are typed into in bursts (select all, type; pause; select all, type; pause; type more) with
// pauses of 0 to 2,000 ms, with auto-save on and off; then the file on disk must hold exactly what was
// typed (the field by JSON.parse, every other byte unchanged). With the JSON open beside the form, a
// click into a field followed within 0–200 ms by Ctrl+A and typing must reach the field, never the JSON
// text editor. POLICY_LENS_E2E_TRIES=N repeats every case N times; the tally of each run is written to
// test-artifacts/e2e/form-typing-<mode>.json.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { applyEdits, modify } from 'jsonc-parser';
import type { Page } from 'playwright-core';
import { missingPrerequisite, poll, startSession, type Session } from './code-server';
import { formFrame, formText, openManifestForm, textEditorShown } from './manifest-form';
import { ARTIFACTS } from './paths';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const missing = missingPrerequisite();
if (missing && CI) throw new Error(`e2e cannot start under CI: ${missing}`);
const skip = missing ? `e2e prerequisites missing: ${missing}` : false;

const TRIES = Math.max(1, Number(process.env.POLICY_LENS_E2E_TRIES) || 1);
/** Pauses between the bursts of typing. */
const PAUSES_MS = [0, 100, 300, 700, 1_300, 2_000];
/** Time from the click into a form field to Ctrl+A. */
const CLICK_TO_SELECT_ALL_MS = [0, 50, 100, 200];
/**
 * How long the JSON editor holds focus before the click back into the form: longer than the 250 ms in
 * which VS Code's webview host notices that its frame lost focus, as when someone was working there.
 */
const DWELL_IN_JSON_MS = 400;

interface Field {
  label: string;
  path: string[];
  /** Three bursts: typed after select-all, typed after select-all, typed on at the end. */
  bursts(n: number): [string, string, string];
}
const FIELDS: Field[] = [
  { label: 'Privacy policy URL', path: ['privacyPolicyUrl'], bursts: (n) => [`https://garagetools.nl/privacy-${n}`, 'http://x', `/${n}`] },
  { label: 'Support e-mail', path: ['support', 'email'], bursts: (n) => [`help-${n}@garagetools.nl`, 'hulp@', `garagetools.nl`] },
  { label: 'Description', path: ['description'], bursts: (n) => [`Reminds customers of appointment ${n}.`, 'Books', ` the slot ${n}.`] },
];

interface Outcome { case: string; pauseMs: number; field: string; ok: boolean; got?: string }

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const valueAt = (text: string, path: string[]): unknown => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), JSON.parse(text));
const withValue = (text: string, path: string[], value: string) => applyEdits(text, modify(text, path, value, {}));
const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

async function fieldValue(page: Page, label: string): Promise<string> {
  return (await formFrame(page)).getByLabel(label, { exact: true }).inputValue({ timeout: 5_000 });
}

/** The manifest has no unsaved change in any tab (the form's or the JSON editor's). */
async function saved(page: Page): Promise<boolean> {
  return (await page.locator('.tab.dirty[data-resource-name="web1on1-app.json"]').count()) === 0;
}

/**
 * Waits until what the form shows has reached the disk (saving with Ctrl+S when auto-save is off), or
 * the disk holds something that is no manifest at all; returns the file's text.
 */
async function settled(page: Page, file: string, field: Field, autoSave: boolean): Promise<string> {
  return poll(async () => {
    const shown = await fieldValue(page, field.label);
    const clean = await saved(page);
    if (!clean && !autoSave) await page.keyboard.press('Control+S');
    const disk = readFileSync(file, 'utf8');
    if (!clean) return undefined;
    if (!parses(disk)) return disk;
    return valueAt(disk, field.path) === shown ? disk : undefined;
  }, `the ${field.label} to reach the disk`, 20_000, 150);
}

/** Clicks into a field of the form, then after `pauseMs` selects all and types. */
async function retype(page: Page, field: Field, pauseMs: number, text: string): Promise<void> {
  await (await formFrame(page)).getByLabel(field.label, { exact: true }).click();
  if (pauseMs) await wait(pauseMs);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** After a misrouted Ctrl+A replaced the manifest: undo in the JSON editor until it parses, then save. */
async function recover(page: Page, file: string): Promise<void> {
  const invalid = async () => (await (await formFrame(page)).locator('.callout.invalid').count()) > 0;
  await poll(async () => {
    await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Z');
    // one undo at a time: the form shows the text the undo left before the next is pressed
    return poll(async () => ((await invalid()) ? undefined : true), 'the form to show valid JSON', 3_000).catch(() => undefined);
  }, 'the manifest to be restored by undo', 60_000, 0);
  await page.keyboard.press('Control+S');
  await poll(async () => ((await saved(page)) && parses(readFileSync(file, 'utf8'))) || undefined, 'the restored manifest on disk', 20_000);
}

/** Reports `these` by pause (as test diagnostics) and writes `all` of the suite to the artifacts. */
function tally(t: TestContext, these: Outcome[], all: Outcome[], name: string): void {
  const byPause = new Map<string, { ok: number; n: number }>();
  for (const o of these) {
    const k = `${o.case} ${o.pauseMs} ms`;
    const c = byPause.get(k) ?? { ok: 0, n: 0 };
    c.n++;
    if (o.ok) c.ok++;
    byPause.set(k, c);
  }
  for (const [k, c] of byPause) t.diagnostic(`${k}: ${c.ok}/${c.n} as typed`);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `form-typing-${name}.json`), JSON.stringify(all, null, 2));
}

for (const autoSave of [true, false]) {
  const mode = autoSave ? 'auto-save-on' : 'auto-save-off';
  describe(`VS Code (code-server): typing into the manifest form, ${autoSave ? 'auto-save afterDelay' : 'auto-save off'}`, { skip }, () => {
    let s: Session;
    let file: string;
    /** What the file must hold: the fixture with every value typed so far. */
    let expected: string;
    const outcomes: Outcome[] = [];
    before(async () => {
      s = await startSession(`form-typing-${mode}`, { settings: { 'files.autoSave': autoSave ? 'afterDelay' : 'off' } });
      file = join(s.workspace, 'web1on1-app.json');
      expected = readFileSync(file, 'utf8');
      await openManifestForm(s.page);
      await formText(s.page, (t) => t.includes('App manifest: Workshop Reminder Bot'), 'the form with its values');
    });
    after(async () => s && (await s.screenshot('last'), await s.stop()));

    /** Checks one typed value against the field and the disk; a miss is recorded and the file taken as it is. */
    async function check(kind: string, pauseMs: number, field: Field, typed: string): Promise<void> {
      const disk = await settled(s.page, file, field, autoSave);
      expected = withValue(expected, field.path, typed);
      const shown = await fieldValue(s.page, field.label);
      const ok = disk === expected && shown === typed;
      outcomes.push({ case: kind, pauseMs, field: field.label, ok, got: ok ? undefined : parses(disk) ? `field shows ${JSON.stringify(shown)}, file has ${JSON.stringify(valueAt(disk, field.path))}` : `file replaced by ${JSON.stringify(disk.slice(0, 80))}` });
      if (ok) return;
      if (!parses(disk)) await recover(s.page, file);
      expected = readFileSync(file, 'utf8');
    }

    it('bursts of typing with pauses of 0 to 2,000 ms: the saved file holds exactly what was typed', async (t) => {
      let n = 0;
      for (let i = 0; i < TRIES; i++) {
        for (const pauseMs of PAUSES_MS) {
          for (const field of FIELDS) {
            const [first, second, third] = field.bursts(++n);
            await retype(s.page, field, 0, first);
            await wait(pauseMs);
            await s.page.keyboard.press('Control+A');
            await s.page.keyboard.type(second);
            await wait(pauseMs);
            await s.page.keyboard.type(third);
            await check('bursts', pauseMs, field, second + third);
          }
        }
      }
      tally(t, outcomes, outcomes, mode);
      assert.deepEqual(outcomes.filter((o) => !o.ok), [], 'every burst reached the field and the file as typed');
    });

    it('with the JSON open beside the form, Ctrl+A 0–200 ms after a click into a field selects the field, never the JSON', async (t) => {
      await (await formFrame(s.page)).getByRole('button', { name: 'Open JSON to the side' }).first().click();
      await poll(async () => (await textEditorShown(s.page)) || undefined, 'the JSON editor beside the form');
      const json = s.page.locator('.editor-group-container .monaco-editor .view-lines').first();
      const before = outcomes.length;
      let n = 100;
      for (let i = 0; i < TRIES; i++) {
        for (const pauseMs of CLICK_TO_SELECT_ALL_MS) {
          for (const field of FIELDS) {
            // the JSON editor is where the user was: it has focus and is the active editor
            await json.click();
            await poll(async () => (await s.page.evaluate('!!document.activeElement?.closest(".monaco-editor")')) || undefined, 'focus in the JSON editor', 10_000, 50);
            await wait(DWELL_IN_JSON_MS);
            const typed = field.bursts(++n)[0];
            await retype(s.page, field, pauseMs, typed);
            await check('click, Ctrl+A', pauseMs, field, typed);
          }
        }
      }
      const mine = outcomes.slice(before);
      tally(t, mine, outcomes, mode);
      assert.deepEqual(mine.filter((o) => !o.ok), [], 'every Ctrl+A selected the field\'s text and the keys reached the field');
    });
  });
}
