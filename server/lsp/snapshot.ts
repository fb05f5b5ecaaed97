// What a run of a project leaves for the handlers: the findings, the exact texts and versions they were
// computed from, and the quick path that re-checks only the edited open files on top of the last snapshot.
import type { Engine, ProjectInput, RunResult } from '../../rules/src/engine';
import { defaultConfig } from '../../rules/src/config';
import { moveFindings } from '../../rules/src/moved-findings';
import { isCodeFile } from '../../rules/src/parse';
import type { Finding } from '../../rules/src/types';

/** The text of an open document as the engine should see it, with the editor's version. */
export interface Overlay { text: string; version: number }

/** One finished run: findings by file plus the exact texts and versions they were computed from. */
export interface Snapshot {
  id: number;
  result: RunResult;
  /** File texts the run used (fix offsets refer to these). */
  files: ReadonlyMap<string, string>;
  /** Versions of the open documents the run used. */
  versions: ReadonlyMap<string, number>;
  /** Unsuppressed findings by file. */
  byFile: ReadonlyMap<string, Finding[]>;
  finishedAt: Date;
  configFor: NonNullable<ProjectInput['configFor']>;
  /** False for a quick snapshot: only edited files were re-checked, app-rule findings are held from before. */
  settled: boolean;
  /** Only the open files were checked (the folder is being indexed): no manifest-dependent findings yet. */
  partial: boolean;
}

let nextSnapshotId = 1;

/** A snapshot of a run, numbered in the order runs finish. */
export function snapshotOf(result: RunResult, files: ReadonlyMap<string, string>, versions: ReadonlyMap<string, number>, configFor: Snapshot['configFor'], how: { settled: boolean; partial: boolean }): Snapshot {
  return { id: nextSnapshotId++, result, files, versions, byFile: byFileOf(result), finishedAt: new Date(), configFor, ...how };
}

/** A run that checked nothing (a broken .policylens.json). */
export function emptySnapshot(versions: Map<string, number>): Snapshot {
  const result: RunResult = { findings: [], notices: [], exemptions: [], bindings: [], apps: [], facts: new Map(), stats: { codeFiles: 0, rulesRun: 0, clauseRules: new Map(), durationMs: 0 } };
  return snapshotOf(result, new Map(), versions, () => defaultConfig(), { settled: true, partial: false });
}

/**
 * The quick path: `last` with only the `pending` open code files re-checked (code rules fresh, app-rule
 * findings held and moved with the text). Undefined when a pending file is not an open code file of `last`,
 * or the engine cannot check one on its own: then only a full run will do.
 */
export function quickSnapshot(last: Snapshot, pending: ReadonlySet<string>, overlays: ReadonlyMap<string, Overlay>, engine: Engine, now: Date): Snapshot | undefined {
  for (const p of pending) if (!overlays.has(p) || !isCodeFile(p) || !last.files.has(p)) return undefined;
  const files = new Map(last.files);
  const versions = new Map(last.versions);
  let findings = last.result.findings;
  let exemptions = last.result.exemptions;
  let notices = last.result.notices;
  const facts = new Map(last.result.facts);
  for (const p of pending) {
    const o = overlays.get(p)!;
    const before = last.files.get(p)!;
    versions.set(p, o.version);
    if (before === o.text) continue;
    const held = moveFindings(findings.filter((f) => f.file === p && engine.isAppRuleFinding(f)), p, before, o.text);
    const r = engine.checkOne(p, o.text, now, held);
    if (!r) return undefined;
    files.set(p, o.text);
    findings = [...findings.filter((f) => f.file !== p), ...r.findings];
    exemptions = [...exemptions.filter((e) => !(e.kind === 'suppression' && e.file === p)), ...r.exemptions];
    notices = [...notices.filter((n) => n.file !== p), ...(r.notice ? [r.notice] : [])];
    if (r.facts) facts.set(p, r.facts);
    else facts.delete(p);
  }
  const byFile = new Map(last.byFile);
  for (const p of pending) byFile.set(p, findings.filter((f) => f.file === p && !f.suppression));
  return { ...last, id: nextSnapshotId++, result: { ...last.result, findings, exemptions, notices, facts }, files, versions, byFile, finishedAt: new Date(), settled: false };
}

/**
 * `last` with the findings of the edited open files moved to their current texts, unchecked: what a request
 * is answered from while a full run is under way, so that no finding points into text the editor no longer
 * has. Undefined when nothing edited differs from `last`.
 */
export function heldSnapshot(last: Snapshot, pending: ReadonlySet<string>, overlays: ReadonlyMap<string, Overlay>): Snapshot | undefined {
  const files = new Map(last.files);
  const versions = new Map(last.versions);
  let findings = last.result.findings;
  let changed = false;
  for (const p of pending) {
    const o = overlays.get(p);
    const before = last.files.get(p);
    if (!o || before === undefined || before === o.text) continue;
    changed = true;
    findings = [...findings.filter((f) => f.file !== p), ...moveFindings(findings.filter((f) => f.file === p), p, before, o.text)];
    files.set(p, o.text);
    versions.set(p, o.version);
  }
  if (!changed) return undefined;
  const result = { ...last.result, findings };
  return { ...last, id: nextSnapshotId++, result, files, versions, byFile: byFileOf(result), finishedAt: new Date(), settled: false };
}

/** Unsuppressed findings by file. */
function byFileOf(result: RunResult): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (f.suppression) continue;
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  return byFile;
}
