// The listing preview's safety checks without VS Code: the page shell's CSP, message validation, the
// state a restored panel trusts, which links may open, where the icon may come from, export arguments.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { listingHtml, NOT_WEB1ON1 } from '../../client/src/listing/html';
import { MAX_ICON_BYTES, resolveIcon } from '../../client/src/listing/icon';
import { manifestUriOfState, openableHref, parseFromWebview } from '../../client/src/listing/messages';
import { formatOfName, parseExportArgs } from '../../client/src/report-args';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('listing page shell', () => {
  const html = listingHtml({ cspSource: 'https://file+.vscode-resource.example', nonce: 'N0nce', scriptUri: 'https://file+.vscode-resource.example/dist/listing-webview.js' });

  it('has a CSP of default-src none, nonce’d script and style, images from the webview origin only', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    assert.equal(csp, "default-src 'none'; img-src https://file+.vscode-resource.example; style-src 'nonce-N0nce'; script-src 'nonce-N0nce'");
    assert.doesNotMatch(csp, /unsafe-(inline|eval)/);
    const scripts = html.match(/<script\b[^>]*>/g)!;
    assert.deepEqual(scripts, ['<script nonce="N0nce" src="https://file+.vscode-resource.example/dist/listing-webview.js">']);
    assert.match(html, /<style nonce="N0nce">/);
  });

  it('says it is a Policy Lens preview, not a Web1on1 screen, before anything loads', () => {
    assert.ok(html.includes(NOT_WEB1ON1));
    assert.match(NOT_WEB1ON1, /not a Web1on1 screen/);
    assert.match(NOT_WEB1ON1, /not made or endorsed by Web1on1/);
  });
});

describe('webview messages', () => {
  it('accepts only the known shapes, with indexes instead of paths or URLs', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'openLink', index: 2, href: 'https://evil.example' }), { type: 'openLink', index: 2 });
    assert.deepEqual(parseFromWebview({ type: 'openFinding', clause: 'A.5', index: 0 }), { type: 'openFinding', clause: 'A.5', index: 0 });
    for (const bad of [null, 'ready', [], {}, { type: 'openLink', index: -1 }, { type: 'openLink', index: 1.5 }, { type: 'openLink', index: '1' }, { type: 'openFinding', clause: '../x', index: 0 }, { type: 'openFile', path: '/etc/passwd' }, { type: '__proto__' }]) {
      assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
    }
  });

  it('a restored panel takes only a file: URI of a web1on1-app.json from the page’s state', () => {
    assert.equal(manifestUriOfState({ manifestUri: 'file:///w/app/web1on1-app.json' }), 'file:///w/app/web1on1-app.json');
    for (const bad of [undefined, {}, { manifestUri: 'file:///etc/passwd' }, { manifestUri: 'https://x.nl/web1on1-app.json' }, { manifestUri: 'file:///w/web1on1-app.json?x' }, { manifestUri: 42 }]) {
      assert.equal(manifestUriOfState(bad), undefined, JSON.stringify(bad));
    }
  });

  it('opens https and mailto only', () => {
    assert.equal(openableHref('https://garagetools.nl/privacy'), 'https://garagetools.nl/privacy');
    assert.equal(openableHref('mailto:support@garagetools.nl'), 'mailto:support@garagetools.nl');
    for (const bad of ['http://garagetools.nl', 'javascript:alert(1)', 'file:///etc/passwd', 'command:workbench.action.terminal.new', 'https://user:pw@x.nl', 'vscode://x', 'mailto:a@b.nl?body=x', 42, undefined]) {
      assert.equal(openableHref(bad), undefined, String(bad));
    }
  });
});

describe('listing icon', () => {
  const ws = mkdtempSync(join(tmpdir(), 'policy-lens-icon-'));
  const outside = mkdtempSync(join(tmpdir(), 'policy-lens-outside-'));
  dirs.push(ws, outside);
  mkdirSync(join(ws, 'media'));
  writeFileSync(join(ws, 'media', 'icon.png'), Buffer.alloc(100));
  writeFileSync(join(ws, 'media', 'huge.png'), Buffer.alloc(MAX_ICON_BYTES + 1));
  writeFileSync(join(ws, 'media', 'page.html'), '<script>');
  writeFileSync(join(outside, 'secret.png'), Buffer.alloc(10));
  symlinkSync(join(outside, 'secret.png'), join(ws, 'media', 'link.png'));

  it('shows a small image inside the workspace', () => {
    const r = resolveIcon('media/icon.png', ws, [ws]);
    assert.ok(r.ok && r.path.endsWith('/media/icon.png'));
  });

  it('refuses paths out of the workspace (.., absolute, URLs, symlinks), other file types and big files', () => {
    const problem = (v: string | undefined) => {
      const r = resolveIcon(v, ws, [ws]);
      return r.ok ? '' : r.problem;
    };
    assert.match(problem(undefined), /no icon/);
    assert.match(problem(`../${outside.split('/').pop()}/secret.png`), /outside the workspace/);
    assert.match(problem('media/link.png'), /outside the workspace/);
    assert.match(problem(join(ws, 'media', 'icon.png')), /relative to the manifest/);
    assert.match(problem('https://cdn.example/icon.png'), /relative to the manifest/);
    assert.match(problem('media/page.html'), /PNG, JPEG, GIF or WebP/);
    assert.match(problem('media/huge.png'), /over 1 MiB/);
    assert.match(problem('media/none.png'), /does not exist/);
  });
});

describe('export arguments', () => {
  it('takes target, format and date when well-formed, and ignores the rest', () => {
    assert.deepEqual(parseExportArgs({ target: 'out/report.md', format: 'html', now: '2026-03-02', extra: 1 }), { target: 'out/report.md', format: 'html', now: '2026-03-02' });
    assert.deepEqual(parseExportArgs({ format: 'pdf', now: 'yesterday', target: 7 }), {});
    assert.deepEqual(parseExportArgs(undefined), {});
    assert.equal(formatOfName('r.HTML'), 'html');
    assert.equal(formatOfName('r.md'), 'markdown');
    assert.equal(formatOfName('r.txt'), undefined);
  });
});
