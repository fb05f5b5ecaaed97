// The extension's context: owns the language client, the status item, the output channel and every
// disposable, so restart and deactivate are one call each.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, StatusNotification, type InitOptions, type StatusParams } from '../../server/lsp/protocol';
import { Status } from './status';
import { StatusBar } from './status-bar';

/**
 * glibc keeps the memory of the indexing worker's malloc arenas after the worker ends: two arenas keep the
 * idle server of a 2,000-file workspace at about 210 MiB RSS instead of 230–255 (npm run bench:lsp). And it
 * raises its threshold for giving big blocks their own mapping as they are freed, so the big buffers of a scan
 * (the files sent to the worker, its results) end up kept in the arenas: a fixed 1 MiB threshold returns them
 * when freed (2,000 files, 3 runs each, alternated on a busy machine: idle 169–213 MiB instead of 233–287 right
 * after indexing, peak 222–351 instead of 379–383).
 */
const SERVER_ENV = {
  ...process.env,
  MALLOC_ARENA_MAX: process.env['MALLOC_ARENA_MAX'] ?? '2',
  MALLOC_MMAP_THRESHOLD_: process.env['MALLOC_MMAP_THRESHOLD_'] ?? '1048576',
};

/** Files the server checks: code, the manifest and the app files rules read. */
export const SELECTOR: ({ scheme: 'file'; language: string } | { scheme: 'file'; pattern: string })[] = [
  ...['javascript', 'javascriptreact', 'typescript', 'typescriptreact'].map((language) => ({ scheme: 'file' as const, language })),
  { scheme: 'file', pattern: '**/web1on1-app.json' },
  { scheme: 'file', pattern: '**/.policylens.json' },
  { scheme: 'file', pattern: '**/package.json' },
  { scheme: 'file', pattern: '**/.env.example' },
];

export class Ctx implements vscode.Disposable {
  client: LanguageClient | undefined;
  readonly output = vscode.window.createOutputChannel('Policy Lens');
  /** Created when the server first starts: a workspace that is not a Web1on1 app shows nothing. */
  private status: Status | undefined;
  readonly statusBar = new StatusBar();
  private readonly checked = new vscode.EventEmitter<StatusParams>();
  /** After every check the server finishes (views that show findings refresh on it). */
  readonly onDidCheck = this.checked.event;
  private readonly disposables: vscode.Disposable[] = [this.output, this.statusBar, this.checked, { dispose: () => this.status?.dispose() }];

  constructor(readonly extension: vscode.ExtensionContext) {}

  push(...d: vscode.Disposable[]): void {
    this.disposables.push(...d);
  }

  async start(): Promise<void> {
    if (this.client) return;
    const module = this.extension.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { env: SERVER_ENV } },
      debug: { module, transport: TransportKind.ipc, options: { env: SERVER_ENV, execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const init: InitOptions = {
      clientCommands: Object.values(CLIENT_COMMANDS),
      // Restricted Mode: the server only reads files; it runs no workspace code and no git in any mode
      trusted: vscode.workspace.isTrusted,
      // package.json contributes the manifest's JSON schema: VS Code completes scope and event names itself
      manifestSchema: true,
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: SELECTOR,
      outputChannel: this.output,
      initializationOptions: init,
    };
    // The id makes the client read `policyLens.trace.server` itself.
    const client = new LanguageClient('policyLens', 'Policy Lens', serverOptions, clientOptions);
    client.onNotification(StatusNotification, (s) => {
      this.status?.update(s);
      this.statusBar.update(s);
      this.checked.fire(s);
    });
    this.client = client;
    this.status ??= new Status(SELECTOR);
    this.statusBar.starting();
    await client.start();
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c) await c.stop().catch((e: unknown) => this.output.appendLine(`stop: ${String(e)}`));
    this.status?.stopped();
    this.statusBar.stopped();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** The running client; starts it when a command needs it in a workspace that did not activate it. */
  async ready(): Promise<LanguageClient> {
    if (!this.client) await this.start();
    return this.client!;
  }

  dispose(): void {
    void this.stop();
    for (const d of this.disposables) d.dispose();
  }
}

