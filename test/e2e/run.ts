// `npm run test:e2e`: set up the cache (.ci/e2e-setup.sh), build and package the .vsix, install it into
// code-server, then run the e2e tests (node:test + playwright-core). Locally a machine that cannot run
// code-server or chromium skips with a clear message; with CI=true that is a failure, never a skip.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, CODE_SERVER, EXTENSIONS_DIR, NODE24, REPO, VSIX } from './paths';

const CI = process.env.CI === 'true' || process.env.CI === '1';

function step(what: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n# e2e: ${what}`);
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit', env });
  return r.status === 0;
}

function cannotRun(why: string): never {
  if (CI) {
    console.error(`e2e: FAILED to start: ${why} (CI=true: a missing browser or code-server is a failure)`);
    process.exit(1);
  }
  console.log(`e2e: SKIPPED: ${why}. Run .ci/e2e-setup.sh as root (or with sudo) to install code-server and chromium.`);
  process.exit(0);
}

if (!step('setup (.ci/e2e-setup.sh)', 'bash', [join(REPO, '.ci', 'e2e-setup.sh')])) cannotRun('.ci/e2e-setup.sh failed');
if (!step('build and package the .vsix', 'npm', ['run', 'package'])) process.exit(1);
console.log(`e2e: ${VSIX} is ${(statSync(VSIX).size / 1024 / 1024).toFixed(2)} MiB`);

// A fresh extensions folder so the run tests exactly this .vsix.
rmSync(EXTENSIONS_DIR, { recursive: true, force: true });
mkdirSync(EXTENSIONS_DIR, { recursive: true });
const userData = join(REPO, '.vscode-test', 'install-user-data');
// code-server writes a config file under XDG_CONFIG_HOME: keep it in the cache, not in $HOME
const pathEnv = { ...process.env, PATH: `${join(NODE24, '..')}:${process.env.PATH}`, XDG_CONFIG_HOME: join(REPO, '.vscode-test', 'config') };
if (!step('install the .vsix into code-server', NODE24, [CODE_SERVER, '--extensions-dir', EXTENSIONS_DIR, '--user-data-dir', userData, '--install-extension', VSIX, '--force'], pathEnv)) {
  cannotRun('code-server could not install the extension');
}

const tests = readdirSync(join(REPO, 'test', 'e2e')).filter((f) => f.endsWith('.test.ts')).map((f) => join('test', 'e2e', f));
rmSync(ARTIFACTS, { recursive: true, force: true });
mkdirSync(ARTIFACTS, { recursive: true });
const ok = step('tests', process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter-destination=stdout', ...tests]);
console.log(`e2e: screenshots and logs in ${ARTIFACTS}`);
process.exit(ok ? 0 : 1);
