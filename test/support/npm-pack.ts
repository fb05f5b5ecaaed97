// The npm package as `npm publish` would send it, for the tests of what users install: packs the bundles that
// `npm test` has just built (scripts off, so no second build) and installs the tarball offline.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './rule-folders';

export interface Packed { tarball: string; size: number; unpackedSize: number; files: string[] }

/** npm's environment without the settings of an outer `npm test` (they would steer the inner npm), offline. */
export function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
}

export function packPolicyLens(dest: string): Packed {
  mkdirSync(dest, { recursive: true });
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: REPO, env: npmEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [info] = JSON.parse(out) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
  return { tarball: join(dest, info!.filename), size: info!.size, unpackedSize: info!.unpackedSize, files: info!.files.map((f) => f.path).sort() };
}

/** An empty project folder with the tarball installed as a user would (`npm install policy-lens`), offline. */
export function installInto(dir: string, tarball: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'dealer-app', version: '1.0.0', private: true }) + '\n');
  execFileSync('npm', ['install', '--no-save', '--loglevel=error', tarball], { cwd: dir, env: npmEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
