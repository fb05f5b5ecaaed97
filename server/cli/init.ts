import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MANIFEST_NAME } from '../../rules/src/app';
import { initialManifestForFolder } from '../../rules/src/manifest/initial-manifest';
import { relativePath, toPosix } from '../../rules/src/node/load-project';
import { runEngine } from '../shared/run-engine';
import type { CliIo } from './io';
import { parseNow, UsageError } from './usage';

/** `policy-lens init [PATH]`: a first web1on1-app.json with the scopes the code uses (reasons to fill in). */
export function init(args: string[], io: CliIo): number {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, now: { type: 'string' } } });
  if (positionals.length > 1) throw new UsageError('init takes one app folder');
  const dir = toPosix(io.resolve(positionals[0] ?? '.'));
  const target = `${dir}/${MANIFEST_NAME}`;
  const rel = (p: string) => relativePath(io.cwd, p) || '.';
  if (existsSync(target)) throw new UsageError(`${rel(target)} already exists; check it with \`policy-lens check ${rel(dir)}\``);
  const { loaded, result } = runEngine([dir], { cwd: io.cwd, now: parseNow(values.now) });
  const manifest = initialManifestForFolder(result, dir, (p) => loaded.input.files.get(p));
  if (values['dry-run']) {
    io.out(manifest);
    return 0;
  }
  writeFileSync(target, manifest);
  const scopes = (manifest.match(/"scope":/g) ?? []).length;
  io.err(`policy-lens: wrote ${rel(target)} with ${scopes} scope(s) the code uses; write each "reason", add the privacy policy, support and security contacts, then run \`policy-lens check ${rel(dir)}\``);
  return 0;
}
