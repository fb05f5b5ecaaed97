// One language server driven by the fuzzer: the tests' LspClient plus what a fuzzer must notice on its
// own: every push (checked against the text of the version it names), requests unanswered after 5 s,
// crashes, stack traces on stderr or in error logs, and when the server has gone quiet.
import { readFileSync } from 'node:fs';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../server/lsp-client';
import type { FailureEvent, FailureKind, Mode } from './scenario';

export const REQUEST_TIMEOUT_MS = 5000;
/** Starting: spawning node and loading the engine, which a busy machine can stretch past 5 s. */
const START_TIMEOUT_MS = 60_000;
/** Longer than the server's settle delay (400 ms) plus its quick-push delay (150 ms). */
const QUIET_MS = 650;
/** JSON-RPC codes that mean "asked again later", not a failure: RequestCancelled, ServerCancelled, ContentModified. */
const RETRY_CODES = new Set([-32800, -32802, -32801]);
const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

export class ServerUnderTest {
  readonly client: LspClient;
  readonly events: FailureEvent[] = [];
  /** Set once the server hung or died: nothing more is asked of it. */
  broken = false;
  op = -1;
  private lastMessageAt = Date.now();
  private messages = 0;
  private stopping = false;
  private stderrSeen = 0;
  /** The last request was answered with "ask again" (cancelled by the server, content modified). */
  private retryAsked = false;
  /** Called for every push, to check it against the client's text of that version. */
  onPush: (p: PublishDiagnosticsParams) => void = () => undefined;

  constructor(public name: 'fuzzed' | 'cold', readonly mode: Mode, nodeArgs: string[] = []) {
    // POLICY_LENS_FUZZ_SERVER: another build of dist/server.js (e.g. an older commit's, to compare memory)
    this.client = new LspClient(nodeArgs, process.env, process.env['POLICY_LENS_FUZZ_SERVER'] || undefined);
    this.client.proc.stdout!.on('data', (chunk: Buffer) => {
      this.lastMessageAt = Date.now();
      // one header per message (chunks split and join messages at will)
      for (let i = chunk.indexOf('Content-Length:'); i >= 0; i = chunk.indexOf('Content-Length:', i + 1)) this.messages++;
    });
    this.client.proc.on('exit', (code, signal) => {
      if (this.stopping) return;
      this.broken = true;
      this.fail('crash', `the server exited (${signal ?? `code ${code}`})${this.stderrTail()}`);
    });
    // replaces the client's own handler: every push is looked at, not only the last per document
    this.client.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.client.pushed.set(p.uri, p);
      this.onPush(p);
    });
    this.client.conn.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1 && STACK_LINE.test(p.message)) this.fail('stderr', `error logged with a stack trace: ${p.message.slice(0, 400)}`);
    });
  }

  fail(kind: FailureKind, detail: string): void {
    this.events.push({ kind, detail, op: this.op, server: this.name });
  }

  async start(root: string): Promise<void> {
    const r = await this.request('initialize', () => this.client.initialize(root, { pull: this.mode === 'pull' }), START_TIMEOUT_MS);
    if (r === undefined) this.broken = true;
    // the first request loads the engine
    await this.request('policyLens/ruleInfo', () => this.client.conn.sendRequest('policyLens/ruleInfo', { id: '' }), START_TIMEOUT_MS);
  }

  /** Sends a request; undefined when it failed or was not answered in time (both recorded). */
  async request<T>(method: string, send: () => Promise<T>, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T | undefined> {
    if (this.broken) return undefined;
    this.retryAsked = false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((res) => (timer = setTimeout(() => res('timeout'), timeoutMs)));
    try {
      const r = await Promise.race([send(), timeout]);
      if (r === 'timeout') {
        this.broken = true;
        this.fail('hang', `${method} unanswered after ${timeoutMs} ms`);
        return undefined;
      }
      return r;
    } catch (e) {
      const code = (e as { code?: number }).code;
      if (code !== undefined && RETRY_CODES.has(code)) {
        this.retryAsked = true;
        return undefined;
      }
      if (!this.broken) this.fail('request-error', `${method} failed: ${(e as Error).message}`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  notify(method: string, params: unknown): void {
    if (!this.broken) void this.client.conn.sendNotification(method, params).catch(() => undefined);
  }

  /** A cheap request (the info of no rule): its answer means every message sent before it has been handled. */
  ping(): Promise<unknown> {
    return this.request('policyLens/ruleInfo', () => this.client.conn.sendRequest('policyLens/ruleInfo', { id: '' }));
  }

  /** A started server for `root` that has loaded its engine (about 2 s of CPU) and nothing else yet. */
  static async launch(name: 'fuzzed' | 'cold', mode: Mode, root: string, nodeArgs: string[] = []): Promise<ServerUnderTest> {
    const s = new ServerUnderTest(name, mode, nodeArgs);
    await s.start(root);
    return s;
  }

  /**
   * Waits until the server has handled everything and said nothing for QUIET_MS (its timers have fired),
   * confirmed by a second ping that nothing interrupts. Polls; never sleeps a fixed time.
   */
  async quiet(): Promise<void> {
    await this.ping();
    for (let round = 0; round < 50 && !this.broken; round++) {
      for (;;) {
        const idle = Date.now() - this.lastMessageAt;
        if (idle >= QUIET_MS || this.broken) break;
        await new Promise((r) => setTimeout(r, Math.min(100, QUIET_MS - idle + 5)));
      }
      const mark = this.messages;
      await this.ping();
      // the ping's answer is one message; anything more means the server was still at work
      if (this.messages - mark <= 1) return;
    }
  }

  /** A pull; asked again (as editors do) when the server answers that the document changed meanwhile. */
  async pull(uri: string): Promise<Diagnostic[] | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const r = await this.request('textDocument/diagnostic', () => this.client.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<{ kind: string; items?: Diagnostic[] }>);
      if (r) return r.items ?? [];
      if (!this.retryAsked) return undefined;
    }
    return undefined;
  }

  /** Stack traces the server wrote to stderr since the last look. */
  checkStderr(): void {
    const fresh = this.client.stderr.slice(this.stderrSeen);
    this.stderrSeen = this.client.stderr.length;
    if (STACK_LINE.test(fresh)) this.fail('stderr', `stack trace on stderr: ${fresh.trim().slice(0, 600)}`);
  }

  /** Resident set size in bytes (Linux), or undefined. */
  rss(): number | undefined {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.client.proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.broken) {
      this.client.proc.kill('SIGKILL');
      this.client.conn.dispose();
      return;
    }
    this.checkStderr();
    await this.client.stop();
  }

  private stderrTail(): string {
    const t = this.client.stderr.trim();
    return t ? `; stderr: ${t.slice(-600)}` : '';
  }
}
