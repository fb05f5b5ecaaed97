// The manifest form (a custom text editor for web1on1-app.json) in a real VS Code (code-server), from the
// packaged .vsix: it opens by default, ticking a scope inserts exactly that entry into the file, an http
// privacy policy URL shows the A.5 finding at its field, a script-like description stays text, invalid
// JSON (typed in the JSON editor beside it) shows a banner over a read-only form, and "Open as JSON" and
// "Open as Form" switch in one click.
// README picture: POLICY_LENS_SCREENSHOTS=1 copies the form's screenshot to media/screenshots/.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { missingPrerequisite, poll, startSession, type Session } from './code-server';
import { ARTIFACTS, REPO } from './paths';
import { formFrame, formText, openManifestForm, textEditorShown } from './manifest-form';
import { save } from './workbench';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const missing = missingPrerequisite();
if (missing && CI) throw new Error(`e2e cannot start under CI: ${missing}`);
const skip = missing ? `e2e prerequisites missing: ${missing}` : false;

const XSS = '<img src=x onerror=alert(1)>';

describe('VS Code (code-server): the manifest form', { skip }, () => {
  let s: Session;
  let manifest: string;
  before(async () => {
    s = await startSession('manifest-editor');
    manifest = join(s.workspace, 'web1on1-app.json');
  });
  after(async () => s && (await s.screenshot('last'), await s.stop()));

  it('opens web1on1-app.json as the form by default, saying it is not a Web1on1 screen', async () => {
    await openManifestForm(s.page);
    const text = await formText(s.page, (t) => t.includes('App manifest: Workshop Reminder Bot'), 'the form with the app name');
    assert.match(text, /not a Web1on1 format or screen/);
    const f = await formFrame(s.page);
    assert.equal(await f.getByLabel('App name', { exact: true }).inputValue(), 'Workshop Reminder Bot');
    assert.equal(await f.getByLabel('Support e-mail', { exact: true }).inputValue(), 'support@garagetools.nl');
    // call sites from the language server, and the scope the code needs but the manifest lacks
    await formText(s.page, (t) => /Used at src\/bot\.js:\d+/.test(t) && t.includes('Add messages:consumer'), 'call sites and the missing scope');
    await s.screenshot('form');
  });

  it('ticking contacts:read inserts exactly that entry (bytes compared after save)', async () => {
    const before = readFileSync(manifest, 'utf8');
    const f = await formFrame(s.page);
    const box = f.getByLabel('contacts:read', { exact: true });
    assert.equal(await box.isChecked(), false);
    await box.check();
    await poll(async () => ((await (await formFrame(s.page)).getByLabel('Reason for contacts:read', { exact: true }).count()) ? true : undefined), 'the reason field of the new scope');
    await save(s.page);
    const after = await poll(() => {
      const t = readFileSync(manifest, 'utf8');
      return t !== before ? t : undefined;
    }, 'web1on1-app.json on disk to change', 30_000);
    assert.equal(after, before.replace(`answer" }\n`, `answer" },\n    { "scope": "contacts:read" }\n`), 'only that insertion');
    await formText(s.page, (t) => /No use found: no call site or webhook event of the app needs it — Remove\? \[B\.6, C\.5\] scope-unused/.test(t), 'the unused state (scope-unused) on contacts:read');
    await s.screenshot('scope-ticked');
  });

  it('"Used at src/bot.js:N" names the call site; the link opens the code beside the form', async () => {
    const link = (await formFrame(s.page)).locator('[data-scope="messages:read"]').getByRole('button', { name: /^src\/bot\.js:\d+$/ });
    await link.waitFor({ timeout: 10_000 });
    // the README picture: the scopes as a dealer reads them, with call sites, flags and one-click fixes
    await (await formFrame(s.page)).locator('[data-scope="messages:read"]').evaluate((el) => el.closest('fieldset')!.scrollIntoView({ block: 'start' }));
    await s.screenshot('scopes');
    if (process.env.POLICY_LENS_SCREENSHOTS === '1') {
      mkdirSync(join(REPO, 'media', 'screenshots'), { recursive: true });
      copyFileSync(join(ARTIFACTS, 'manifest-editor-scopes.png'), join(REPO, 'media', 'screenshots', 'manifest-editor.png'));
    }
    await link.click();
    await s.page.locator('.tab.active[data-resource-name="bot.js"]').first().waitFor({ timeout: 30_000 });
    await s.page.keyboard.press('Control+W');
    await poll(async () => ((await s.page.locator('.tab[data-resource-name="bot.js"]').count()) ? undefined : true), 'bot.js to close');
  });

  it('an http "Privacy policy URL" shows the A.5 finding at the field', async () => {
    const f = await formFrame(s.page);
    await f.getByLabel('Privacy policy URL', { exact: true }).fill('http://garagetools.nl/privacy');
    const finding = await poll(async () => {
      const t = await (await formFrame(s.page)).locator('[id="find:/privacyPolicyUrl"]').innerText({ timeout: 2_000 });
      return t.includes('[A.5]') ? t : undefined;
    }, 'the A.5 finding under "Privacy policy URL"');
    assert.match(finding, /not https/);
    assert.match(finding, /privacy-policy-url/);
    await (await formFrame(s.page)).locator('[id="find:/privacyPolicyUrl"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await s.screenshot('privacy-url-finding');
  });

  it('a script-like description stays text', async () => {
    const f = await formFrame(s.page);
    await f.getByLabel('Description', { exact: true }).fill(XSS);
    await poll(async () => ((await s.page.locator('.tab.active.dirty').count()) ? true : undefined), 'the edit to reach the document');
    await formText(s.page, () => true, 'the form after the edit');
    const g = await formFrame(s.page);
    assert.equal(await g.getByLabel('Description', { exact: true }).inputValue(), XSS);
    assert.equal(await g.locator('img').count(), 0, 'no element made from the payload');
  });

  it('invalid JSON typed in the JSON editor beside it shows a banner over the read-only form; undo removes it', async () => {
    await (await formFrame(s.page)).getByRole('button', { name: 'Open JSON to the side' }).first().click();
    await poll(async () => (await textEditorShown(s.page)) || undefined, 'the JSON editor beside the form');
    await s.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    // a text edit shows in the form at once: line 2 is "name": "Workshop Reminder Bot",
    await s.page.keyboard.press('Control+Home');
    await s.page.keyboard.press('ArrowDown');
    await s.page.keyboard.press('End');
    await s.page.keyboard.press('ArrowLeft');
    await s.page.keyboard.press('ArrowLeft');
    await s.page.keyboard.type(' II');
    await formText(s.page, (t) => t.includes('App manifest: Workshop Reminder Bot II'), 'the renamed app in the form');
    await s.page.keyboard.press('Control+End');
    await s.page.keyboard.type('}');
    const text = await formText(s.page, (t) => t.includes('is not valid JSON'), 'the invalid-JSON banner');
    assert.match(text, /leaves your text exactly as it is/);
    const f = await formFrame(s.page);
    assert.equal(await f.getByLabel('App name', { exact: true }).inputValue(), 'Workshop Reminder Bot II', 'the form is not blank');
    assert.equal(await f.getByLabel('App name', { exact: true }).isDisabled(), true, 'and read-only');
    await s.screenshot('invalid-json');
    await s.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await s.page.keyboard.press('Control+Z');
    await formText(s.page, (t) => !t.includes('is not valid JSON'), 'the banner to go after undo');
    await s.page.keyboard.press('Control+Z');
    await formText(s.page, (t) => t.includes('App manifest: Workshop Reminder Bot\n'), 'the rename undone');
    await save(s.page);
  });

  it('"Open as JSON" and "Open as Form" switch in one click', async () => {
    // back in the form's group: close the JSON editor beside it
    await s.page.keyboard.press('Control+W');
    await (await formFrame(s.page)).getByRole('button', { name: 'Open as JSON' }).first().click();
    await poll(async () => (await textEditorShown(s.page)) || undefined, 'the JSON editor in place of the form');
    await s.page.locator('.editor-group-container.active .editor-actions [aria-label="Open as Form"]').first().click();
    await formText(s.page, (t) => t.includes('App manifest: Workshop Reminder Bot'), 'the form again');
  });

  it('undo in the form undoes the form\'s edit, as in the text editor', async () => {
    const box = () => formFrame(s.page).then((f) => f.getByLabel('kb:read', { exact: true }));
    await (await box()).check();
    await poll(async () => ((await (await box()).isChecked()) ? true : undefined), 'kb:read ticked');
    await poll(async () => ((await s.page.locator('.tab.active.dirty').count()) ? true : undefined), 'the manifest to be dirty');
    // focus is on the checkbox (not a text field): the webview hands Ctrl+Z to VS Code, which undoes the text edit
    await (await box()).focus();
    await s.page.keyboard.press('Control+Z');
    await poll(async () => ((await (await box()).isChecked()) ? undefined : true), 'kb:read unticked by undo');
    await s.page.keyboard.press('Control+Shift+Z');
    await poll(async () => ((await (await box()).isChecked()) ? true : undefined), 'kb:read ticked again by redo');
  });
});
