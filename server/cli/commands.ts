import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { allRules } from '../../rules/index';
import { CLAUSES, MANUAL_CHECKLIST, MANUAL_ONLY, PARTLY_AUTOMATED, clause } from '../../rules/src/clauses';
import { BUILTIN_RULES, docsUrl } from '../../rules/src/docs';
import { relativePath } from '../../rules/src/node/load-project';
import { readRuleDoc } from '../../rules/src/node/rule-docs';
import { complianceReportText } from '../shared/compliance-report';
import type { CliIo } from './io';
import { parseNow, UsageError } from './usage';

export function report(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' }, config: { type: 'string' }, manifest: { type: 'string' }, now: { type: 'string' } } });
  const format = values.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'html') throw new UsageError('report --format must be markdown or html');
  const text = complianceReportText({ paths: positionals, cwd: io.cwd, format, now: parseNow(values.now), config: values.config, manifest: values.manifest });
  if (values.output) {
    const out = io.resolve(values.output);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
    io.err(`policy-lens: report written to ${relativePath(io.cwd, out)}`);
  } else io.out(text);
  return 0;
}

export function listRules(args: string[], io: CliIo): number {
  const { values } = parseArgs({ args, options: { format: { type: 'string', short: 'f' } } });
  const rows = allRules.map((r) => ({ id: r.meta.id, clauses: r.meta.clauses, severity: r.meta.severity, target: r.meta.target, fixable: r.meta.fixable, description: r.meta.description, docs: docsUrl(r) }));
  if (values.format === 'json') {
    io.out(JSON.stringify({ rules: rows, builtin: BUILTIN_RULES, manualOnly: MANUAL_ONLY, partlyAutomated: PARTLY_AUTOMATED }, null, 2) + '\n');
    return 0;
  }
  if (values.format && values.format !== 'text') throw new UsageError('rules --format must be text or json');
  const w = Math.max(...rows.map((r) => r.id.length));
  for (const r of rows) io.out(`${r.id.padEnd(w)}  ${r.clauses.join(',').padEnd(9)} ${r.severity.padEnd(7)} ${r.description}\n`);
  io.out(`\nManual attestation only: ${MANUAL_ONLY.join(', ')}; partly automated: ${PARTLY_AUTOMATED.join(', ')}.\n`);
  return 0;
}

export function explain(args: string[], io: CliIo): number {
  const what = args[0];
  if (!what) throw new UsageError('explain needs a rule id or a clause id (e.g. hardcoded-credential, B.2)');
  const rule = allRules.find((r) => r.meta.id === what);
  if (rule) {
    io.out((readRuleDoc(rule) ?? `# ${rule.meta.id}\n\n${rule.meta.description}\n`) + `\nDocs: ${docsUrl(rule)}\n`);
    return 0;
  }
  const c = clause(what.toUpperCase());
  if (c) {
    const rules = allRules.filter((r) => r.meta.clauses.includes(c.id));
    io.out(`${c.id} (${c.sectionTitle}) — Web1on1 Developer Policy:\n  “${c.text}”\n\n`);
    if (rules.length) io.out(`Checked by:\n${rules.map((r) => `  ${r.meta.id}: ${r.meta.description}`).join('\n')}\n`);
    if (MANUAL_ONLY.includes(c.id) || PARTLY_AUTOMATED.includes(c.id)) io.out(`\nManual attestation (compliance.attestations["${c.id}"] in web1on1-app.json):\n  ${MANUAL_CHECKLIST[c.id]}\n`);
    return 0;
  }
  if (what in BUILTIN_RULES) {
    io.out(`${what}: ${BUILTIN_RULES[what as keyof typeof BUILTIN_RULES].description}\n`);
    return 0;
  }
  throw new UsageError(`"${what}" is neither a rule id nor a clause (${CLAUSES.clauses[0]!.id}–${CLAUSES.clauses[CLAUSES.clauses.length - 1]!.id}); see \`policy-lens rules\``);
}
