// Select-all stays inside the form. VS Code's webview host forwards every keydown from the webview to the
// workbench, which then runs its own "select all" as well as the browser's:
// - while the workbench counts the webview as focused, by posting execCommand('selectAll') back to it;
//   when the workbench is busy (a save, a check) that lands after the first keys typed over the
//   selection, selects them and the next key replaces them ("http://x" saved as "ttp://x");
// - in the first ~250 ms after a click into the form (the host polls the frame's focus that often), on
//   the text editor last active, e.g. the JSON beside the form: it takes the focus, so the keys that
//   follow replace the whole manifest there.
// The browser's own select-all already did the right thing at once, so the event goes no further: a
// capture listener on the window runs before the host's listener (on the same window, bubbling).

// (Typed by shape, not with the DOM's KeyboardEvent and Window, so that unit tests compile without the DOM.)
interface Keys { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }
interface KeyTarget { addEventListener(type: 'keydown', listener: (e: Keys & { stopPropagation(): void }) => void, options: { capture: boolean }): void }

/** Ctrl+A (Cmd+A on macOS). */
export function isSelectAll(e: Keys): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'a';
}

export function keepSelectAllInWebview(win: KeyTarget): void {
  win.addEventListener('keydown', (e) => {
    if (isSelectAll(e)) e.stopPropagation();
  }, { capture: true });
}
