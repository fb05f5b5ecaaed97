// Summarises a V8 .cpuprofile of the bundled CLI: self time by source file:function (mapped back through the
// bundle's source map), and inclusive time by area (the TypeScript parser, each rule folder, the engine's
// model, …) so that "where does a cold check go" has an answer in file:function terms.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[]; positionTicks?: { line: number; ticks: number }[] }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

export interface CostRow { what: string; ms: number; pct: number }
export interface HotLine { where: string; ms: number; code: string }
export interface ProfileSummary {
  totalMs: number;
  /** Every sample once, by who asked for the work: the outermost rule, the parser, the model, … (sums to 100%). */
  split: CostRow[];
  topSelf: CostRow[];
  areasInclusive: CostRow[];
  areasSelf: CostRow[];
  hotLines: HotLine[];
}

export function summarizeProfile(profilePath: string, bundlePath: string, repo: string, top = 20): ProfileSummary {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile;
  const map = new SourceMap(JSON.parse(readFileSync(bundlePath + '.map', 'utf8')));
  const bundleUrl = 'file://' + resolve(bundlePath);
  const mapDir = resolve(bundlePath, '..');
  const bundleLines = readFileSync(bundlePath, 'utf8').split('\n');
  // the source text as bundled (sourcesContent), not as it is on disk now: the tree may have moved on since
  const payload = map.payload as { sources: string[]; sourcesContent?: (string | null)[] };
  const contentOf = new Map<string, string>();
  payload.sources.forEach((src, i) => {
    const text = payload.sourcesContent?.[i];
    if (text) contentOf.set(relative(repo, src.startsWith('file://') ? fileURLToPath(src) : resolve(mapDir, src)), text);
  });
  const sourceLines = new Map<string, string[]>();
  const codeAt = (file: string, line: number) => {
    let ls = sourceLines.get(file);
    if (!ls) sourceLines.set(file, (ls = (contentOf.get(file) ?? '').split('\n')));
    return (ls[line - 1] ?? '').trim().slice(0, 110);
  };
  const isBundle = (url: string) => url === bundleUrl || url === resolve(bundlePath);
  /** Generated 0-based line/column → repo-relative source and 1-based line. */
  const original = (line: number, column: number): { source: string; line: number } | undefined => {
    const e = map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
    if (!e.originalSource) return undefined;
    const abs = e.originalSource.startsWith('file://') ? fileURLToPath(e.originalSource) : resolve(mapDir, e.originalSource);
    return { source: relative(repo, abs), line: (e.originalLine ?? 0) + 1 };
  };

  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }

  // where a frame comes from: "rules/code/x/x.ts:fn" (mapped) or the V8 pseudo-frame
  const frameInfo = new Map<number, { key: string; area: string }>();
  const info = (id: number) => {
    let fi = frameInfo.get(id);
    if (fi) return fi;
    const cf = byId.get(id)!.callFrame;
    let source = cf.url;
    let line = cf.lineNumber + 1;
    if (isBundle(cf.url)) {
      const o = original(cf.lineNumber, cf.columnNumber);
      if (o) ({ source, line } = o);
      else source = '(bundle glue, unmapped)';
    } else if (!cf.url) {
      source = '';
    }
    const fn = cf.functionName || `(anonymous:${line})`;
    const key = source ? `${source}:${fn}` : fn;
    fi = { key, area: areaOf(source, cf.functionName) };
    frameInfo.set(id, fi);
    return fi;
  };

  const split = new Map<string, number>();
  const self = new Map<string, number>();
  const areaSelf = new Map<string, number>();
  const areaIncl = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000; // a sample's time runs to the next one
    total += dt;
    const leaf = info(id);
    self.set(leaf.key, (self.get(leaf.key) ?? 0) + dt);
    areaSelf.set(leaf.area, (areaSelf.get(leaf.area) ?? 0) + dt);
    const stack: string[] = [];
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) stack.push(info(n).area);
    const who = splitOf(stack.reverse(), leaf.area);
    split.set(who, (split.get(who) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const a = info(n).area;
      if (ROOT_AREAS.has(a) || seen.has(a)) continue;
      seen.add(a);
      areaIncl.set(a, (areaIncl.get(a) ?? 0) + dt);
    }
  }
  // hot lines inside our own functions (V8's per-line ticks, mapped back to the source)
  const selfOfNode = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfOfNode.set(id, (selfOfNode.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000);
  }
  const lineMs = new Map<string, { ms: number; code: string }>();
  for (const n of profile.nodes) {
    const ms = selfOfNode.get(n.id);
    if (!ms || !n.positionTicks?.length || !isBundle(n.callFrame.url)) continue;
    const ticks = n.positionTicks.reduce((a, t) => a + t.ticks, 0);
    for (const t of n.positionTicks) {
      const gl = bundleLines[t.line - 1] ?? '';
      const o = original(t.line - 1, Math.max(0, gl.search(/\S/)));
      if (!o || !/^(rules|server)\//.test(o.source)) continue;
      const where = `${o.source}:${o.line}`;
      const e = lineMs.get(where) ?? { ms: 0, code: codeAt(o.source, o.line) };
      e.ms += (ms * t.ticks) / ticks;
      lineMs.set(where, e);
    }
  }
  const hotLines = [...lineMs].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15).map(([where, e]) => ({ where, ms: Math.round(e.ms), code: e.code }));

  const rows = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([what, ms]) => ({ what, ms: Math.round(ms), pct: Math.round((ms / total) * 1000) / 10 }));
  return { totalMs: Math.round(total), split: rows(split, 40), topSelf: rows(self, top), areasInclusive: rows(areaIncl, 40), areasSelf: rows(areaSelf, 15), hotLines };
}

const OWNERS: [RegExp, string][] = [
  [/^rule /, ''],
  [/^rules\/src\/parse$/, 'parsing (rules/src/parse → TypeScript)'],
  [/^rules\/src\/model$/, 'file model + facts (rules/src/model)'],
  [/^rules\/src\/suppressions$/, 'suppression comments (rules/src/suppressions)'],
  [/^package minimatch$/, 'glob matching (minimatch)'],
  [/^package ajv$/, 'config schema (ajv)'],
  [/^rules\/src\/node$/, 'reading files (loadProject)'],
];

/** The outermost frame that owns the work (a rule that calls the model pays for it), root first. */
function splitOf(rootFirst: string[], leafArea: string): string {
  for (const a of rootFirst) {
    for (const [re, label] of OWNERS) if (re.test(a)) return label || a;
  }
  if (leafArea.startsWith('(')) return leafArea;
  if (rootFirst.includes('rules/src/engine')) return 'engine (other)';
  if (rootFirst.includes('server/cli')) return 'CLI (other: output …)';
  return 'start-up (module loading) and other';
}

/** Areas that sit at the root of every stack: their inclusive time would be everything. */
const ROOT_AREAS = new Set(['(other)', 'node internals', '(bundle glue, unmapped)', 'server/cli']);

function areaOf(source: string, fn: string): string {
  if (!source) {
    if (fn === '(garbage collector)' || fn === '(program)' || fn === '(idle)') return fn;
    return '(other)';
  }
  if (source.startsWith('node:')) return 'node internals';
  if (source.startsWith('(')) return source;
  let m = /rules\/(code|manifest)\/([^/]+)\//.exec(source);
  if (m) return `rule ${m[2]}`;
  if (/typescript\.js$/.test(source)) return 'typescript (parser/scanner/utilities)';
  if (source.includes('node_modules/ts-morph') || source.includes('node_modules/@ts-morph')) return 'ts-morph';
  m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
  if (m) return `package ${m[1]}`;
  m = /^(rules\/src\/[^/]+?)(?:\.ts$|\/)/.exec(source);
  if (m) return m[1]!;
  m = /^(server\/[^/]+)/.exec(source);
  if (m) return m[1]!;
  return source;
}
