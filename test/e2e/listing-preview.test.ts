// The listing preview and the report export in a real VS Code (code-server), from the packaged .vsix:
// the preview shows the app and follows a manifest edit on disk (a new scope, in plain words and in the
// permission impact against a git tag), a script-like description stays text, the icon loads from the
// workspace, the panel comes back after a reload, and an export equals `policy-lens report` byte for byte.
// README picture: POLICY_LENS_SCREENSHOTS=1 copies the preview's screenshot to media/screenshots/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { missingPrerequisite, poll, startSession, type Session } from './code-server';
import { ARTIFACTS, REPO } from './paths';
import { runCommand } from './workbench';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const missing = missingPrerequisite();
if (missing && CI) throw new Error(`e2e cannot start under CI: ${missing}`);
const skip = missing ? `e2e prerequisites missing: ${missing}` : false;

const XSS = '<img src=x onerror=alert(1)>';
const NOW = '2026-03-02';
/** The same key in VS Code's keybinding syntax and in Playwright's. */
const EXPORT_KEY = { vscode: 'ctrl+alt+shift+y', playwright: 'Control+Alt+Shift+Y' };

function git(cwd: string, ...args: string[]): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@garagetools.nl', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@garagetools.nl', GIT_CONFIG_NOSYSTEM: '1', HOME: cwd };
  execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd, env, stdio: 'ignore' });
}

/** The frame of the listing preview's page (webviews sit in two nested iframes). */
async function listingFrame(page: Page): Promise<Frame> {
  return poll(async () => {
    for (const f of page.frames()) if (!f.isDetached() && (await f.locator('#listing-root').count().catch(() => 0))) return f;
    return undefined;
  }, 'the listing preview webview', 90_000, 500);
}

/** Polls the preview's text until `ok` holds (the page is re-found: a reload replaces it). */
async function previewText(page: Page, ok: (text: string) => boolean, what: string, timeoutMs = 60_000): Promise<string> {
  return poll(async () => {
    const f = await listingFrame(page);
    const t = await f.locator('body').innerText({ timeout: 2_000 });
    return ok(t) ? t : undefined;
  }, what, timeoutMs, 300);
}

describe('VS Code (code-server): listing preview and compliance report export', { skip }, () => {
  let s: Session;
  let manifest: string;
  const editManifest = (change: (m: Record<string, unknown>) => void) => {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>;
    change(m);
    writeFileSync(manifest, JSON.stringify(m, null, 2) + '\n');
  };

  before(async () => {
    s = await startSession('listing');
    manifest = join(s.workspace, 'web1on1-app.json');
    // the fixture as released v0.3.0: the permission impact compares with this tag
    git(s.workspace, 'init', '-q');
    git(s.workspace, 'add', '.');
    git(s.workspace, 'commit', '-q', '-m', 'release 0.3.0');
    git(s.workspace, 'tag', '-a', 'v0.3.0', '-m', 'v0.3.0');
    // a keybinding is how a test hands the export command its arguments (target, date) in the real UI;
    // VS Code reads the file at start, so it takes effect with the reload test below
    const keys = [{ key: EXPORT_KEY.vscode, command: 'policyLens.exportReport', args: { target: 'reports/compliance.md', format: 'markdown', now: NOW } }];
    writeFileSync(join(s.userData, 'User', 'keybindings.json'), JSON.stringify(keys, null, 2));
  });
  after(async () => s && (await s.screenshot('last'), await s.stop()));

  it('shows the app name, what it can do in plain words, and that it is not a Web1on1 screen', async () => {
    await runCommand(s.page, 'Policy Lens: Preview Listing');
    const text = await previewText(s.page, (t) => t.includes('Workshop Reminder Bot') && t.includes('Permission impact') && t.includes('v0.3.0'), 'the preview with the app name and the comparison with v0.3.0', 120_000).catch(async (e: Error) => {
      await s.screenshot('preview-missing');
      throw e;
    });
    assert.match(text, /not a Web1on1 screen/);
    assert.match(text, /not made or endorsed by Web1on1/);
    assert.match(text, /read the messages in your conversations/);
    assert.match(text, /No scope added or dropped since v0\.3\.0/);
    assert.match(text, /Review readiness by clause/);
    const statuses = await (await listingFrame(s.page)).locator('.checklist td[class^="tone-"]').allInnerTexts();
    assert.ok(statuses.length >= 20, `a status per clause: ${statuses.length}`);
    for (const st of statuses) assert.match(st, /^(findings|no findings|attested|not attested|not applicable)( \+ (attested|not attested|not applicable))?$/, 'the report’s statuses, never "passed"');
    await s.screenshot('preview');
  });

  it('a scope added to the manifest on disk shows in plain words and as added since the tag; a script-like description stays text', async () => {
    editManifest((m) => {
      (m['scopes'] as unknown[]).push({ scope: 'contacts:read', reason: 'Greet the customer by name' });
      m['description'] = XSS;
    });
    const text = await previewText(s.page, (t) => t.includes('read your contacts (consumers’ names, phone numbers and e-mail addresses)') && t.includes('Added since v0.3.0'), 'the new scope in the preview');
    assert.match(text, /Added since v0\.3\.0[^]*read your contacts[^]*consumers’ personal data[^]*contacts:read/);
    const f = await listingFrame(s.page);
    await f.getByText(XSS, { exact: true }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await f.locator('img').count(), 0, 'no img element: the payload is text, and no icon is set yet');
    assert.equal(await f.locator('[onerror]').count(), 0);
    await s.screenshot('xss-as-text');
  });

  it('shows the icon from the workspace through the webview’s resource origin', async () => {
    mkdirSync(join(s.workspace, 'media'), { recursive: true });
    copyFileSync(join(REPO, 'media', 'icon.png'), join(s.workspace, 'media', 'icon.png'));
    // a complete listing, as a developer would submit it (also the README picture)
    editManifest((m) => {
      m['description'] = 'Reminds customers of their workshop appointment over WhatsApp and books the slot they pick.';
      m['listing'] = { marketplace: 'botstore', category: 'Aftersales', shortDescription: 'Workshop reminders that book themselves.', icon: 'media/icon.png' };
      m['termsUrl'] = 'https://garagetools.nl/terms';
      m['dataProtection'] = { personalData: ['contact.name', 'contact.telephone'], lawfulBasis: 'contract', retentionDays: 90, storesPersonalData: false, thirdParties: [] };
    });
    const src = await poll(async () => {
      const img = (await listingFrame(s.page)).locator('img.icon');
      if (!(await img.count())) return undefined;
      // loaded, not just present: the CSP and localResourceRoots let it through
      const loaded = await img.evaluate((e) => (e as unknown as { complete: boolean; naturalWidth: number }).complete && (e as unknown as { naturalWidth: number }).naturalWidth > 0);
      return loaded ? await img.getAttribute('src') : undefined;
    }, 'the icon to load');
    assert.doesNotMatch(src ?? '', /^(file:|data:|http:)/);
    // the empty secondary side bar only takes room from the picture
    if (await s.page.locator('.part.auxiliarybar').isVisible().catch(() => false)) await s.page.keyboard.press('Control+Alt+B');
    await previewText(s.page, (t) => t.includes('Kept for 90 days'), 'the data-protection section');
    await s.screenshot('preview-with-icon');
    if (process.env.POLICY_LENS_SCREENSHOTS === '1') {
      mkdirSync(join(REPO, 'media', 'screenshots'), { recursive: true });
      copyFileSync(join(ARTIFACTS, 'listing-preview-with-icon.png'), join(REPO, 'media', 'screenshots', 'listing-preview.png'));
    }
    await (await listingFrame(s.page)).locator('.checklist').scrollIntoViewIfNeeded();
    await s.screenshot('preview-checklist');
  });

  it('"Show" beside a finding opens the code it names (the page sends an index, the extension opens)', async () => {
    const show = (await listingFrame(s.page)).locator('button[title^="Show src/bot.js:"]').first();
    const where = (await show.getAttribute('title'))!.replace(/^Show /, '');
    await show.click();
    await s.page.locator('.tab.active[data-resource-name="bot.js"]').first().waitFor({ timeout: 30_000 });
    const line = Number(where.split(':')[1]);
    await poll(async () => ((await s.page.locator('.statusbar').innerText()).includes(`Ln ${line},`) ? true : undefined), `the cursor on line ${line}`, 30_000);
  });

  it('comes back after a window reload', async () => {
    // VS Code's own reload: it saves the workbench state (open panels, the page's state) first
    await runCommand(s.page, 'Developer: Reload Window');
    await s.page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    // the code opened by the previous test may be in front: a background webview is not drawn
    const tab = s.page.locator('.tab').filter({ hasText: 'Preview listing' }).first();
    await tab.waitFor({ timeout: 90_000 });
    await tab.click();
    await previewText(s.page, (t) => t.includes('Workshop Reminder Bot') && t.includes('contacts:read'), 'the restored preview', 120_000).catch(async (e: Error) => {
      await s.screenshot('restore-missing');
      throw e;
    });
    await s.screenshot('restored');
  });

  it('exports the compliance report with the CLI’s exact content', async () => {
    const target = join(s.workspace, 'reports', 'compliance.md');
    // press until the command has run once (the keybindings load a moment after the window)
    const text = await poll(async () => {
      if (existsSync(target)) return readFileSync(target, 'utf8');
      await s.page.keyboard.press('Control+Shift+E'); // focus in the workbench, not in the webview
      await s.page.keyboard.press(EXPORT_KEY.playwright);
      return undefined;
    }, 'the exported report', 60_000, 2_000);
    const cli = execFileSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'report', '--format', 'markdown', '--now', NOW], { cwd: s.workspace, encoding: 'utf8' });
    assert.equal(text, cli);
    assert.match(text, /^# Policy Lens compliance report/);
  });
});
