import { readFileSync, writeFileSync } from 'node:fs';
import { ConfigError } from '../../rules/src/config';
import type { Exemption } from '../../rules/src/engine';
import type { Finding } from '../../rules/src/types';

export interface BaselineEntry { ruleId: string; file: string; partialFingerprint: string; reason: string }
export interface Baseline { version: 1; entries: BaselineEntry[] }

export function readBaseline(path: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${path}: the baseline is not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  const b = raw as Baseline;
  if (!b || !Array.isArray(b.entries) || b.entries.some((e) => typeof e?.ruleId !== 'string' || typeof e?.file !== 'string' || typeof e?.partialFingerprint !== 'string')) {
    throw new ConfigError(`${path}: expected { "version": 1, "entries": [{ "ruleId", "file", "partialFingerprint", "reason" }] }`);
  }
  return b;
}

/** Matched findings become suppressed (external); entries without a reason do not suppress. */
export function applyBaseline(b: Baseline, findings: Finding[], relative: (p: string) => string): { findings: Finding[]; exemptions: Exemption[]; unmatched: BaselineEntry[] } {
  const used = new Set<BaselineEntry>();
  const exemptions: Exemption[] = [];
  const out = findings.map((f) => {
    if (f.suppression) return f;
    const e = b.entries.find((x) => !used.has(x) && x.ruleId === f.ruleId && x.file === relative(f.file) && x.partialFingerprint === f.fingerprint && x.reason?.trim());
    if (!e) return f;
    used.add(e);
    exemptions.push({ kind: 'baseline', ruleId: f.ruleId, what: `${e.file}:${f.range.start.line + 1}`, reason: e.reason, file: f.file });
    return { ...f, suppression: { kind: 'external' as const, justification: e.reason } };
  });
  return { findings: out, exemptions, unmatched: b.entries.filter((e) => !used.has(e)) };
}

/** Writes every open finding into the baseline, keeping the reasons of entries that still match. */
export function writeBaseline(path: string, findings: Finding[], relative: (p: string) => string, previous: Baseline | undefined, now: Date): void {
  const entries: BaselineEntry[] = findings
    .filter((f) => !f.suppression)
    .map((f) => {
      const file = relative(f.file);
      const old = previous?.entries.find((e) => e.ruleId === f.ruleId && e.file === file && e.partialFingerprint === f.fingerprint);
      return { ruleId: f.ruleId, file, partialFingerprint: f.fingerprint ?? '', reason: old?.reason ?? `accepted into the baseline on ${now.toISOString().slice(0, 10)}` };
    });
  writeFileSync(path, JSON.stringify({ version: 1, entries } satisfies Baseline, null, 2) + '\n');
}
