// The server's copy of an open document. We own its line table (rules/src/positions.ts) instead of using
// vscode-languageserver-textdocument: its 1.0.12 rebuilds the line starts from the inserted text alone, so an
// edit that forms or splits a `\r\n` at its edge (a `\r` typed before a `\n`, a paste from another editor)
// leaves a wrong table, and every later edit, range and fix lands at the wrong offset. VS Code normalises line
// endings; Neovim, Helix and pasted text do not.
import { Position, TextDocumentContentChangeEvent, type Range, type TextDocumentsConfiguration } from 'vscode-languageserver';
import { LineIndex } from '../../rules/src/positions';

/** One version of an open document: text and line table come from one LineIndex, so they cannot disagree. */
export class OpenDocument {
  constructor(readonly uri: string, readonly languageId: string, readonly version: number, readonly lines: LineIndex) {}

  getText(range?: Range): string {
    const text = this.lines.text;
    return range ? text.slice(this.lines.offset(range.start), this.lines.offset(range.end)) : text;
  }

  positionAt(offset: number): Position {
    return this.lines.position(offset);
  }

  offsetAt(position: Position): number {
    return this.lines.offset(position);
  }

  get lineCount(): number {
    return this.lines.lineCount();
  }

  /** The next version: `changes` applied in order, each to the text the previous one left (LSP didChange). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): OpenDocument {
    let lines = this.lines;
    for (const change of changes) {
      if (TextDocumentContentChangeEvent.isIncremental(change) && isPosition(change.range.start) && isPosition(change.range.end)) {
        const a = lines.offset(change.range.start);
        const b = lines.offset(change.range.end);
        lines = lines.withEdit(Math.min(a, b), Math.max(a, b), change.text);
      } else if (TextDocumentContentChangeEvent.isFull(change)) {
        lines = new LineIndex(change.text);
      } else {
        throw new Error(`${this.uri}: a didChange content change needs a text and, for an incremental one, a range of two positions; got ${JSON.stringify(change).slice(0, 200)}`);
      }
    }
    return new OpenDocument(this.uri, this.languageId, version, lines);
  }
}

function isPosition(p: unknown): p is Position {
  return Position.is(p);
}

export const openDocuments: TextDocumentsConfiguration<OpenDocument> = {
  create: (uri, languageId, version, text) => new OpenDocument(uri, languageId, version, new LineIndex(text)),
  update: (doc, changes, version) => doc.update(changes, version),
};
