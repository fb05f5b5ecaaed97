// `npm run test:desktop`: the same extension in a desktop VS Code through @vscode/test-electron 2.5.x.
// NOT runnable on this project's machines or CI: it downloads VS Code from Microsoft's update servers,
// which they cannot reach. CI proves the extension in a real VS Code through the code-server suite
// (test/e2e, `npm run test:e2e`); this runner is kept small for contributors with a desktop.
import { build } from 'esbuild';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

const REPO = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const out = join(REPO, '.vscode-test', 'desktop-suite.js');
  await build({ entryPoints: [join(__dirname, 'suite.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], logLevel: 'warning' });
  await runTests({
    extensionDevelopmentPath: REPO,
    extensionTestsPath: out,
    launchArgs: [join(REPO, 'test', 'e2e', 'workspace'), '--disable-extensions', '--skip-welcome'],
  });
}

main().catch((e: unknown) => {
  console.error(`desktop suite failed: ${(e as Error).message}`);
  process.exit(1);
});
