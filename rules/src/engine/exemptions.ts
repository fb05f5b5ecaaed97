// Everything that accepts a finding or turns a rule off, each needing a reason: source suppression comments,
// manifest `ignore` entries, and config (rules off, excluded globs). Broken or unused ones are findings.
import type { AppInfo } from '../app';
import { ruleSetting, type ResolvedConfig } from '../config';
import { LineIndex } from '../positions';
import type { Rule } from '../rule';
import type { SuppressionComment } from '../suppressions';
import type { Finding } from '../types';
import { finding } from './findings';
import { INVALID_SUPPRESSION_ID, type Exemption } from './types';

/** A file's suppression comments (with fresh `used` flags for this run) and its line table. */
export type FileSuppressions = { comments: SuppressionComment[]; lines: LineIndex };

function invalidFinding(message: string, file: string, lines: LineIndex, start: number, end: number): Finding {
  return finding(INVALID_SUPPRESSION_ID, ['F.5'], 'warning', `[F.5] ${message}`, file, lines, start, end);
}

/**
 * Source comments silence findings on their target line; the findings returned are the comments that are
 * broken or silence nothing.
 */
export function applySuppressions(findings: Finding[], byFile: ReadonlyMap<string, FileSuppressions>, exemptions: Exemption[], checkFiles?: ReadonlySet<string>, reportUnused = true): Finding[] {
  for (const f of findings) {
    const s = byFile.get(f.file);
    if (!s) continue;
    const c = s.comments.find((c) => !c.problem && c.targetLine === f.range.start.line && c.ruleIds.includes(f.ruleId));
    if (c) {
      c.used = true;
      f.suppression = { kind: 'inSource', justification: c.reason!, until: c.until, location: { file: f.file, line: c.line + 1 } };
      exemptions.push({ kind: 'suppression', ruleId: f.ruleId, what: `line ${c.targetLine + 1}`, reason: c.reason!, until: c.until, file: f.file, line: c.line + 1 });
    }
  }
  const invalid: Finding[] = [];
  for (const [file, s] of byFile) {
    if (checkFiles && !checkFiles.has(file)) continue;
    for (const c of s.comments) {
      const problem = c.problem ?? (c.used || !reportUnused ? undefined : `this suppression silences nothing on line ${c.targetLine + 1}`);
      if (!problem) continue;
      invalid.push(invalidFinding(`Invalid suppression: ${problem}`, file, s.lines, c.start, c.end));
    }
  }
  return invalid;
}

/**
 * Manifest `ignore` entries ({ rule, pointer?, reason }) accept findings of the app the way a source
 * comment does; without a reason or matching nothing they are findings themselves.
 */
export function applyManifestIgnores(apps: readonly AppInfo[], ruleIds: ReadonlySet<string>, findings: Finding[], exemptions: Exemption[]): void {
  for (const app of apps) {
    const entries = app.manifestObject()?.ignore;
    if (!entries || !app.manifest) continue;
    const lines = new LineIndex(app.manifest.text);
    entries.forEach((e, i) => {
      const rule = e?.rule ?? '';
      const pointer = e?.pointer;
      const reason = e?.reason?.trim() ?? '';
      const at = app.manifest!.rangeOf(`/ignore/${i}`);
      const invalid = (why: string) => findings.push(invalidFinding(`Invalid exemption: ${why}`, app.manifestPath, lines, at.start, at.end));
      if (!ruleIds.has(rule)) return invalid(`ignore entry ${i} names ${rule ? `unknown rule "${rule}"` : 'no rule'}`);
      if (!reason) return invalid(`ignoring "${rule}" needs a reason`);
      const inApp = (f: Finding) => f.file === app.manifestPath || f.file.startsWith(app.root + '/');
      const matches = findings.filter((f) => f.ruleId === rule && !f.suppression && inApp(f) && (pointer === undefined || (f.pointer !== undefined && (f.pointer === pointer || f.pointer.startsWith(pointer + '/')))));
      if (!matches.length) return invalid(`ignore entry ${i} ("${rule}"${pointer ? ` at ${pointer}` : ''}) silences nothing`);
      for (const f of matches) f.suppression = { kind: 'external', justification: reason, location: { file: app.manifestPath, line: at.start >= 0 ? lines.position(at.start).line + 1 : 1 } };
      exemptions.push({ kind: 'manifest-ignore', ruleId: rule, what: pointer ? `${rule} at ${pointer}` : `${rule} in ${app.root}`, reason, file: app.manifestPath, line: lines.position(at.start).line + 1 });
    });
  }
}

/**
 * Config exemptions need reasons: the findings returned are the ones without; rules turned off and globs
 * excluded with a reason are listed in `exemptions` for the report.
 */
export function configExemptions(configs: Iterable<ResolvedConfig>, rules: readonly Rule[], exemptions: Exemption[]): Finding[] {
  const invalid: Finding[] = [];
  for (const cfg of configs) {
    if (!cfg.path || !cfg.text) continue;
    const lines = new LineIndex(cfg.text);
    for (const rule of rules) {
      const s = ruleSetting(cfg, rule.meta.id, { severity: rule.meta.severity });
      const at = Math.max(0, cfg.text.indexOf(`"${rule.meta.id}"`));
      if (s.invalid) invalid.push(invalidFinding(`Invalid exemption: ${s.invalid}`, cfg.path, lines, at, at + rule.meta.id.length + 2));
      if (s.offReason) exemptions.push({ kind: 'rule-off', ruleId: rule.meta.id, what: `rule ${rule.meta.id} off in ${cfg.path}`, reason: s.offReason, file: cfg.path });
    }
    for (const ex of cfg.raw.exclude ?? []) {
      const glob = typeof ex === 'string' ? ex : ex.glob;
      const reason = typeof ex === 'string' ? undefined : ex.reason?.trim();
      const at = Math.max(0, cfg.text.indexOf(JSON.stringify(glob)));
      if (!reason) invalid.push(invalidFinding(`Invalid exemption: excluding "${glob}" needs a reason`, cfg.path, lines, at, at + glob.length + 2));
      else exemptions.push({ kind: 'exclude', what: glob, reason, file: cfg.path });
    }
  }
  return invalid;
}
