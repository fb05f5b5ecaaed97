// The open documents as the engine sees them: their texts, when each is checked (while typing or on save)
// and whether Policy Lens is enabled for it. Settings are applied here and nowhere else.
import type { Overlay } from './project';
import type { Session } from './session';
import { Settings } from './settings';
import type { OpenDocument } from './text-document';

/** Documents bigger than this are checked when opened and saved, not on every keystroke (PERF.md). */
const LARGE_DOCUMENT_CHARS = 1024 * 1024;

export class DocumentState {
  /** What the engine sees for each open document (in onSave mode: the text at open/save), by path. */
  readonly engineTexts = new Map<string, Overlay>();
  private readonly runModes = new Map<string, 'onType' | 'onSave'>();
  private readonly disabled = new Set<string>();
  private readonly largeNoted = new Set<string>();
  private readonly settings: Settings;

  constructor(private readonly session: Session) {
    this.settings = new Settings(session.connection, () => !!session.caps.workspace?.configuration, () => session.init.settings ?? {});
  }

  isDisabled(uri: string): boolean {
    return this.disabled.has(uri);
  }

  /** Waits for the document's settings (a pull is answered with them in force). */
  async settingsReady(uri: string): Promise<void> {
    await this.settings.for(uri);
  }

  /** Reads the document's settings and puts them in force: run mode, enabled or not. */
  async applySettings(uri: string): Promise<void> {
    const s = await this.settings.for(uri);
    this.runModes.set(uri, s.run);
    if (s.enable) this.disabled.delete(uri);
    else this.disabled.add(uri);
  }

  /** The client said settings changed: read them again for every open document. */
  reconfigure(): void {
    this.settings.clear();
    for (const doc of this.session.documents.all()) void this.applySettings(doc.uri);
  }

  /** onSave by setting, or because the document is too big to re-check per keystroke. */
  checksOnSave(doc: OpenDocument): boolean {
    if (this.runModes.get(doc.uri) === 'onSave') return true;
    if (doc.getText().length <= LARGE_DOCUMENT_CHARS) return false;
    if (!this.largeNoted.has(doc.uri)) {
      this.largeNoted.add(doc.uri);
      this.session.log(`${doc.uri} is over 1 MiB: it is checked when saved, not while typing`);
    }
    return true;
  }

  /** The engine now sees the document's current text. */
  takeText(path: string, doc: OpenDocument): void {
    this.engineTexts.set(path, { text: doc.getText(), version: doc.version });
  }

  /** A closed document: the engine reads the file from disk again. */
  closed(uri: string, path: string | undefined): void {
    this.engineTexts.delete(path ?? '');
    this.runModes.delete(uri);
  }
}
