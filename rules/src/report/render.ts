import type { ClauseReport, ComplianceReport, ReportFinding } from './compliance';

/**
 * Markdown and HTML renderings of one report model, so the CLI and the extension export the same
 * content. Every string from the workspace is escaped for its target.
 */
export function renderMarkdown(r: ComplianceReport): string {
  const out: string[] = [];
  out.push(`# ${r.title}`, '');
  out.push(`> ${r.disclaimer}`, '');
  out.push('| | |', '|---|---|');
  out.push(`| Generated | ${md(r.generated)} |`);
  out.push(`| Tool | Policy Lens ${md(r.toolVersion)}, rule pack ${md(r.rulePackHash)} |`);
  out.push(`| Policy | ${md(r.policySource)}, version ${md(r.policyVersion)} |`);
  for (const a of r.apps) out.push(`| App | ${md(a.name)} (${md(a.manifest)}${a.manifestHash ? `, sha256 ${a.manifestHash}` : ', no manifest'}) |`);
  out.push('');
  out.push('## Summary', '', '| Clause | Status | Detail |', '|---|---|---|');
  for (const c of r.clauses) out.push(`| ${c.clause.id} | ${md(statusWord(c))} | ${md(clauseDetail(c))} |`);
  out.push('');

  const open = r.findings.filter((f) => !f.suppressed);
  const suppressed = r.findings.filter((f) => f.suppressed);
  out.push('## Findings', '');
  if (!open.length) out.push('No open findings.', '');
  else {
    out.push('| Location | Clause | Rule | Severity | Message |', '|---|---|---|---|---|');
    for (const f of open) out.push(`| ${mdLocation(f)} | ${clauseList(f)} | \`${f.ruleId}\` | ${f.severity} | ${md(messageText(f))} |`);
    out.push('');
  }
  if (suppressed.length) {
    out.push('## Suppressed findings', '', '| Location | Clause | Rule | Reason | Suppressed in |', '|---|---|---|---|---|');
    for (const f of suppressed) out.push(`| ${mdLocation(f)} | ${clauseList(f)} | \`${f.ruleId}\` | ${md(reasonText(f))} | ${md(f.suppressed!.where ?? f.suppressed!.kind)} |`);
    out.push('');
  }
  const manual = r.clauses.filter((c) => c.manual);
  out.push('## Manual attestations', '', '| Clause | Status | Statement | By | Date |', '|---|---|---|---|---|');
  for (const c of manual) {
    const a = c.manual!.attestation;
    out.push(`| ${c.clause.id} | ${md(c.manual!.status.replace('-', ' '))}${a?.problem ? ` (${md(a.problem)})` : ''} | ${md(a?.statement ?? '')} | ${md(a?.by ?? '')} | ${md(a?.date ?? '')} |`);
  }
  out.push('');

  let section = '';
  for (const c of r.clauses) {
    if (c.clause.section !== section) {
      section = c.clause.section;
      out.push(`## ${section}. ${md(c.clause.sectionTitle)}`, '');
    }
    out.push(`### ${c.clause.id} (text hash ${c.clause.hash})`, '');
    out.push(`> ${md(c.clause.text)} — *Web1on1 Developer Policy*`, '');
    if (c.automated) {
      out.push(`- Automated: **${md(c.automated.label)}**; rules: ${c.automated.rules.map((x) => `\`${x}\``).join(', ') || 'none'}`);
      if (c.automated.status === 'findings') out.push(`  - ${c.automated.errors} error(s), ${c.automated.warnings} warning(s), ${c.automated.infos} info`);
      for (const f of open.filter((x) => x.clauses.includes(c.clause.id))) out.push(`  - ${mdLocation(f)} \`${f.ruleId}\` (${f.severity})`);
      if (c.automated.suppressed) out.push(`  - ${c.automated.suppressed} suppressed finding(s)`);
      if (c.automated.disabledRules.length) out.push(`  - Disabled rules: ${c.automated.disabledRules.map((x) => `\`${x}\``).join(', ')}`);
    }
    if (c.manual) {
      out.push(`- Attestation: **${md(c.manual.label)}**`);
      out.push(`  - Checklist: ${md(c.manual.checklist)}`);
    }
    for (const e of c.exemptions) out.push(`- Exemption (${e.kind}${e.ruleId ? `, \`${e.ruleId}\`` : ''}): ${md(e.what)}${e.file ? ` in ${md(e.file)}${e.line ? `:${e.line}` : ''}` : ''} — reason: ${md(e.reason)}${e.until ? ` (until ${e.until})` : ''}`);
    out.push('');
  }
  if (r.globalExemptions.length) {
    out.push('## Excluded from checking', '');
    for (const e of r.globalExemptions) out.push(`- \`${md(e.what)}\` — reason: ${md(e.reason)}`);
    out.push('');
  }
  return out.join('\n');
}

export function renderHtml(r: ComplianceReport): string {
  const rows = r.clauses.map((c) => `<tr><td><a href="#${c.clause.id}">${c.clause.id}</a></td><td class="s-${statusClass(c)}">${h(statusWord(c))}</td><td>${h(clauseDetail(c))}</td></tr>`).join('\n');
  const open = r.findings.filter((f) => !f.suppressed);
  const suppressed = r.findings.filter((f) => f.suppressed);
  const findingRows = open.map((f) => `<tr><td>${htmlLocation(f)}</td><td>${h(f.clauses.join(', ') || '—')}</td><td><code>${h(f.ruleId)}</code></td><td class="sev-${f.severity}">${f.severity}</td><td>${h(messageText(f))}</td></tr>`).join('\n');
  const findings = `<h2 id="findings">Findings</h2>\n${open.length ? `<table><tr><th>Location</th><th>Clause</th><th>Rule</th><th>Severity</th><th>Message</th></tr>\n${findingRows}\n</table>` : '<p>No open findings.</p>'}`;
  const suppressedRows = suppressed.map((f) => `<tr><td>${htmlLocation(f)}</td><td>${h(f.clauses.join(', ') || '—')}</td><td><code>${h(f.ruleId)}</code></td><td>${h(reasonText(f))}</td><td>${h(f.suppressed!.where ?? f.suppressed!.kind)}</td></tr>`).join('\n');
  const suppressedTable = suppressed.length ? `<h2 id="suppressed">Suppressed findings</h2>\n<table><tr><th>Location</th><th>Clause</th><th>Rule</th><th>Reason</th><th>Suppressed in</th></tr>\n${suppressedRows}\n</table>` : '';
  const attestationRows = r.clauses.filter((c) => c.manual).map((c) => {
    const a = c.manual!.attestation;
    return `<tr><td>${c.clause.id}</td><td class="s-${c.manual!.status}">${h(c.manual!.status.replace('-', ' '))}${a?.problem ? ` (${h(a.problem)})` : ''}</td><td>${h(a?.statement ?? '')}</td><td>${h(a?.by ?? '')}</td><td>${h(a?.date ?? '')}</td></tr>`;
  }).join('\n');
  const attestations = `<h2 id="attestations">Manual attestations</h2>\n<table><tr><th>Clause</th><th>Status</th><th>Statement</th><th>By</th><th>Date</th></tr>\n${attestationRows}\n</table>`;
  const sections: string[] = [];
  let section = '';
  for (const c of r.clauses) {
    if (c.clause.section !== section) {
      section = c.clause.section;
      sections.push(`<h2>${section}. ${h(c.clause.sectionTitle)}</h2>`);
    }
    const items: string[] = [];
    if (c.automated) {
      const located = open.filter((x) => x.clauses.includes(c.clause.id)).map((f) => `<li>${htmlLocation(f)} <code>${h(f.ruleId)}</code> (${f.severity})</li>`).join('');
      items.push(`<li>Automated: <strong>${h(c.automated.label)}</strong>; rules: ${c.automated.rules.map((x) => `<code>${h(x)}</code>`).join(', ') || 'none'}${located ? `<ul>${located}</ul>` : ''}</li>`);
      if (c.automated.status === 'findings') items.push(`<li>${c.automated.errors} error(s), ${c.automated.warnings} warning(s), ${c.automated.infos} info</li>`);
      if (c.automated.suppressed) items.push(`<li>${c.automated.suppressed} suppressed finding(s)</li>`);
      if (c.automated.disabledRules.length) items.push(`<li>Disabled rules: ${c.automated.disabledRules.map((x) => `<code>${h(x)}</code>`).join(', ')}</li>`);
    }
    if (c.manual) {
      items.push(`<li>Attestation: <strong>${h(c.manual.label)}</strong></li>`);
      items.push(`<li>Checklist: ${h(c.manual.checklist)}</li>`);
    }
    for (const e of c.exemptions) items.push(`<li>Exemption (${h(e.kind)}${e.ruleId ? `, <code>${h(e.ruleId)}</code>` : ''}): ${h(e.what)}${e.file ? ` in ${h(e.file)}${e.line ? `:${e.line}` : ''}` : ''} — reason: ${h(e.reason)}${e.until ? ` (until ${h(e.until)})` : ''}</li>`);
    sections.push(`<h3 id="${c.clause.id}">${c.clause.id} <small>(text hash ${c.clause.hash})</small></h3>\n<blockquote>${h(c.clause.text)} — <cite>Web1on1 Developer Policy</cite></blockquote>\n<ul>${items.join('')}</ul>`);
  }
  const excluded = r.globalExemptions.length ? `<h2>Excluded from checking</h2><ul>${r.globalExemptions.map((e) => `<li><code>${h(e.what)}</code> — reason: ${h(e.reason)}</li>`).join('')}</ul>` : '';
  const apps = r.apps.map((a) => `<tr><th>App</th><td>${h(a.name)} (${h(a.manifest)}${a.manifestHash ? `, sha256 ${a.manifestHash}` : ', no manifest'})</td></tr>`).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${h(r.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}table{border-collapse:collapse}td,th{border:1px solid #8884;padding:.25rem .5rem;text-align:left;vertical-align:top}blockquote{border-left:3px solid #8886;margin:.5rem 0;padding-left:.75rem}.s-findings,.sev-error{color:#b00020;font-weight:600}.s-no-findings,.s-attested{color:#1b5e20}.s-not-attested,.sev-warning{color:#8a5300}</style>
</head><body>
<h1>${h(r.title)}</h1>
<p><em>${h(r.disclaimer)}</em></p>
<table><tr><th>Generated</th><td>${h(r.generated)}</td></tr><tr><th>Tool</th><td>Policy Lens ${h(r.toolVersion)}, rule pack ${h(r.rulePackHash)}</td></tr><tr><th>Policy</th><td>${h(r.policySource)}, version ${h(r.policyVersion)}</td></tr>${apps}</table>
<h2>Summary</h2>
<table><tr><th>Clause</th><th>Status</th><th>Detail</th></tr>
${rows}
</table>
${findings}
${suppressedTable}
${attestations}
${sections.join('\n')}
${excluded}
</body></html>
`;
}

export function statusWord(c: ClauseReport): string {
  const parts: string[] = [];
  if (c.automated) parts.push(c.automated.status === 'findings' ? 'findings' : 'no findings');
  if (c.manual) parts.push(c.manual.status.replace('-', ' '));
  return parts.join(' + ');
}

function statusClass(c: ClauseReport): string {
  if (c.automated?.status === 'findings') return 'findings';
  if (c.manual?.status === 'not-attested') return 'not-attested';
  return 'no-findings';
}

/** What the status word does not say: counts and rules behind findings, coverage, who attested what. */
export function clauseDetail(c: ClauseReport): string {
  const parts: string[] = [];
  const a = c.automated;
  if (a) {
    if (a.status === 'findings') {
      const counts = [plural(a.errors, 'error'), plural(a.warnings, 'warning'), plural(a.infos, 'info', 'infos')].filter(Boolean).join(', ');
      parts.push(`${counts} from ${a.rulesWithFindings.join(', ')}`);
    } else parts.push(a.coverage);
    if (a.suppressed) parts.push(`${a.suppressed} suppressed`);
    if (a.disabledRules.length) parts.push(`disabled: ${a.disabledRules.join(', ')}`);
  }
  const m = c.manual;
  if (m) {
    const at = m.attestation;
    if (m.status === 'attested') parts.push(`${at!.statement}, by ${at!.by}, ${at!.date}`);
    else if (m.status === 'not-applicable') parts.push(`not applicable: ${at!.statement}`);
    else parts.push(at?.problem ? `attestation ${at.problem}` : 'needs an attestation in the manifest');
  }
  return parts.join('; ');
}

function plural(n: number, word: string, many = word + 's'): string {
  return n ? `${n} ${n === 1 ? word : many}` : '';
}

function clauseList(f: ReportFinding): string {
  return f.clauses.join(', ') || '—';
}

/** The message without its "[B.2] " prefix: the Clause column says it. */
function messageText(f: ReportFinding): string {
  return f.message.replace(/^\[[A-F]\.\d+(?:, [A-F]\.\d+)*\] /, '');
}

function reasonText(f: ReportFinding): string {
  const s = f.suppressed!;
  return s.until ? `${s.reason} (until ${s.until})` : s.reason;
}

/** A link target for a report-relative path: each segment percent-encoded, the line as a `#L` anchor. */
function href(f: ReportFinding): string {
  return f.file.split('/').map(encodeURIComponent).join('/') + `#L${f.line}`;
}

function mdLocation(f: ReportFinding): string {
  return `[${md(f.file)}:${f.line}](${href(f)})`;
}

function htmlLocation(f: ReportFinding): string {
  return `<a href="${h(href(f))}">${h(f.file)}:${f.line}</a>`;
}

export function h(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** Markdown-escapes text so workspace strings cannot inject links, HTML or table breaks. */
export function md(s: string): string {
  return s.replace(/[\\`*_[\]|<>]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}
