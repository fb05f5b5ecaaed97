// Policy Lens's own requests (protocol.ts): check the workspace, a first manifest, rules, reports, the
// listing preview, the manifest form's state and the benchmarks' memory figure.
import { CancellationToken } from 'vscode-languageserver';
import {
  CheckWorkspaceRequest,
  ExportReportRequest,
  InitialManifestRequest,
  ListingRequest,
  ManifestStateRequest,
  MemoryRequest,
  ReportRequest,
  RuleInfoRequest,
  RuleListRequest,
  type CheckWorkspaceResult,
  type ExportReportParams,
  type ExportReportResult,
  type InitialManifestParams,
  type InitialManifestResult,
} from '../protocol';
import { pathToUri, uriToPath } from '../uri';
import type { ServerParts } from './parts';

export function registerRequests(parts: ServerParts): void {
  const { session, scheduler } = parts;
  const { connection } = session;

  // vscode-jsonrpc hands a request sent without params the token alone, as its first argument
  connection.onRequest(CheckWorkspaceRequest, (...args: unknown[]) => checkWorkspace(parts, args.find((a): a is CancellationToken => CancellationToken.is(a)) ?? CancellationToken.None));
  connection.onRequest(InitialManifestRequest, (p) => initialManifest(parts, p));
  connection.onRequest(RuleInfoRequest, (p) => session.engine().ruleInfo(p.id, session.docsBaseFor(undefined)) ?? null);
  connection.onRequest(RuleListRequest, () => session.engine().allRules.map((r) => ({ id: r.meta.id, description: r.meta.description, clauses: r.meta.clauses })));

  connection.onRequest(ReportRequest, async (p) => {
    const project = session.projectOf(p.uri);
    await project?.whenIndexed();
    if (!project) return { markdown: '# Policy Lens\n\nOpen a folder with a Web1on1 app to get its compliance report.\n' };
    return { markdown: session.engine().complianceMarkdown(scheduler.settled(project), project.root) };
  });

  connection.onRequest(ExportReportRequest, (p) => exportReport(parts, p));

  connection.onRequest(ListingRequest, async (p) => {
    await session.indexedProjects();
    return session.engine().listing(p, (path) => {
      const project = session.workspace().projectFor(path);
      return { snap: scheduler.settled(project), root: project.root };
    });
  });

  connection.onRequest(ManifestStateRequest, async (p) => {
    await session.indexed(p.uri);
    const s = scheduler.snapshotFor(p.uri, true);
    return s ? session.engine().manifestState(s.path, s.snap) : { version: null, findings: [], callSites: {}, missingScopes: [], scopeStates: [], evidenceLost: [] };
  });

  connection.onRequest(MemoryRequest, async () => {
    // measured once the index is in and checked, as a user's idle server holds it: after the full run that
    // follows indexing, not beside it (a second, synchronous run while that one was half way held both runs'
    // results: 165 MiB of heap instead of 65 when the request came early, as it does on a busy machine)
    await session.indexedProjects();
    for (const p of session.workspace().all()) {
      await p.fullRunDone();
      scheduler.settled(p);
    }
    // a plain collection leaves the freed pages pooled: V8 hands them back to the system seconds later (slower
    // on a busy machine), so the RSS read right after it was anywhere in that decay (measured 237 → 196 MiB
    // over 4 s). A last-resort collection after it returns them now (alone, Node 20 does not collect first):
    // the figure an idle server settles at.
    const gc = (globalThis as { gc?: (o?: object) => void }).gc;
    gc?.();
    gc?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    const m = process.memoryUsage();
    const files = session.workspace().all().reduce((n, p) => n + (p.last?.files.size ?? 0), 0);
    return { heapUsed: m.heapUsed, rss: m.rss, files };
  });
}

async function checkWorkspace({ session, publisher, scheduler, docs }: ServerParts, token: CancellationToken): Promise<CheckWorkspaceResult> {
  const t0 = Date.now();
  for (const p of session.workspace().all()) await p.whenIndexed();
  const progress = await session.connection.window.createWorkDoneProgress();
  const projects = session.workspace().all();
  progress.begin('Policy Lens', 0, `Checking ${projects.length} folder(s)…`, false);
  for (const [i, p] of projects.entries()) {
    progress.report(Math.round((i / Math.max(1, projects.length)) * 100), p.root);
    p.reload();
    try {
      scheduler.track(p, await scheduler.cancellable(p.settleAsync(docs.engineTexts, token), token));
    } catch (e) {
      progress.done();
      throw e;
    }
    await scheduler.runAndPublish(p);
  }
  progress.done();
  const c = publisher.shownCounts();
  return { ...c, findings: c.errors + c.warnings + c.infos, durationMs: Date.now() - t0 };
}

async function initialManifest({ session, scheduler }: ServerParts, p: InitialManifestParams): Promise<InitialManifestResult> {
  const dir = uriToPath(p.folder);
  if (!dir) return { ok: false, message: `Policy Lens can create a manifest only in a folder on disk, not in ${p.folder}.` };
  const project = session.workspace().projectFor(dir);
  await project.whenIndexed();
  const snap = scheduler.settled(project);
  if (project.error) return { ok: false, message: `Fix .policylens.json first: ${project.error}` };
  const inside = snap.result.apps.filter((a) => a.root === dir || a.root.startsWith(dir + '/'));
  const here = inside.find((a) => a.root === dir);
  if (here?.hasManifest) return { ok: false, message: `${here.manifestPath} already exists.`, existing: pathToUri(here.manifestPath) };
  const without = inside.filter((a) => !a.hasManifest);
  const app = here ?? (without.length === 1 ? without[0] : undefined);
  if (!app && without.length > 1) return { ok: false, message: 'Several apps in this folder have no manifest: pick one.', choices: without.map((a) => pathToUri(a.root)) };
  const root = app?.root ?? dir;
  const text = session.engine().initialManifestForFolder(snap.result, root, (f) => snap.files.get(f));
  return { ok: true, uri: pathToUri(`${root}/web1on1-app.json`), text, scopes: (text.match(/"scope":/g) ?? []).length };
}

function exportReport({ session, docs }: ServerParts, p: ExportReportParams): ExportReportResult {
  const engine = session.engine();
  const project = session.projectOf(p.uri);
  if (!project) return { ok: false, message: 'Open a folder with a Web1on1 app to export its compliance report.' };
  const now = p.now === undefined ? new Date() : engine.runDate(p.now);
  if (!now) return { ok: false, message: `The report date must be YYYY-MM-DD, not "${p.now}".` };
  if (p.format !== 'markdown' && p.format !== 'html') return { ok: false, message: 'The report format must be markdown or html.' };
  // a fresh run through the CLI's own function (with the unsaved buffers): identical output by construction
  const overlays = new Map([...docs.engineTexts].filter(([path]) => project.contains(path)).map(([path, o]) => [path, o.text]));
  try {
    return { ok: true, text: engine.complianceReportText({ paths: [], cwd: project.root, format: p.format, now, overlays }), root: project.root };
  } catch (e) {
    return { ok: false, message: `The report could not be built: ${(e as Error).message}` };
  }
}
