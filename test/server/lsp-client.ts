// A real LSP client for the tests: spawns the bundled server over stdio and speaks JSON-RPC to it.
// No mocks: what passes here is what an editor sees.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { RANGE_OUTSIDE } from '../../server/lsp/range-guard';
import { LSPErrorCodes, WorkDoneProgress, type ClientCapabilities, type Diagnostic, type InitializeResult, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const REPO = resolve(__dirname, '..', '..');
export const SERVER = join(REPO, 'dist', 'server.js');
export const FIXTURE = join(REPO, 'test', 'e2e', 'workspace');

/** A copy of a fixture workspace (test/e2e/workspace unless `from` says another) in a temp folder (tests edit files). */
export function copyFixture(from = FIXTURE): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'policy-lens-lsp-')).replace(/\\/g, '/');
  cpSync(from, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const uri = (path: string) => pathToFileURL(path).href;

export interface ClientOptions {
  pull?: boolean;
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
}

export class LspClient {
  readonly conn: MessageConnection;
  readonly proc: ChildProcess;
  readonly pushed = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  private waiters: (() => void)[] = [];
  stderr = '';
  /** What the client answers to workspace/configuration for `policyLens`. */
  settings: { enable: boolean; run: 'onType' | 'onSave' } = { enable: true, run: 'onType' };

  /** `server`: another build of dist/server.js, e.g. the one installed from the npm package. */
  constructor(nodeArgs: string[] = [], env: NodeJS.ProcessEnv = process.env, server = SERVER) {
    this.proc = spawn(process.execPath, [...nodeArgs, server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.proc.stdin!.on('error', () => undefined); // EPIPE after exit
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.pushed.set(p.uri, p);
      this.published.push(p);
      this.wake();
    });
    this.conn.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      this.wake();
    });
    // Requests a client must answer: configuration, registration, progress, refresh.
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', () => null);
    // jsonrpc routes $/progress to per-token handlers, not to the catch-all above: record it per token
    this.conn.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
      this.conn.onProgress(WorkDoneProgress.type, p.token, (value) => {
        this.notifications.push({ method: '$/progress', params: { token: p.token, value } });
        this.wake();
      });
      return null;
    });
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.notifications.push({ method: 'workspace/diagnostic/refresh', params: null });
      this.wake();
      return null;
    });
    this.conn.onRequest('workspace/applyEdit', () => ({ applied: true }));
    this.conn.listen();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Polls `check` on every message from the server until it returns a value (or times out). */
  async until<T>(check: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = check();
      if (v !== undefined) return v;
      const left = end - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}\nserver stderr:\n${this.stderr}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, Math.min(left, 250));
        this.waiters.push(() => (clearTimeout(t), res()));
      });
    }
  }

  async initialize(root: string, opts: ClientOptions = {}): Promise<{ result: InitializeResult; ms: number }> {
    const capabilities: ClientCapabilities = opts.capabilities ?? {
      workspace: { configuration: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        ...(opts.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
      window: { workDoneProgress: true, showDocument: { support: true } },
    };
    const t0 = performance.now();
    const result = (await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri(root),
      workspaceFolders: [{ uri: uri(root), name: 'ws' }],
      capabilities,
      initializationOptions: opts.initializationOptions,
    })) as InitializeResult;
    const ms = performance.now() - t0;
    await this.conn.sendNotification('initialized', {});
    return { result, ms };
  }

  open(path: string, version = 1, text = readFileSync(path, 'utf8')): void {
    const languageId = path.endsWith('.json') ? 'json' : path.endsWith('.ts') ? 'typescript' : 'javascript';
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(path), languageId, version, text } });
  }

  change(path: string, version: number, text: string): void {
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(path), version }, contentChanges: [{ text }] });
  }

  /** Waits for pushed diagnostics of `path` (at `version` when given) that satisfy `ok`. */
  pushedFor(path: string, ok: (d: Diagnostic[]) => boolean = (d) => d.length > 0, version?: number): Promise<Diagnostic[]> {
    return this.until(() => {
      const p = this.pushed.get(uri(path));
      if (!p || (version !== undefined && p.version !== version)) return undefined;
      return ok(p.diagnostics) ? p.diagnostics : undefined;
    }, `diagnostics for ${path}`);
  }

  /**
   * A pull, asked again as VS Code's client does when the server answers "server cancelled" with
   * `retriggerRequest` (a full run it was waiting for restarted because the folder is read again).
   */
  async pull(path: string): Promise<Diagnostic[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const r = (await this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri: uri(path) } })) as { kind: string; items?: Diagnostic[] };
        return r.items ?? [];
      } catch (e) {
        const retrigger = e instanceof ResponseError && e.code === LSPErrorCodes.ServerCancelled && (e.data as { retriggerRequest?: boolean } | undefined)?.retriggerRequest;
        if (!retrigger || attempt >= 5) throw e;
      }
    }
  }

  /** What the server logged about ranges it had to fit into their documents (server/lsp/range-guard.ts). */
  rangeErrors(): string[] {
    return this.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message).filter((m) => m.startsWith(RANGE_OUTSIDE));
  }

  /** Stops the server; fails the test if it ever produced a range outside its document. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((res) => (this.proc.exitCode !== null ? res() : this.proc.once('exit', () => res())));
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
    const errors = this.rangeErrors();
    if (errors.length) throw new Error(`the server sent ranges outside their documents:\n${errors.join('\n')}`);
  }
}
