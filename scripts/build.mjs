// Bundles the CLI, the language server and the extension with esbuild (one file each in dist/, plus
// dist/typescript.js: the TypeScript compiler that the CLI and the server's core both load at run time).
import { build } from 'esbuild';
import { existsSync, chmodSync } from 'node:fs';

const common = { alias: { 'ts-morph': './scripts/ts-morph-runtime.cjs' }, bundle: true, mainFields: ['module', 'main'], platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', legalComments: 'none' };
const entries = [
  // ts-morph's copy of TypeScript, once: scripts/ts-morph-runtime.cjs loads it from beside each bundle
  { in: 'node_modules/@ts-morph/common/dist/typescript.js', out: 'dist/typescript.js' },
  { in: 'server/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  // the server answers `initialize` from a small bundle and loads the engine (TypeScript) from a second one
  { in: 'server/lsp/main.ts', out: 'dist/server.js' },
  { in: 'server/lsp/core.ts', out: 'dist/server-core.js' },
  { in: 'server/lsp/index-worker.ts', out: 'dist/index-worker.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  { in: 'client/webview/listing.ts', out: 'dist/listing-webview.js', platform: 'browser', format: 'iife' },
  { in: 'client/webview/manifest-form/main.ts', out: 'dist/manifest-form.js', platform: 'browser', format: 'iife' },
  { in: 'client/webview/manifest-form/form.css', out: 'dist/manifest-form.css', platform: 'browser' },
];
for (const e of entries) {
  if (!existsSync(e.in)) continue;
  await build({
    ...common,
    entryPoints: [e.in],
    outfile: e.out,
    external: e.external ?? [],
    platform: e.platform ?? 'node',
    format: e.format ?? 'cjs',
    banner: e.banner ? { js: e.banner } : undefined,
  });
  if (e.banner) chmodSync(e.out, 0o755);
}
console.log('built', entries.filter((e) => existsSync(e.in)).map((e) => e.out).join(', '));
