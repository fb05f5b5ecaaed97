// Starts code-server (VS Code 1.139 in the browser, the same Node extension host as the desktop) on a copy
// of the fixture workspace, and drives it with Debian's chromium through playwright-core. Every wait polls
// the page or the disk; nothing sleeps for a fixed time.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ARTIFACTS, CACHE, CODE_SERVER, EXTENSIONS_DIR, FIXTURE, NODE24 } from './paths';

export interface Session {
  page: Page;
  workspace: string;
  userData: string;
  stop(): Promise<void>;
  screenshot(name: string): Promise<void>;
}

/** Polls `check` until it returns a value; `what` names the wait in the error. */
export async function poll<T>(check: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export function chromiumPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Why the suite cannot run here, or undefined when it can. */
export function missingPrerequisite(): string | undefined {
  if (!existsSync(NODE24)) return `Node 24 missing (${NODE24}); run .ci/e2e-setup.sh`;
  if (!existsSync(CODE_SERVER)) return `code-server missing (${CODE_SERVER}); run .ci/e2e-setup.sh`;
  if (!chromiumPath()) return 'chromium missing; apt-get install -y chromium';
  if (!existsSync(EXTENSIONS_DIR) || !readdirSync(EXTENSIONS_DIR).some((d) => d.startsWith('policy-lens.'))) return 'the extension is not installed; run npm run test:e2e';
  return undefined;
}

/** `fixture`: the folder copied as the workspace (test/e2e/workspace when absent); `settings`: more user settings. */
export async function startSession(name: string, opts: { restricted?: boolean; fixture?: string; settings?: Record<string, unknown> } = {}): Promise<Session> {
  const base = mkdtempSync(join(tmpdir(), `policy-lens-e2e-${name}-`));
  const workspace = join(base, 'workspace');
  cpSync(opts.fixture ?? FIXTURE, workspace, { recursive: true });
  const userData = join(base, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  const settings: Record<string, unknown> = {
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'workbench.tips.enabled': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'editor.hover.delay': 300,
    'security.workspace.trust.enabled': !!opts.restricted,
    // untrusted without a modal prompt: the folder opens straight into Restricted Mode
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
    ...opts.settings,
  };
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const port = await freePort();
  const log = join(ARTIFACTS, `${name}-code-server.log`);
  mkdirSync(ARTIFACTS, { recursive: true });
  let output = '';
  const args = [CODE_SERVER, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check'];
  if (!opts.restricted) args.push('--disable-workspace-trust');
  args.push('--extensions-dir', EXTENSIONS_DIR, '--user-data-dir', userData, workspace);
  const proc: ChildProcess = spawn(NODE24, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PATH: `${join(NODE24, '..')}:${process.env.PATH}`, XDG_CONFIG_HOME: join(CACHE, 'config') },
  });
  proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  await poll(async () => {
    if (proc.exitCode !== null) throw new Error(`code-server exited (${proc.exitCode}):\n${output}`);
    const r = await fetch(url + 'healthz').catch(() => undefined);
    return r?.ok ? true : undefined;
  }, 'code-server to listen', 60_000).catch((e) => {
    proc.kill();
    throw e;
  });

  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
  } catch (e) {
    proc.kill();
    throw e;
  }
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${url}?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });

  const session: Session = {
    page,
    workspace,
    userData,
    screenshot: async (shot) => {
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${shot}.png`) }).catch(() => undefined);
    },
    stop: async () => {
      await browser!.close().catch(() => undefined);
      proc.kill();
      await poll(() => (proc.exitCode !== null || proc.signalCode !== null ? true : undefined), 'code-server to stop', 10_000).catch(() => undefined);
      writeFileSync(log, output);
      copyExtHostLogs(userData, join(ARTIFACTS, `${name}-exthost`));
      rmSync(base, { recursive: true, force: true });
    },
  };
  return session;
}

/** The extension host's logs (including the "Policy Lens" output channel) become artifacts. */
function copyExtHostLogs(userData: string, to: string): void {
  const logs = join(userData, 'logs');
  if (!existsSync(logs)) return;
  for (const t of readdirSync(logs)) {
    const dir = join(logs, t, 'exthost1');
    if (existsSync(dir)) cpSync(dir, to, { recursive: true });
  }
}
