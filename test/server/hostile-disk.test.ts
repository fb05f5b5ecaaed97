// A workspace folder that fights back: symbolic link loops, links out of the folder (to a temp folder and to
// /etc), a FIFO and a folder named like code files, an unreadable file, a huge one, a binary `.js`, file
// events for paths outside or already gone, and configs with `__proto__` keys. Nothing outside the folder
// is read or reported, nothing blocks or loops, what is not checked is named in the log.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { copyFixture, LspClient, uri } from './lsp-client';
import { assertNoFailure, assertServing, BAD_CODE, logged } from './hostile-support';

/** chmod 000 blocks reads for everyone but root (tests often run as root in containers). */
const ROOT = process.getuid?.() === 0;

describe('language server: a hostile workspace folder on disk', { timeout: 120_000 }, () => {
  let ws: ReturnType<typeof copyFixture>;
  let outside: string;
  let c: LspClient;
  before(async () => {
    ws = copyFixture();
    outside = mkdtempSync(join(tmpdir(), 'policy-lens-outside-')).replace(/\\/g, '/');
    writeFileSync(`${outside}/leak.js`, BAD_CODE);
    writeFileSync(`${outside}/secret.js`, BAD_CODE);
    const src = `${ws.dir}/src`;
    symlinkSync('.', `${src}/loop`);
    symlinkSync(ws.dir, `${src}/up`);
    symlinkSync(outside, `${src}/outside`);
    symlinkSync('/etc', `${src}/etc`);
    symlinkSync(`${outside}/secret.js`, `${src}/secret-link.js`);
    execFileSync('mkfifo', [`${src}/pipe.js`]);
    mkdirSync(`${src}/folder.js`);
    writeFileSync(`${src}/locked.js`, BAD_CODE);
    chmodSync(`${src}/locked.js`, 0);
    writeFileSync(`${src}/huge.js`, Buffer.alloc(60 * 2 ** 20, 'x'));
    writeFileSync(`${src}/binary.js`, Buffer.from([0x63, 0x6f, 0x6e, 0x00, 0x01, 0x89, 0x50, 0x4e, 0x47]));
    c = new LspClient();
    await c.initialize(ws.dir, { pull: true });
  });
  after(async () => {
    await c.stop();
    chmodSync(`${ws.dir}/src/locked.js`, 0o644);
    ws.cleanup();
    rmSync(outside, { recursive: true, force: true });
  });

  /** Check Workspace publishes every checked file's findings: the URIs say what was read. */
  async function checkWorkspace(): Promise<{ files: number; uris: string[] }> {
    const r = (await c.conn.sendRequest('policyLens/checkWorkspace')) as { files: number };
    return { files: r.files, uris: [...c.pushed.keys()] };
  }

  it('is checked to the end: no loop, no wait on the FIFO, each real file once', async () => {
    const { files, uris } = await checkWorkspace();
    const code = ['bot.js', 'suppressed.js', ...(ROOT ? ['locked.js'] : [])];
    assert.equal(files, code.length, `code files checked: ${uris.join(' ')}`);
    assert.ok(uris.includes(uri(`${ws.dir}/src/bot.js`)));
    assert.ok(!uris.some((u) => /\/(loop|up)\//.test(u)), 'nothing reached through the loops');
  });

  it('reads and reports nothing through links that lead out of the folder, and says so', async () => {
    const { uris } = await checkWorkspace();
    const strays = uris.filter((u) => !u.startsWith(uri(ws.dir) + '/') || /\/src\/(outside|etc|secret-link)/.test(u));
    assert.deepEqual(strays, []);
    for (const link of ['outside', 'etc', 'secret-link.js']) await logged(c, new RegExp(`src/${link.replace('.', '\\.')}: Not checked: a symbolic link to a place outside`));
  });

  it('names the huge, the binary and (unless running as root) the unreadable file as not checked', async () => {
    await logged(c, /src\/huge\.js: Not checked: larger than 1024 KiB/);
    await logged(c, /src\/binary\.js: Not checked: binary content/);
    if (!ROOT) await logged(c, /src\/locked\.js: Not checked: cannot read \(EACCES\)/);
    else assert.ok(readFileSync(`${ws.dir}/src/locked.js`, 'utf8').includes('rejectUnauthorized'), 'as root chmod 000 blocks nothing: the FIFO and the folder named folder.js stand in for unreadable files');
  });

  it('file events for paths outside the folder, through an outward link, of a FIFO, a folder or a file already gone: nothing read, nothing blocks', async () => {
    const held = async () => ((await c.conn.sendRequest('policyLens/memory')) as { files: number }).files;
    const before = await held();
    const vanished = `${ws.dir}/src/vanished.js`;
    writeFileSync(vanished, BAD_CODE);
    const events = [
      { uri: 'file:///etc/passwd', type: 2 },
      { uri: uri(`${outside}/leak.js`), type: 2 },
      { uri: uri(`${ws.dir}/src/outside/leak.js`), type: 1 },
      { uri: uri(`${ws.dir}/src/secret-link.js`), type: 2 },
      { uri: uri(`${ws.dir}/src/pipe.js`), type: 2 },
      { uri: uri(`${ws.dir}/src/folder.js`), type: 1 },
      { uri: uri(vanished), type: 1 },
    ];
    rmSync(vanished); // gone before the server reads it
    void c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: events });
    assert.equal(await held(), before, 'no text read for any of them');
    await assertServing(c, ws.dir);
  });

  it('an open document in the folder still gets its findings, and no failure was logged', async () => {
    const bot = `${ws.dir}/src/bot.js`;
    c.open(bot);
    assert.ok((await c.pull(bot)).some((d) => d.code === 'security-control-disabled'));
    assertNoFailure(c);
  });
});

describe('language server: app files that are not files', { timeout: 60_000 }, () => {
  it('a FIFO named web1on1-app.json does not stop the server: named in the log, code still checked', async () => {
    const ws = copyFixture();
    rmSync(`${ws.dir}/web1on1-app.json`);
    execFileSync('mkfifo', [`${ws.dir}/web1on1-app.json`]);
    const c = new LspClient();
    try {
      await c.initialize(ws.dir, { pull: true });
      await assertServing(c, ws.dir);
      await logged(c, /web1on1-app\.json: Not checked: not a regular file/);
    } finally {
      await c.stop();
      ws.cleanup();
    }
  });
});

describe('language server: configs with __proto__ keys or absurd nesting', { timeout: 60_000 }, () => {
  it('a .policylens.json hiding "rules" under __proto__ is a config error naming the key, not a rule switched off', async () => {
    const ws = copyFixture();
    writeFileSync(`${ws.dir}/.policylens.json`, '{ "__proto__": { "rules": { "security-control-disabled": { "severity": "off", "reason": "hidden" } } } }\n');
    const c = new LspClient();
    try {
      await c.initialize(ws.dir, { pull: true });
      const bot = `${ws.dir}/src/bot.js`;
      c.open(bot);
      await c.pull(bot);
      const status = await c.until(() => c.notifications.map((n) => n.params as { state?: string; message?: string }).find((p) => p?.state === 'error'), 'an error status');
      assert.match(status.message ?? '', /must NOT have additional properties \("__proto__"\)/);
      assertNoFailure(c);
      // fixed, the rule is on again and the server serves
      writeFileSync(`${ws.dir}/.policylens.json`, '{}');
      void c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(`${ws.dir}/.policylens.json`), type: 2 }] });
      await assertServing(c, ws.dir);
    } finally {
      await c.stop();
      ws.cleanup();
    }
  });

  it('a .policylens.json nested 100,000 levels deep is a config error, not a crashed server', async () => {
    const ws = copyFixture();
    writeFileSync(`${ws.dir}/.policylens.json`, '{ "rules": ' + '['.repeat(100_000));
    const c = new LspClient();
    try {
      await c.initialize(ws.dir, { pull: true });
      const bot = `${ws.dir}/src/bot.js`;
      c.open(bot);
      await c.pull(bot);
      const status = await c.until(() => c.notifications.map((n) => n.params as { state?: string; message?: string }).find((p) => p?.state === 'error'), 'an error status');
      assert.match(status.message ?? '', /\.policylens\.json: nested too deeply to read/);
      assert.equal(c.proc.exitCode, null);
      assertNoFailure(c);
    } finally {
      await c.stop();
      ws.cleanup();
    }
  });
});
