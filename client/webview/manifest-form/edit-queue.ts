// The form's outgoing edits, one in flight at a time: each waits for the host's answer (with the new
// document version) before the next is sent, so the form never races its own edits. Typing into a field
// coalesces into one pending value per field.
import type { EditMessage, JsonValue } from '../../src/manifest-editor/messages';

export type Op = { type: 'set'; pointer: string; value: JsonValue } | { type: 'append'; pointer: string; value: JsonValue } | { type: 'remove'; pointer: string };
type Queued = Op & { baseVersion: number };

export class EditQueue {
  private pending: Queued[] = [];
  private inFlight: (EditMessage & { baseVersion: number }) | undefined;
  private nextId = 1;
  /** The newest document version this form has seen (rendered or acknowledged). */
  version = 0;

  constructor(private readonly send: (m: EditMessage) => void, private readonly refused: (reason: string) => void) {}

  push(op: Op): void {
    const last = this.pending[this.pending.length - 1];
    // typing: a newer value for the same field replaces the unsent one
    if (op.type === 'set' && last?.type === 'set' && last.pointer === op.pointer) last.value = op.value;
    else this.pending.push({ ...op, baseVersion: this.version });
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

  ack(id: number, applied: boolean, version: number, reason?: string): void {
    const done = this.inFlight;
    if (!done || done.id !== id) return;
    this.inFlight = undefined;
    if (!applied) {
      // the form re-renders from the document; what was typed on top of the refused change goes too
      this.pending = [];
      this.refused(reason ?? 'The change was not applied.');
    } else if (version === done.baseVersion + 1) {
      // our edit was the only change: edits queued on the old version are on the new one
      for (const p of this.pending) if (p.baseVersion === done.baseVersion) p.baseVersion = version;
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
