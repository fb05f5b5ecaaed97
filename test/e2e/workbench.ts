// Small, named steps in the VS Code workbench (code-server in chromium). Selectors follow e2e.md.
import type { Page } from 'playwright-core';
import { poll } from './code-server';

/** Opens a file by clicking through the explorer (quick open's first results arrive late). */
export async function openFile(page: Page, relPath: string): Promise<void> {
  const parts = relPath.split('/');
  await page.keyboard.press('Control+Shift+E');
  for (const [i, name] of parts.entries()) {
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).first();
    await row.waitFor({ timeout: 60_000 });
    const expanded = await row.getAttribute('aria-expanded');
    if (i < parts.length - 1 && expanded === 'true') continue;
    await row.click();
  }
  await page.locator(`.tab.active[data-resource-name="${parts.at(-1)}"]`).first().waitFor({ timeout: 60_000 });
  // focus the editor (a single click in the explorer leaves focus there); the keyboard avoids overlays
  await poll(async () => {
    // runs in the page: `document` is the browser's (this file is type-checked without the DOM lib)
    if (await page.evaluate('!!document.activeElement?.closest(".editor-instance")')) return true;
    await page.keyboard.press('Control+1');
    return undefined;
  }, `focus in the editor of ${relPath}`, 20_000, 300);
}

export async function showProblems(page: Page): Promise<void> {
  if (await page.locator('.markers-panel').isVisible().catch(() => false)) return;
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel').waitFor({ timeout: 30_000 });
}

/** The Problems panel's rows as text (each diagnostic row reads message, source(code), [Ln, Col]). */
export async function problemRows(page: Page): Promise<string[]> {
  await showProblems(page);
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((r) => (r.getAttribute('aria-label') ?? '') + ' | ' + (r.textContent ?? '')));
}

/** The Problems panel's rows of one file (the rows under its "N problems in file NAME" row). */
export async function problemRowsOf(page: Page, fileName: string): Promise<string[]> {
  await showProblems(page);
  const rows = await page.locator('.markers-panel .monaco-list-row').evaluateAll((els) => els.map((r) => ({ level: r.getAttribute('aria-level'), label: r.getAttribute('aria-label') ?? '', text: r.textContent ?? '' })));
  const out: string[] = [];
  let inFile = false;
  for (const r of rows) {
    if (r.level === '1') inFile = r.label.includes(` in file ${fileName} `);
    else if (inFile) out.push(`${r.label} | ${r.text}`);
  }
  return out;
}

export async function waitForProblem(page: Page, match: (row: string) => boolean, what: string, timeoutMs = 90_000): Promise<string> {
  return poll(async () => (await problemRows(page)).find(match), what, timeoutMs);
}

export async function goToLine(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** Opens the quick fix menu at the cursor and picks the entry whose title contains `title`. */
export async function applyQuickFix(page: Page, title: string | RegExp): Promise<void> {
  const item = page.locator('.action-widget .monaco-list-row.action').filter({ hasText: title }).first();
  const menu = page.locator('.action-widget .actionList').first();
  // the code actions arrive with the diagnostics: reopen the menu until the wanted one is listed
  await poll(async () => {
    if (await item.isVisible().catch(() => false)) return true;
    if (await menu.isVisible().catch(() => false)) await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    return (await item.waitFor({ timeout: 2_000 }).then(() => true).catch(() => undefined));
  }, `a quick fix "${String(title)}"`, 30_000, 500);
  await item.click();
}

export async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+S');
}

/** Runs a command from the palette by its title (reopened on each try: it lists what was known when it opened). */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await poll(async () => {
    if (await input.isVisible().catch(() => false)) await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    await input.waitFor({ timeout: 5_000 });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first();
    await row.waitFor({ timeout: 5_000 });
    await row.click();
    return true;
  }, `the command "${title}"`, 60_000, 500);
}

/** The text of the first webview or preview frame whose body satisfies `ok` (webviews sit in nested iframes). */
export async function frameText(page: Page, ok: (text: string) => boolean, what: string, timeoutMs = 60_000): Promise<string> {
  return poll(async () => {
    for (const f of page.frames()) {
      if (f === page.mainFrame() || f.isDetached()) continue;
      const t = await f.locator('body').innerText({ timeout: 1_000 }).catch(() => '');
      if (ok(t)) return t;
    }
    return undefined;
  }, what, timeoutMs, 500);
}
