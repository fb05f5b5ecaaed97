// Entry of dist/server.js. `--stdio` for any LSP editor, `--node-ipc` when VS Code starts it
// (vscode-languageserver picks the other transports from argv).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { stdioConnection } from './stdio';

type Core = typeof import('./core');

/**
 * The engine (TypeScript via ts-morph: a 15 MB bundle, ~0.5 s to read and compile) lives in
 * dist/server-core.js and is loaded right after `initialize` is answered. From sources (tsx) the
 * module next to this file is used. The specifier is a variable so esbuild leaves it out of this bundle.
 */
function loadCore(): Core {
  const bundled = join(__dirname, 'server-core.js');
  const spec = existsSync(bundled) ? bundled : './core';
  return require(spec) as Core;
}

startServer(process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all), loadCore);
