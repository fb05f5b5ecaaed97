import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CLAUSES } from '../../rules/src/clauses';
import { ConfigError } from '../../rules/src/config';
import { applyEdits, collectFixEdits } from '../../rules/src/fixes/apply';
import { relativePath, toPosix, type LoadedProject } from '../../rules/src/node/load-project';
import { buildComplianceReport } from '../../rules/src/report/compliance';
import { renderHtml, renderMarkdown } from '../../rules/src/report/render';
import { SEVERITY_RANK, type Finding, type Notice, type Severity } from '../../rules/src/types';
import { applyBaseline, readBaseline, writeBaseline } from './baseline';
import { formatJson, summarize } from './format/json';
import { toOutput } from './format/output-finding';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { formatGitlab } from './format/gitlab';
import { formatSummary } from './format/summary';
import type { CliIo } from './io';
import { TOOL_VERSION } from '../shared/version';
import { runEngine } from '../shared/run-engine';

export interface CheckOptions {
  paths: string[];
  format: 'text' | 'json' | 'sarif' | 'markdown' | 'html' | 'gitlab';
  output?: string;
  /** Also write a short Markdown summary (totals, findings per clause, top findings) to this file. */
  summary?: string;
  config?: string;
  manifest?: string;
  maxWarnings?: number;
  failOn: Severity | 'never';
  baseline?: string;
  updateBaseline: boolean;
  /** `safe`: only fixes marked safe (what --fix does); `all`: the first fix of every finding (--fix-unsafe). */
  fix: false | 'safe' | 'all';
  quiet: boolean;
  stdinFilename?: string;
  stdinText?: string;
  printConfig: boolean;
  printBindings: boolean;
  now: Date;
}

export function check(opts: CheckOptions, io: CliIo): number {
  const overlays = new Map<string, string>();
  let paths = opts.paths;
  if (opts.stdinFilename !== undefined) {
    const abs = toPosix(io.resolve(opts.stdinFilename));
    overlays.set(abs, opts.stdinText ?? '');
    paths = [abs];
  }
  // the scan is one synchronous pass: say what is happening, then clear the line before results
  if (io.isTTY) io.progress(`Policy Lens: checking ${paths.join(' ') || '.'}…`);
  let { loaded, result, engine } = runEngine(paths, { cwd: io.cwd, config: opts.config, manifest: opts.manifest, now: opts.now, overlays });
  if (io.isTTY) io.progress('');
  for (const p of loaded.explicitlyIncluded) io.err(`policy-lens: checking ${relativePath(io.cwd, p)} although it is excluded by default`);

  if (opts.printConfig) {
    const target = [...loaded.input.files.keys()].find((f) => f.startsWith(loaded.root)) ?? loaded.root + '/x.js';
    const cfg = loaded.input.configFor!(target);
    io.out(JSON.stringify({ path: cfg.path ?? null, ...cfg.raw, sdkModules: cfg.sdkModules, testGlobs: cfg.testGlobs, docsBaseUrl: cfg.docsBaseUrl, maxFileBytes: cfg.maxFileBytes }, null, 2) + '\n');
    return 0;
  }
  if (opts.printBindings) {
    const rel = (p: string) => relativePath(io.cwd, p);
    const lines = result.bindings.map((b) => `${rel(b.file)} -> ${b.app ? rel(b.app + '/web1on1-app.json') : '(no app: code rules only)'}${b.via === 'import' ? ' (imported by the app)' : ''}`);
    io.out(lines.join('\n') + '\n');
    return 0;
  }

  if (opts.fix) {
    const allowedRoots = [...new Set([loaded.root, ...result.apps.map((a) => a.root)])];
    const written = applyFixes(result.findings, loaded, allowedRoots, io, opts.fix === 'safe');
    if (written > 0) ({ loaded, result, engine } = runEngine(paths, { cwd: io.cwd, config: opts.config, manifest: opts.manifest, now: opts.now, overlays }));
    io.err(`policy-lens: fixed ${written} file(s)`);
  }

  const rel = (p: string) => relativePath(io.cwd, p);
  let findings = result.findings;
  if (opts.baseline) {
    const basePath = io.resolve(opts.baseline);
    if (opts.updateBaseline) {
      writeBaseline(basePath, findings, rel, existsSync(basePath) ? readBaseline(basePath) : undefined, opts.now);
      io.err(`policy-lens: baseline written to ${rel(basePath)}`);
    }
    if (existsSync(basePath)) {
      const outcome = applyBaseline(readBaseline(basePath), findings, rel);
      findings = outcome.findings;
      result.exemptions.push(...outcome.exemptions);
      for (const e of outcome.unmatched) result.notices.push({ file: basePath, kind: 'config', message: `Baseline entry matches nothing, remove it: ${e.ruleId} in ${e.file}` });
    } else if (!opts.updateBaseline) {
      throw new ConfigError(`${opts.baseline}: baseline file not found (create it with --update-baseline)`);
    }
  }

  const outputs = findings.map((f) => toOutput(f, rel));
  const notices = result.notices;
  let text: string;
  switch (opts.format) {
    case 'json':
      text = formatJson(outputs, { version: TOOL_VERSION, policyVersion: CLAUSES.policyVersion, summary: summarize(outputs, result.stats.codeFiles, result.stats.durationMs), notices: notices.map((n) => ({ ...n, file: rel(n.file) })) });
      break;
    case 'sarif':
      text = formatSarif(result, engine.rules, { version: TOOL_VERSION, root: io.cwd, relative: rel, findings });
      break;
    case 'gitlab':
      text = formatGitlab(outputs);
      break;
    case 'markdown':
    case 'html': {
      const report = buildComplianceReport({ result: { ...result, findings }, rules: engine.rules, toolVersion: TOOL_VERSION, now: opts.now, relative: rel });
      text = opts.format === 'markdown' ? renderMarkdown(report) : renderHtml(report);
      break;
    }
    default:
      text = formatText(outputs, notices, { color: io.color, relative: rel, files: result.stats.codeFiles, quiet: opts.quiet });
  }
  if (opts.output) writeOutput(io.resolve(opts.output), text);
  else io.out(text);
  if (opts.format !== 'text') for (const n of notices) io.err(`policy-lens: ${rel(n.file)}: ${n.message}`);
  const code = exitCode(findings, opts);
  if (opts.summary) {
    const report = buildComplianceReport({ result: { ...result, findings }, rules: engine.rules, toolVersion: TOOL_VERSION, now: opts.now, relative: rel });
    writeOutput(io.resolve(opts.summary), formatSummary(report, outputs, { top: 10, files: result.stats.codeFiles, failOn: opts.failOn, exitCode: code }));
  }
  return code;
}

function writeOutput(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

export function exitCode(findings: Finding[], opts: { failOn: Severity | 'never'; maxWarnings?: number }): number {
  const open = findings.filter((f) => !f.suppression);
  if (opts.failOn !== 'never' && open.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[opts.failOn as Severity])) return 1;
  if (opts.maxWarnings !== undefined && open.filter((f) => f.severity === 'warning').length > opts.maxWarnings) return 1;
  return 0;
}

/** Writes the first (safe) fix of each open finding, only into files under the checked roots; returns files written. */
function applyFixes(findings: Finding[], loaded: LoadedProject, allowedRoots: string[], io: CliIo, safeOnly: boolean): number {
  const edits = collectFixEdits(findings, { safeOnly });
  let written = 0;
  for (const [file, list] of edits) {
    if (!allowedRoots.some((r) => file.startsWith(r + '/'))) {
      io.err(`policy-lens: not writing ${relativePath(io.cwd, file)}: outside the checked folders`);
      continue;
    }
    const current = loaded.input.files.get(file) ?? (existsSync(file) ? readFileSync(file, 'utf8') : '');
    const next = applyEdits(current, list);
    if (next === current) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, next);
    written++;
  }
  return written;
}

export type { Notice };
