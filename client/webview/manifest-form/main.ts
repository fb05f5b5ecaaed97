// The manifest form in the webview: renders what the extension host sends (the document is the truth)
// and sends one checked edit at a time back. UI state that is not in the document (expanded call-site
// lists, scroll position, the last values that parsed) survives a hidden tab via getState/setState.
import type { FromWebview, ToWebview } from '../../src/manifest-editor/messages';
import { EditQueue } from './edit-queue';
import { renderForm, type FormState } from './render';
import { keepSelectAllInWebview } from './select-all';

interface VsCodeApi { postMessage(m: FromWebview): void; getState(): unknown; setState(s: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;

interface Saved { expanded: string[]; scrollY: number; lastGood?: Record<string, unknown> }

const vscode = acquireVsCodeApi();
const root = document.getElementById('form-root')!;
const saved = (vscode.getState() as Saved | undefined) ?? { expanded: [], scrollY: 0 };
const expanded = new Set(saved.expanded);
let state: Partial<FormState> = { lastGood: saved.lastGood };
let restoredScroll = false;

/** Text typed but not yet queued (a field is sent after a short pause in typing), with the version it was typed on. */
const drafts = new Map<string, { value: string; baseVersion: number }>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const TYPING_PAUSE_MS = 300;

const queue = new EditQueue((m) => vscode.postMessage(m), (reason) => {
  state.notice = reason;
  render();
});

function flush(pointer: string): void {
  clearTimeout(timers.get(pointer));
  timers.delete(pointer);
  const draft = drafts.get(pointer);
  if (draft === undefined) return;
  drafts.delete(pointer);
  queue.push({ type: 'set', pointer, value: draft.value }, draft.baseVersion);
}

function save(): void {
  vscode.setState({ expanded: [...expanded], scrollY: window.scrollY, lastGood: state.lastGood } satisfies Saved);
}

function render(): void {
  const { catalog, doc } = state;
  if (!catalog || !doc) return;
  const focused = document.activeElement instanceof HTMLElement && root.contains(document.activeElement) ? document.activeElement : undefined;
  const scrollY = window.scrollY;
  root.replaceChildren(...renderForm(state as FormState, {
    expanded,
    edit: (op) => queue.push(op),
    type: (pointer, value, immediate) => {
      drafts.set(pointer, { value, baseVersion: queue.version });
      clearTimeout(timers.get(pointer));
      if (immediate) flush(pointer);
      else timers.set(pointer, setTimeout(() => flush(pointer), TYPING_PAUSE_MS));
    },
    pendingValue: (pointer) => drafts.get(pointer)?.value ?? queue.pendingValue(pointer),
    post: (m) => vscode.postMessage(m),
    toggle: (key) => {
      if (!expanded.delete(key)) expanded.add(key);
      save();
      render();
    },
  }, () => {
    state.notice = undefined;
    render();
  }));
  keepFocus(focused);
  if (!restoredScroll) {
    restoredScroll = true;
    window.scrollTo(0, saved.scrollY);
  } else window.scrollTo(0, scrollY);
}

/** The element the user is in stays the same node (caret, IME and undo intact); its attributes follow the new render. */
function keepFocus(old: HTMLElement | undefined): void {
  if (!old?.id) return;
  const fresh = document.getElementById(old.id);
  if (!fresh) return;
  const typing = (old instanceof HTMLInputElement && old.type === 'text') || old instanceof HTMLTextAreaElement;
  if (typing && fresh.tagName === old.tagName) {
    const pointer = old.getAttribute('data-pointer') ?? '';
    for (const a of ['aria-invalid', 'aria-describedby']) {
      const value = fresh.getAttribute(a);
      if (value === null) old.removeAttribute(a);
      else old.setAttribute(a, value);
    }
    (old as HTMLInputElement).disabled = (fresh as HTMLInputElement).disabled;
    // nothing of the user's is pending: the document's value wins (e.g. changed in the JSON editor)
    if (!drafts.has(pointer) && queue.pendingValue(pointer) === undefined) (old as HTMLInputElement).value = (fresh as HTMLInputElement).value;
    fresh.replaceWith(old);
  }
  (typing ? old : fresh).focus({ preventScroll: true });
}

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const m = e.data;
  switch (m.type) {
    case 'init':
      state.catalog = m.catalog;
      break;
    case 'doc':
      state.doc = m.doc;
      queue.seen(m.doc.version);
      if (m.doc.value && !m.doc.problems.length) state.lastGood = m.doc.value;
      save();
      break;
    case 'lint':
      state.lint = m.lint;
      break;
    case 'ack':
      queue.ack(m);
      return;
  }
  render();
});

window.addEventListener('scroll', () => save(), { passive: true });
keepSelectAllInWebview(window);
vscode.postMessage({ type: 'ready' });
