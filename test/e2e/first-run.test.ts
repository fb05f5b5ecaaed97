// A newcomer's first run in a real VS Code (code-server), from the packaged .vsix: a chipchat bot with no
// manifest and no node_modules (test/e2e/newcomer-bot). With no command run and no file opened, Policy Lens
// starts, its findings fill the Problems panel and the status bar shows the same counts; Create Manifest writes
// web1on1-app.json and opens the form; the walkthrough opens. The missing-manifest quick fix opens the form too.
// In a folder that is no Web1on1 app it stays off and says why; "Enable Here" starts it and writes no file.
// README pictures: POLICY_LENS_SCREENSHOTS=1 copies the screenshots to media/screenshots/.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { missingPrerequisite, poll, startSession, type Session } from './code-server';
import { ARTIFACTS, REPO } from './paths';
import { applyQuickFix, goToLine, openFile, problemRows, runCommand, showProblems, waitForProblem } from './workbench';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const missing = missingPrerequisite();
if (missing && CI) throw new Error(`e2e cannot start under CI: ${missing}`);
const skip = missing ? `e2e prerequisites missing: ${missing}` : false;

const NEWCOMER = join(REPO, 'test', 'e2e', 'newcomer-bot');

/** Policy Lens rows of the Problems panel (each starts with its clauses). */
async function policyRows(page: Page): Promise<string[]> {
  return (await problemRows(page)).filter((r) => r.includes('policy-lens'));
}

/** Error and warning counts of the Policy Lens rows, from the row's severity as the panel labels it. */
function severities(rows: string[]): { errors: number; warnings: number } {
  const c = { errors: 0, warnings: 0 };
  for (const r of rows) {
    if (/^Error\b|\bError:/i.test(r)) c.errors++;
    else if (/^Warning\b|\bWarning:/i.test(r)) c.warnings++;
  }
  return c;
}

async function keepScreenshot(s: Session, shot: string, asFile: string): Promise<void> {
  await s.screenshot(shot);
  if (process.env.POLICY_LENS_SCREENSHOTS !== '1') return;
  mkdirSync(join(REPO, 'media', 'screenshots'), { recursive: true });
  copyFileSync(join(ARTIFACTS, `first-run-${shot}.png`), join(REPO, 'media', 'screenshots', asFile));
}

describe('VS Code (code-server): first run on a chipchat bot without manifest or node_modules', { skip }, () => {
  let s: Session;
  before(async () => {
    assert.ok(!existsSync(join(NEWCOMER, 'node_modules')) && !existsSync(join(NEWCOMER, 'web1on1-app.json')), 'the fixture has neither');
    // no empty secondary side bar in the README pictures
    s = await startSession('first-run', { fixture: NEWCOMER, settings: { 'workbench.secondarySideBar.defaultVisibility': 'hidden' } });
  });
  after(async () => s && (await s.screenshot('last'), await s.stop()));

  it('shows the bot\'s clause-citing findings with no command run and no file opened', async () => {
    const rows = await poll(async () => {
      const r = await policyRows(s.page);
      return r.filter((x) => /\[[A-F]\.\d+(, [A-F]\.\d+)*\]/.test(x)).length >= 4 && r.some((x) => x.includes('manifest-missing')) ? r : undefined;
    }, 'at least 4 clause-citing Policy Lens rows, the missing manifest among them', 120_000, 1_000);
    for (const rule of ['manifest-missing', 'hardcoded-credential', 'insecure-transport']) assert.ok(rows.some((r) => r.includes(rule)), `${rule} in\n${rows.join('\n')}`);
    assert.equal(await s.page.locator('.tabs-container .tab').count(), 0, 'no editor was opened (package.json included)');
    await s.page.locator('.statusbar-item').filter({ hasText: 'Policy Lens' }).first().waitFor({ timeout: 30_000 });
    await keepScreenshot(s, 'problems', 'first-run.png');
  });

  it('the status bar item shows the counts of the Problems panel; a click opens Problems', async () => {
    const item = s.page.locator('.statusbar-item').filter({ hasText: 'Policy Lens' }).first();
    const { label, rows } = await poll(async () => {
      const l = (await item.getAttribute('aria-label').catch(() => null)) ?? '';
      const r = await policyRows(s.page);
      const m = /Policy Lens: (\d+) errors?, (\d+) warnings?/.exec(l);
      const c = severities(r);
      return m && Number(m[1]) === c.errors && Number(m[2]) === c.warnings && c.errors > 0 && r.length >= 4 ? { label: l, rows: r } : undefined;
    }, 'the status bar counts to equal the Problems panel\'s', 60_000, 500).catch(async (e: Error) => {
      throw new Error(`${e.message}\nstatus: ${await item.getAttribute('aria-label').catch(() => '?')}\nrows:\n${(await policyRows(s.page)).join('\n')}`);
    });
    assert.match(await item.innerText(), /Policy Lens\s*\d+\s*\d+/, `the item reads the counts (${label})`);
    assert.ok(rows.some((r) => r.includes('manifest-missing')), 'the info row is there too');
    await item.hover();
    await s.page.locator('.monaco-hover').filter({ hasText: 'in the Problems panel' }).first().waitFor({ timeout: 15_000 });
    await keepScreenshot(s, 'status-bar', 'status-bar.png');
    await s.page.keyboard.press('Escape');
    // close the panel, then the item brings it back
    await showProblems(s.page);
    await s.page.keyboard.press('Control+J');
    await poll(async () => ((await s.page.locator('.markers-panel').isVisible().catch(() => false)) ? undefined : true), 'the panel to close', 10_000);
    await item.click();
    await s.page.locator('.markers-panel').waitFor({ timeout: 15_000 });
  });

  it('"Create Manifest" writes web1on1-app.json from the code and opens it in the form', async () => {
    await runCommand(s.page, 'Policy Lens: Create Manifest');
    const file = join(s.workspace, 'web1on1-app.json');
    const text = await poll(() => (existsSync(file) ? readFileSync(file, 'utf8') : undefined), 'web1on1-app.json on disk', 60_000);
    const manifest = JSON.parse(text) as { name: string; scopes: { scope: string; reason: string }[] };
    assert.equal(manifest.name, 'Garage Callback Bot');
    assert.ok(manifest.scopes.some((x) => x.scope === 'messages:read'), text);
    await s.page.locator('.tabs-container .tab.active[data-resource-name="web1on1-app.json"]').first().waitFor({ timeout: 30_000 });
    await poll(async () => {
      for (const f of s.page.frames()) if (!f.isDetached() && (await f.locator('#form-root header').count().catch(() => 0))) return true;
      return undefined;
    }, 'the manifest form', 60_000, 300);
    await poll(async () => ((await policyRows(s.page)).some((r) => r.includes('manifest-missing')) ? undefined : true), 'the manifest-missing finding to go away', 60_000, 500);
    await s.screenshot('manifest-form');
  });

  it('the getting-started walkthrough opens with its five steps', async () => {
    // the picture shows the walkthrough alone: no toasts, no panel
    await runCommand(s.page, 'Notifications: Clear All Notifications');
    if (await s.page.locator('.markers-panel').isVisible().catch(() => false)) await s.page.keyboard.press('Control+J');
    await runCommand(s.page, 'Welcome: Open Walkthrough');
    const pick = s.page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: 'Get started with Policy Lens' }).first();
    await pick.waitFor({ timeout: 30_000 });
    await pick.click();
    const page = s.page.locator('.gettingStartedContainer').first();
    const text = await poll(async () => {
      const t = await page.innerText({ timeout: 2_000 }).catch(() => '');
      return ['Create the manifest', 'Fix the first finding', 'Declare scopes', 'Preview the listing', 'Add the check to CI'].every((x) => t.includes(x)) ? t : undefined;
    }, 'the walkthrough\'s steps', 60_000, 500);
    assert.match(text, /Get started with Policy Lens/);
    // the first step's page is the packaged markdown
    await poll(async () => {
      for (const f of s.page.frames()) if (!f.isDetached() && (await f.locator('body').innerText({ timeout: 1_000 }).catch(() => '')).includes('least-privilege declaration')) return true;
      return undefined;
    }, 'the step\'s markdown page', 30_000, 500);
    await keepScreenshot(s, 'walkthrough', 'walkthrough.png');
  });
});

describe('VS Code (code-server): the missing-manifest quick fix', { skip }, () => {
  let s: Session;
  before(async () => (s = await startSession('first-run-fix', { fixture: NEWCOMER })));
  after(async () => s && (await s.screenshot('last'), await s.stop()));

  it('the package.json quick fix for the missing manifest creates it and opens the form too', async () => {
    const file = join(s.workspace, 'web1on1-app.json');
    const row = await waitForProblem(s.page, (r) => r.includes('manifest-missing'), 'the manifest-missing finding', 120_000);
    const at = /Ln (\d+), Col (\d+)/.exec(row)!;
    await openFile(s.page, 'package.json');
    await goToLine(s.page, Number(at[1]), Number(at[2]) + 1);
    await applyQuickFix(s.page, /web1on1-app\.json/);
    await poll(() => (existsSync(file) && readFileSync(file, 'utf8').includes('"scopes"') ? true : undefined), 'web1on1-app.json on disk', 30_000);
    await s.page.locator('.tabs-container .tab.active[data-resource-name="web1on1-app.json"]').first().waitFor({ timeout: 30_000 });
    await poll(async () => {
      for (const f of s.page.frames()) if (!f.isDetached() && (await f.locator('#form-root header').count().catch(() => 0))) return true;
      return undefined;
    }, 'the manifest form after the quick fix', 60_000, 300);
  });
});

describe('VS Code (code-server): a workspace that is not a Web1on1 app', { skip }, () => {
  let s: Session;
  before(async () => (s = await startSession('not-an-app', { fixture: join(REPO, 'test', 'e2e', 'not-an-app') })));
  after(async () => s && (await s.screenshot('last'), await s.stop()));

  /** The "Policy Lens" output channel as VS Code logs it under the user-data folder. */
  function outputChannel(): string {
    const logs = join(s.userData, 'logs');
    let text = '';
    for (const session of existsSync(logs) ? readdirSync(logs) : []) {
      const exthost = join(logs, session, 'exthost1');
      for (const dir of existsSync(exthost) ? readdirSync(exthost).filter((d) => d.startsWith('output_logging_')) : []) {
        for (const f of readdirSync(join(exthost, dir)).filter((x) => x.endsWith('Policy Lens.log'))) text += readFileSync(join(exthost, dir, f), 'utf8');
      }
    }
    return text;
  }

  it('stays off, says why in its output channel, and shows no status', async () => {
    const log = await poll(() => (outputChannel().includes('Staying off') ? outputChannel() : undefined), 'the decision in the output channel', 90_000, 500);
    assert.match(log, /no web1on1-app\.json or \.policylens\.json, and no chipchat dependency, import or Web1on1 API host in 1 package\.json file\(s\) and 1 code file\(s\)/);
    assert.equal(await s.page.locator('.statusbar-item').filter({ hasText: 'Policy Lens' }).count(), 0, 'no status bar item');
  });

  it('"Enable Policy Lens Here" starts it, says that nothing was written, and writes nothing', async () => {
    await runCommand(s.page, 'Policy Lens: Enable Policy Lens Here');
    await poll(async () => ((await s.page.locator('.notifications-toasts').innerText().catch(() => '')).includes('nothing was written to your files') ? true : undefined), 'the message saying what was (not) written', 30_000, 500);
    await s.page.locator('.statusbar-item').filter({ hasText: 'Policy Lens' }).first().waitFor({ timeout: 60_000 });
    assert.deepEqual(readdirSync(s.workspace).sort(), ['package.json', 'src'], 'no .policylens.json or other file in the repository');
  });
});
