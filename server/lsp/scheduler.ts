// When checks run: a quick push of the edited document a moment after a keystroke, a full run once typing
// pauses, runs stopped by a reload or a cancelled request, and one log line per full check.
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { DocumentState } from './documents';
import type { Project, Snapshot } from './project';
import { countOf, type Publisher } from './publisher';
import type { Session } from './session';
import { uriToPath } from './uri';

/** Push mode waits this long after the last keystroke; pull mode answers at once (the client paces). */
const PUSH_DELAY_MS = 150;
/** Findings of other open files (manifest scopes …) follow an edit only once typing pauses: no flicker. */
export const SETTLE_DELAY_MS = 400;

export function requestCancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled by the client');
}

export class Scheduler {
  private readonly timers = new Map<Project, NodeJS.Timeout>();
  private readonly quickTimers = new Map<Project, NodeJS.Timeout>();
  /** Files changed since each project's last full run: the output channel says what a check was for. */
  private readonly touched = new Map<Project, Set<string>>();
  /** The snapshot each project last reported in the status. */
  private readonly statusOf = new WeakMap<Project, Snapshot>();

  constructor(
    private readonly session: Session,
    private readonly docs: DocumentState,
    private readonly publisher: Publisher,
  ) {}

  touch(project: Project, path: string): void {
    const set = this.touched.get(project) ?? new Set<string>();
    this.touched.set(project, set.add(path));
  }

  /** A full run of the project after `delay` ms, replacing one already waiting. */
  schedule(project: Project, delay: number): void {
    clearTimeout(this.timers.get(project));
    this.timers.set(project, setTimeout(() => {
      this.timers.delete(project);
      this.runAndPublishSafely(project);
    }, delay));
  }

  /** A full run now, whose failure is logged: a run stopped by a reload is followed by the reload's own, and no failure takes the server down. */
  runAndPublishSafely(project: Project): void {
    this.runAndPublish(project).catch((e: Error) => {
      if (!(e instanceof this.session.engine().RunCancelled)) this.session.connection.console.error(`Policy Lens: checking ${project.root} failed: ${e.stack ?? e.message}`);
    });
  }

  /** Push clients: the edited document's quick findings, a moment after the keystroke. */
  scheduleQuickPush(project: Project, uri: string): void {
    clearTimeout(this.quickTimers.get(project));
    this.quickTimers.set(project, setTimeout(() => {
      this.quickTimers.delete(project);
      const doc = this.session.documents.get(uri);
      if (doc) this.safely(project, () => this.publisher.publish(uri, this.publisher.diagnosticsFor(uri, this.run(project), doc.version), doc.version));
    }, PUSH_DELAY_MS));
  }

  /** A failed run must not take the server down: it is logged and the next edit tries again. */
  private safely(project: Project, run: () => void): void {
    try {
      run();
    } catch (e) {
      this.session.connection.console.error(`Policy Lens: checking ${project.root} failed: ${(e as Error).stack ?? String(e)}`);
    }
  }

  /** Every project read again from disk and checked. */
  refreshAll(): void {
    for (const p of this.session.workspace().all()) {
      p.reload();
      this.schedule(p, 0);
    }
  }

  /** The project's current findings: quick (only edited files re-checked) when that is all that changed. */
  run(project: Project): Snapshot {
    return this.track(project, project.snapshot(this.docs.engineTexts));
  }

  /** A full run: everything up to date, manifest-dependent findings included. */
  settled(project: Project): Snapshot {
    return this.track(project, project.settle(this.docs.engineTexts));
  }

  /** `full`: callers that show manifest-dependent results (lenses, the manifest form) wait for a full run. */
  snapshotFor(uri: string, full = false): { path: string; snap: Snapshot } | undefined {
    const path = uriToPath(uri);
    if (!path) return undefined;
    const project = this.session.workspace().projectFor(path);
    return { path, snap: full ? this.settled(project) : this.run(project) };
  }

  /** Notes a snapshot a project produced: a new full run is logged and updates the status. */
  track(project: Project, snap: Snapshot): Snapshot {
    const before = this.statusOf.get(project);
    this.statusOf.set(project, snap);
    // the status counts follow full runs: a keystroke does not redraw the status bar
    if (snap !== before && snap.settled) {
      if (project.error) this.session.connection.console.error(`Policy Lens: ${project.error}`);
      for (const n of project.newNotices()) this.session.log(`${n.file}: ${n.message}`);
      if (!project.error && !snap.partial) this.logCheck(project, snap);
      this.publisher.sendStatus();
    }
    return snap;
  }

  /** The full run behind the edits: it hands the thread back between files, so requests are answered meanwhile. */
  async runAndPublish(project: Project): Promise<void> {
    clearTimeout(this.quickTimers.get(project));
    const snap = this.track(project, await project.settleAsync(this.docs.engineTexts));
    this.publisher.publishRun(project, snap);
  }

  /**
   * A wait for a full run the client cancelled answers "request cancelled"; one the server gave up (the folder
   * is being re-read) answers "server cancelled", and the client asks again.
   */
  async cancellable(run: Promise<Snapshot>, token: CancellationToken): Promise<Snapshot> {
    try {
      return await run;
    } catch (e) {
      if (!(e instanceof this.session.engine().RunCancelled)) throw e;
      if (token.isCancellationRequested) throw requestCancelled();
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The folder is being checked again', { retriggerRequest: true });
    }
  }

  /** One info line per full check: what it was for, how long it took, what it found. */
  private logCheck(project: Project, snap: Snapshot): void {
    const changed = [...(this.touched.get(project) ?? [])].map((f) => (project.contains(f) ? f.slice(project.root.length + 1) || f : f));
    this.touched.delete(project);
    const c = countOf(snap.byFile.values());
    const what = changed.length ? ` after changes to ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''}` : '';
    const stats = snap.result.stats;
    this.session.connection.console.info(`Checked ${project.root}${what}: ${stats.codeFiles} code file(s) in ${Math.round(stats.durationMs)} ms; ${c.errors} error(s), ${c.warnings} warning(s), ${c.infos} info(s)`);
  }
}
