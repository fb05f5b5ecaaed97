import type { ClauseReport, ComplianceReport } from './compliance';

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
  for (const c of r.clauses) out.push(`| ${c.clause.id} | ${md(statusWord(c))} | ${md(detail(c))} |`);
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
  const rows = r.clauses.map((c) => `<tr><td>${c.clause.id}</td><td class="s-${statusClass(c)}">${h(statusWord(c))}</td><td>${h(detail(c))}</td></tr>`).join('\n');
  const sections: string[] = [];
  let section = '';
  for (const c of r.clauses) {
    if (c.clause.section !== section) {
      section = c.clause.section;
      sections.push(`<h2>${section}. ${h(c.clause.sectionTitle)}</h2>`);
    }
    const items: string[] = [];
    if (c.automated) {
      items.push(`<li>Automated: <strong>${h(c.automated.label)}</strong>; rules: ${c.automated.rules.map((x) => `<code>${h(x)}</code>`).join(', ') || 'none'}</li>`);
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
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}table{border-collapse:collapse}td,th{border:1px solid #8884;padding:.25rem .5rem;text-align:left;vertical-align:top}blockquote{border-left:3px solid #8886;margin:.5rem 0;padding-left:.75rem}.s-findings{color:#b00020;font-weight:600}.s-no-findings{color:#1b5e20}.s-not-attested{color:#8a5300}</style>
</head><body>
<h1>${h(r.title)}</h1>
<p><em>${h(r.disclaimer)}</em></p>
<table><tr><th>Generated</th><td>${h(r.generated)}</td></tr><tr><th>Tool</th><td>Policy Lens ${h(r.toolVersion)}, rule pack ${h(r.rulePackHash)}</td></tr><tr><th>Policy</th><td>${h(r.policySource)}, version ${h(r.policyVersion)}</td></tr>${apps}</table>
<h2>Summary</h2>
<table><tr><th>Clause</th><th>Status</th><th>Detail</th></tr>
${rows}
</table>
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

function detail(c: ClauseReport): string {
  return [c.automated?.label, c.manual?.label].filter(Boolean).join('; ');
}

export function h(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** Markdown-escapes text so workspace strings cannot inject links, HTML or table breaks. */
export function md(s: string): string {
  return s.replace(/[\\`*_[\]|<>]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}
