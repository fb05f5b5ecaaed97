// Steps for the manifest form (a custom text editor for web1on1-app.json) in code-server, shared by the
// form's e2e files. Webviews sit in two nested iframes; every wait polls.
import type { Frame, Page } from 'playwright-core';
import { poll } from './code-server';

/** The frame of the form's page (a hidden tab's page is rebuilt, so it is looked up again each time). */
export async function formFrame(page: Page, timeoutMs = 60_000): Promise<Frame> {
  return poll(async () => {
    for (const f of page.frames()) if (!f.isDetached() && (await f.locator('#form-root header').count().catch(() => 0))) return f;
    return undefined;
  }, 'the manifest form webview', timeoutMs, 300);
}

export async function formText(page: Page, ok: (text: string) => boolean, what: string, timeoutMs = 60_000): Promise<string> {
  return poll(async () => {
    const t = await (await formFrame(page)).locator('body').innerText({ timeout: 2_000 });
    return ok(t) ? t : undefined;
  }, what, timeoutMs);
}

export const activeManifestTab = (page: Page) => page.locator('.tabs-container .tab.active[data-resource-name="web1on1-app.json"]').first();
export const textEditorShown = (page: Page) => page.locator('.editor-group-container.active .monaco-editor .view-lines').first().isVisible().catch(() => false);

/** Opens web1on1-app.json from the explorer and waits for the form. */
export async function openManifestForm(page: Page): Promise<Frame> {
  const row = page.locator('.explorer-folders-view .monaco-list-row[aria-label="web1on1-app.json"]').first();
  await page.keyboard.press('Control+Shift+E');
  await row.waitFor({ timeout: 60_000 });
  // code-server registers the extension's editors a moment after the explorer shows: until then a click
  // opens the text editor, which is closed and the click repeated
  await poll(async () => {
    await row.click();
    await activeManifestTab(page).waitFor({ timeout: 10_000 });
    // (a webview is not inside the editor group's element: VS Code lays it over the group)
    const form = await poll(async () => (await textEditorShown(page)) ? false : (await formFrame(page, 1_000).catch(() => undefined)), 'the form', 5_000, 250).catch(() => undefined);
    if (form) return true;
    if (await textEditorShown(page)) await page.keyboard.press('Control+W');
    return undefined;
  }, 'web1on1-app.json to open in the form', 90_000, 1_000);
  return formFrame(page);
}
