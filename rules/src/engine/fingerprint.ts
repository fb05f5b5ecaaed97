// A finding's fingerprint: stable while its line's text, rule and message stay, so a baseline survives edits elsewhere.
import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import type { LineIndex } from '../positions';

/**
 * Per line, the fingerprints already made: a finding's fingerprint hashes its whole (normalised) line, so
 * 20,000 findings on one 600 kB generated line would hash 12 GB; the same rule and message there is one hash.
 */
const fingerprintsByLine = new WeakMap<LineIndex, Map<string, string>>();
export function fingerprint(lines: LineIndex, line: number, ruleId: string, message: string): string {
  let known = fingerprintsByLine.get(lines);
  if (!known) fingerprintsByLine.set(lines, (known = new Map()));
  const key = `${line}\0${ruleId}\0${message}`;
  let f = known.get(key);
  if (f === undefined) {
    const lineText = lines.lineText(line).trim().replace(/\s+/g, ' ');
    known.set(key, (f = hash(`${ruleId}\0${lineText}\0${message}`).slice(0, 16)));
  }
  return f;
}

// one-shot hashing (Node ≥ 20.12) costs a third of a Hash object per finding; same digest
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
function hash(s: string): string {
  return oneShot ? oneShot('sha1', s) : createHash('sha1').update(s).digest('hex');
}
