// The compliance report (clause F.5 proof) as the CLI's `report` and the editor's export write it: every
// finding with clause, rule and a linked file:line, suppressions with their reasons, manual attestations,
// and a Detail column that adds to the Status column instead of repeating it.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { complianceReportText } from '../../server/shared/compliance-report';

const dir = mkdtempSync(join(tmpdir(), 'policy-lens-report-')).replace(/\\/g, '/');
after(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2026-03-02T12:00:00');
const MANIFEST = {
  name: 'Tyre Check Bot',
  version: '1.0.0',
  privacyPolicyUrl: 'https://tyrecheck.nl/privacy',
  compliance: { attestations: { 'A.1': { statement: 'Processing reviewed with our DPO', by: 'Anna de Vries, CTO', date: '2026-02-01' } } },
};
const FILES: Record<string, string> = {
  'web1on1-app.json': JSON.stringify(MANIFEST, null, 2),
  'src/agent.js': "const https = require('https');\n\nconst agent = new https.Agent({ rejectUnauthorized: false });\nmodule.exports = agent;\n",
  'src/dms client.js': "// policy-lens-disable-next-line insecure-transport -- DMS box on the dealer's LAN, no TLS offered\nconst dmsApiUrl = 'http://dms.autohuis-jansen.nl/api';\nmodule.exports = dmsApiUrl;\n",
};
for (const [p, t] of Object.entries(FILES)) {
  mkdirSync(join(dir, p, '..'), { recursive: true });
  writeFileSync(join(dir, p), t);
}

const markdown = complianceReportText({ paths: [], cwd: dir, format: 'markdown', now: NOW });
const html = complianceReportText({ paths: [], cwd: dir, format: 'html', now: NOW });

describe('compliance report', () => {
  it('lists each open finding with clause, rule and a linked file:line (Markdown)', () => {
    assert.match(markdown, /\| \[src\/agent\.js:3\]\(src\/agent\.js#L3\) \| C\.4 \| `security-control-disabled` \| error \| TLS certificate verification/);
    // and under its clause
    assert.match(markdown, /### C\.4[^]*?- \[src\/agent\.js:3\]\(src\/agent\.js#L3\) `security-control-disabled` \(error\)/);
  });

  it('lists each open finding with a link in HTML, with paths encoded for the href', () => {
    assert.match(html, /<a href="src\/agent\.js#L3">src\/agent\.js:3<\/a><\/td><td>C\.4<\/td><td><code>security-control-disabled<\/code>/);
    assert.match(html, /<a href="src\/dms%20client\.js#L2">src\/dms client\.js:2<\/a>/);
  });

  it('lists suppressed findings with their reason and where the suppression is', () => {
    assert.match(markdown, /## Suppressed findings[^]*\| \[src\/dms client\.js:2\]\(src\/dms%20client\.js#L2\) \| B\.2 \| `insecure-transport` \| DMS box on the dealer's LAN, no TLS offered \| src\/dms client\.js:1 \|/);
    assert.doesNotMatch(markdown.split('## Suppressed findings')[0]!.split('## Findings')[1]!, /dms/, 'a suppressed finding is not listed as open');
  });

  it('lists the manual attestations', () => {
    assert.match(markdown, /## Manual attestations[^]*\| A\.1 \| attested \| Processing reviewed with our DPO \| Anna de Vries, CTO \| 2026-02-01 \|/);
    assert.match(markdown, /\| A\.2 \| not attested \|/);
    assert.match(html, /<td>A\.1<\/td><td class="s-attested">attested<\/td><td>Processing reviewed with our DPO<\/td>/);
  });

  it('has a Detail column that never repeats the Status column', () => {
    const rows = [...markdown.matchAll(/^\| ([A-F]\.\d) \| ([^|]+) \| ([^|]*) \|$/gm)];
    assert.equal(rows.length, 36, 'one summary row per clause');
    for (const [, clause, status, detail] of rows) {
      assert.ok(detail!.trim(), `${clause}: empty detail`);
      assert.ok(!detail!.includes(status!.trim()), `${clause}: detail "${detail}" repeats status "${status}"`);
    }
    assert.match(markdown, /\| C\.4 \| findings \| 1 error from security-control-disabled \|/);
    assert.match(markdown, /\| B\.2 \| no findings \| \d+ rules over 2 files; 1 suppressed \|/);
    assert.match(markdown, /\| A\.1 \| attested \| Processing reviewed with our DPO, by Anna de Vries, CTO, 2026-02-01 \|/);
  });
});
