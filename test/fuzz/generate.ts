// Edit sequences a real editor and user produce: keystrokes (auto-closed pairs, accents, emoji), newlines
// as \n, \r\n or a lone \r, backspace, range deletions, pasted lines, snippets that rules look for, very
// long lines, multi-cursor edits (several ranges in one didChange), undo of the last edit, end-of-line
// conversions, saves, close/reopen, pulls (pull mode) and pauses. Positions never split a \r\n or a
// surrogate pair (no editor puts a cursor there). Everything is decided by the seed, nothing by timing.
import { isCode, isEditable, type App } from './corpus';
import { Prng } from './prng';
import type { Change, Mode, Op, Scenario } from './scenario';
import { lineStarts, snap } from './text';
import { resolveText } from './text-spec';

const KEYS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789          _$.,;:=+-*/%!?<>&|^~#@\\\t';
const PAIRS = ['()', '{}', '[]', "''", '""', '``', '${}', '/**/'];
const ODD = ['é', 'ß', 'ü', 'ñ', '€', '😀', '👍🏽', '\u200b', '中'];
const SNIPPETS = [
  "fetch('http://api.web1on1.chat/v2/contacts?access_token=' + token);\n",
  'console.log(message);\n',
  "console.log('token', process.env.TOKEN);\n",
  "const token = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoiZnV6eiJ9.c2lnbmF0dXJlLWZ1enotMTIzNDU2Nzg5';\n",
  'eval(message.text);\n',
  "await conversation.say({ text: 'Please send your credit card number and CVC', role: 'agent' });\n",
  "// policy-lens-disable-next-line hardcoded-credential -- demo token\n",
  "// policy-lens-disable-next-line\n",
  "bot.on('message.create.contact.chat', (m, c) => c.say(m.text));\n",
  "const contacts = await bot.contacts.list({ limit: 1000 });\n",
  "app.post('/webhook', (req, res) => { handle(req.body); res.sendStatus(200); });\n",
  'const url = `${base}/v2/secret-endpoint`;\n',
  "axios.post('https://api.leadscore.io/v1/score', { email: contact.profile.email });\n",
  "bot.start();\n",
  '"scopes": ["messages:consumer"],\n',
];

interface Doc { rel: string; text: string; open: boolean; cursor: number; undo?: Change[] }

/** One sequence: an app of the corpus, a mode, the files opened first and the ops, from `seed` alone. */
export function generate(apps: readonly App[], seed: number, mode: Mode, length: number): Scenario & { app: string } {
  const rng = new Prng(seed);
  const app = rng.pick(apps);
  const files = Object.fromEntries(Object.entries(app.files).map(([rel, t]) => [rel, resolveText(t)]));
  const editable = Object.keys(files).filter(isEditable);
  const code = editable.filter(isCode);
  const disk = new Map(Object.entries(files));
  const docs = new Map<string, Doc>();
  const openDoc = (rel: string): Doc => {
    const d: Doc = { rel, text: disk.get(rel)!, open: true, cursor: 0 };
    d.cursor = rng.int(d.text.length + 1);
    d.cursor = snap(d.text, d.cursor);
    docs.set(rel, d);
    return d;
  };
  const first = rng.pick(code.length ? code : editable);
  const open = [first, ...rng.chance(0.5) ? [rng.pick(editable)] : [], ...rng.chance(0.25) ? [rng.pick(editable)] : []].filter((r, i, a) => a.indexOf(r) === i);
  for (const rel of open) openDoc(rel);
  const ops: Op[] = [];
  const delay = (): number | undefined => rng.weighted<number | undefined>([[70, undefined], [27, rng.between(5, 60)], [3, rng.between(450, 700)]]);

  while (ops.length < length) {
    const openDocs = [...docs.values()].filter((d) => d.open);
    if (!openDocs.length) {
      ops.push({ t: 'open', doc: openDoc(rng.pick(editable)).rel });
      continue;
    }
    const d = rng.pick(openDocs);
    const action = rng.weighted<string>([[70, 'edit'], [3, 'save'], [2, 'close'], [3, 'open'], [2, 'check']]);
    if (action === 'save') {
      disk.set(d.rel, d.text);
      ops.push({ t: 'save', doc: d.rel });
    } else if (action === 'close') {
      d.open = false;
      ops.push({ t: 'close', doc: d.rel, delay: delay() });
    } else if (action === 'open') {
      const rel = rng.pick(editable);
      if (docs.get(rel)?.open) continue;
      ops.push({ t: 'open', doc: openDoc(rel).rel, delay: delay() });
    } else if (action === 'check') {
      ops.push({ t: 'check' });
    } else {
      const changes = edit(rng, d, files, editable);
      if (!changes.length) continue;
      ops.push({ t: 'change', doc: d.rel, changes, delay: delay() });
      // an editor pulls a document's diagnostics after it changed (waiting for some answers, not all)
      if (mode === 'pull' && rng.chance(0.6)) ops.push({ t: 'pull', doc: d.rel, ...(rng.chance(0.3) ? { wait: true } : {}) });
    }
  }
  ops.push({ t: 'check' });
  for (const op of ops) if (op.delay === undefined) delete op.delay;
  return { app: app.name, mode, files, open: open.map((rel) => ({ rel, text: files[rel]!, version: 1 })), ops };
}

/** One didChange's edits for `d` (applied to it here, and remembered for an undo). */
function edit(rng: Prng, d: Doc, files: Record<string, string>, editable: readonly string[]): Change[] {
  const t = d.text;
  const kind = rng.weighted<string>([[34, 'type'], [8, 'newline'], [12, 'backspace'], [6, 'delete'], [6, 'paste'], [5, 'snippet'], [6, 'multi'], [5, 'undo'], [2, 'eol'], [2, 'long'], [4, 'jump'], [3, 'comment']]);
  let changes: Change[];
  if (kind === 'jump' || d.cursor > t.length) d.cursor = jump(rng, t);
  // Enter is mostly pressed at the end of a line
  if (kind === 'newline' && rng.chance(0.5)) d.cursor = lineEnd(t, d.cursor);
  const at = snap(t, d.cursor);
  switch (kind) {
    case 'type':
    case 'jump': {
      const text = rng.weighted<string>([[80, rng.pick([...KEYS])], [10, rng.pick(PAIRS)], [6, rng.pick(ODD)], [4, '`']]);
      changes = [{ s: at, e: at, text }];
      break;
    }
    case 'newline': {
      const starts = lineStarts(t);
      const lineStart = starts.filter((s) => s <= at).pop() ?? 0;
      const indent = /^[ \t]*/.exec(t.slice(lineStart, at))![0];
      changes = [{ s: at, e: at, text: rng.weighted<string>([[60, '\n'], [25, '\r\n'], [15, '\r']]) + indent }];
      break;
    }
    case 'backspace': {
      if (at === 0) return [];
      const s = snap(t, at - 1);
      changes = [{ s: s === at ? at - 2 : s, e: at, text: '' }];
      break;
    }
    case 'delete': {
      const s = snap(t, rng.int(t.length + 1));
      changes = [{ s, e: snap(t, Math.min(t.length, s + rng.between(1, 200))), text: '' }];
      break;
    }
    case 'paste': {
      const from = files[rng.pick(editable)] ?? '';
      const lines = from.split(/(?<=\n)/);
      const i = rng.int(lines.length);
      const text = lines.slice(i, i + rng.between(1, 5)).join('');
      const starts = lineStarts(t);
      const s = rng.chance(0.6) ? starts[rng.int(starts.length)]! : at;
      changes = [{ s, e: s, text }];
      break;
    }
    case 'snippet': {
      const starts = lineStarts(t);
      const s = starts[rng.int(starts.length)]!;
      changes = [{ s, e: s, text: rng.pick(SNIPPETS) }];
      break;
    }
    case 'long': {
      const starts = lineStarts(t);
      const s = starts[rng.int(starts.length)]!;
      const terms = rng.between(20, 400);
      changes = [{ s, e: s, text: `const sum = ${Array.from({ length: terms }, () => "'a'").join(' + ')};\n` }];
      break;
    }
    case 'multi': {
      // several cursors typing the same text: one event, ranges in descending order as editors send them
      const text = rng.weighted<string>([[60, rng.pick([...KEYS])], [20, rng.pick(['\n', '\r\n', '\r'])], [20, '']]);
      const n = rng.between(2, 4);
      const spots = [...new Set(Array.from({ length: n }, () => snap(t, rng.int(t.length + 1))))].sort((a, b) => b - a);
      changes = spots.map((s) => ({ s, e: text ? s : snap(t, Math.min(t.length, s + 1)), text })).filter((c, i, all) => i === 0 || c.e <= all[i - 1]!.s);
      break;
    }
    case 'comment': {
      // toggle line comment over a few lines: an insertion at each line start, last line first
      const starts = lineStarts(t);
      const i = rng.int(starts.length);
      changes = starts.slice(i, i + rng.between(1, 4)).reverse().map((s) => ({ s, e: s, text: '// ' }));
      break;
    }
    case 'undo': {
      if (!d.undo) return [];
      changes = d.undo;
      break;
    }
    case 'eol': {
      const crlf = rng.chance(0.5);
      const text = crlf ? t.replace(/\r?\n/g, '\r\n') : t.replace(/\r\n?/g, '\n');
      if (text === t) return [];
      changes = [{ s: 0, e: t.length, text }];
      break;
    }
    default:
      throw new Error(`unknown edit ${kind}`);
  }
  // apply in order (each change is relative to the text the one before left), recording the inverse
  let text = t;
  const inverse: Change[] = [];
  for (const c of changes) {
    const s = snap(text, Math.max(0, Math.min(c.s, text.length)));
    const e = snap(text, Math.max(s, Math.min(c.e, text.length)));
    c.s = s;
    c.e = e;
    inverse.unshift({ s, e: s + c.text.length, text: text.slice(s, e) });
    text = text.slice(0, s) + c.text + text.slice(e);
  }
  // an insertion that formed a \r\n with its neighbour cannot be undone by offsets: no undo then
  d.undo = kind !== 'undo' && applyAll(text, inverse) === t ? inverse : undefined;
  d.text = text;
  d.cursor = snap(text, changes.length === 1 ? changes[0]!.s + changes[0]!.text.length : d.cursor);
  return changes;
}

function applyAll(text: string, changes: readonly Change[]): string {
  for (const c of changes) {
    const s = snap(text, c.s);
    const e = snap(text, c.e);
    text = text.slice(0, s) + c.text + text.slice(e);
  }
  return text;
}

/** Where a user puts the cursor: End and Home of a line as often as a click anywhere. */
function jump(rng: Prng, t: string): number {
  const starts = lineStarts(t);
  const line = rng.int(starts.length);
  const where = rng.weighted<string>([[35, 'end'], [20, 'home'], [45, 'any']]);
  if (where === 'home') return starts[line]!;
  if (where === 'end') return lineEnd(t, starts[line]!);
  return snap(t, rng.int(t.length + 1));
}

/** The offset before the line break of the line holding `offset`. */
function lineEnd(t: string, offset: number): number {
  let i = offset;
  while (i < t.length && t[i] !== '\n' && t[i] !== '\r') i++;
  return i;
}
