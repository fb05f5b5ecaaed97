// The form's outgoing edits, in order, one in flight at a time: each waits for the host's answer (with the
// new document version) before the next is sent, so the form never races its own edits. Typing into a
// field coalesces into one pending value per field.
//
// Each edit carries the document version it was made on. The host computes a field's value against the
// text as it is when the edit arrives (setting a value means the same in any version), but refuses an edit
// whose list position may mean another entry by then; so the queue moves an edit onto a newer version only
// when the form's own edit is all that happened in between and that edit moved no entry it points at.
import { hasListIndex } from '../../src/manifest-editor/fields';
import type { EditMessage, JsonValue, ToWebview } from '../../src/manifest-editor/messages';

export type Op = { type: 'set'; pointer: string; value: JsonValue } | { type: 'append'; pointer: string; value: JsonValue } | { type: 'remove'; pointer: string };
type Queued = Op & { baseVersion: number };

/** The host's answer to one edit. */
export type Ack = Omit<Extract<ToWebview, { type: 'ack' }>, 'type'>;

export class EditQueue {
  private pending: Queued[] = [];
  private inFlight: (EditMessage & { baseVersion: number }) | undefined;
  private nextId = 1;
  /** The newest document version this form has seen (rendered or acknowledged). */
  version = 0;

  constructor(private readonly send: (m: EditMessage) => void, private readonly refused: (reason: string) => void) {}

  /** Queues an edit made on `baseVersion` (by default the newest version seen). */
  push(op: Op, baseVersion = this.version): void {
    const last = this.pending[this.pending.length - 1];
    // typing: a newer value for the same field replaces the unsent one, and is based on what the user saw last
    if (op.type === 'set' && last?.type === 'set' && last.pointer === op.pointer) {
      last.value = op.value;
      last.baseVersion = Math.max(last.baseVersion, baseVersion);
    } else this.pending.push({ ...op, baseVersion });
    this.pump();
  }

  /** The value the user typed that the document does not show yet (kept across re-renders). */
  pendingValue(pointer: string): JsonValue | undefined {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const p = this.pending[i]!;
      if (p.type === 'set' && p.pointer === pointer) return p.value;
    }
    const f = this.inFlight;
    return f?.type === 'set' && f.pointer === pointer ? f.value : undefined;
  }

  get busy(): boolean {
    return !!this.inFlight || this.pending.length > 0;
  }

  seen(version: number): void {
    this.version = Math.max(this.version, version);
  }

  ack({ id, applied, version, onVersion, reason }: Ack): void {
    const done = this.inFlight;
    if (!done || done.id !== id) return;
    this.inFlight = undefined;
    if (!applied) {
      // what was queued on a list position the refused edit would have changed goes; a value typed into a
      // field does not depend on it and is still sent (nothing typed is dropped)
      this.pending = this.pending.filter((p) => p.type === 'set' && !hasListIndex(p.pointer));
      this.refused(reason ?? 'The change was not applied.');
    } else if (onVersion !== undefined && version === onVersion + 1) {
      // the form's own edit was the only change: what was queued on the text it was applied to holds on the new text
      for (const p of this.pending) if (p.baseVersion === onVersion && !(done.type === 'remove' && movedBy(done.pointer, p.pointer))) p.baseVersion = version;
    }
    this.seen(version);
    this.pump();
  }

  private pump(): void {
    if (this.inFlight) return;
    const next = this.pending.shift();
    if (!next) return;
    const msg = { ...next, id: this.nextId++ } as EditMessage & { baseVersion: number };
    this.inFlight = msg;
    this.send(msg);
  }
}

/** Whether removing `removed` deletes or moves what `pointer` points at (the entries after it in its list move up). */
export function movedBy(removed: string, pointer: string): boolean {
  const cut = removed.lastIndexOf('/');
  const index = removed.slice(cut + 1);
  const list = removed.slice(0, cut);
  if (!/^\d+$/.test(index) || !pointer.startsWith(list + '/')) return false;
  const at = pointer.slice(list.length + 1).split('/')[0]!;
  return /^\d+$/.test(at) && Number(at) >= Number(index);
}
