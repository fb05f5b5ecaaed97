// A second real client: Debian's Neovim (headless, built-in LSP client) gets diagnostics from
// dist/server.js over stdio. Under CI=true a missing nvim fails the test (.ci installs it).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { copyFixture, SERVER } from './lsp-client';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const missing = nvim.status !== 0 ? 'nvim is not installed (apt-get install -y neovim)' : undefined;
if (missing && CI) throw new Error(`Neovim test cannot run under CI: ${missing}`);

describe('Neovim as an LSP client', { skip: missing ? `skipped: ${missing}` : false }, () => {
  it('shows Policy Lens diagnostics for a bot file', () => {
    const ws = copyFixture();
    try {
      const out = join(ws.dir, 'nvim-result.json');
      const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(__dirname, 'neovim-check.lua')}`, join(ws.dir, 'src', 'bot.js')], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, POLICY_LENS_SERVER: SERVER, POLICY_LENS_ROOT: ws.dir, POLICY_LENS_OUT: out },
      });
      assert.equal(r.status, 0, `nvim exited ${r.status}: ${r.stderr}`);
      const result = JSON.parse(readFileSync(out, 'utf8')) as { ok: boolean; diagnostics: { line: number; col: number; message: string; source: string; code: string }[] };
      assert.ok(result.ok, 'diagnostics arrived');
      const tls = result.diagnostics.find((d) => d.code === 'security-control-disabled');
      assert.ok(tls, JSON.stringify(result.diagnostics));
      assert.equal(tls.source, 'policy-lens');
      assert.equal(tls.line, 11);
      assert.match(tls.message, /^\[C\.4\]/);
    } finally {
      ws.cleanup();
    }
  });
});
