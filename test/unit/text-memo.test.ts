import assert from 'node:assert/strict';
import { it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { memoByText } from '../../rules/src/text-memo';
import { nameWords } from '../../rules/src/lexicon/credentials/secret-shape';

// a real collection, so that what the heap still holds afterwards is what something retains
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MiB = 1024 * 1024;

function heapUsedAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * 40 versions of a 1 MiB file, as the server sees them while a user types: one short name cut from each
 * goes through `memoised`; only its results are returned (no text stays reachable from the test itself).
 */
function namesCutFromVersions<T>(memoised: (name: string) => T): T[] {
  const results: T[] = [];
  for (let v = 0; v < 40; v++) {
    const text = `const webhookSecret${v}Value = '${'x'.repeat(MiB)}';\n`;
    results.push(memoised(text.slice(6, text.indexOf(' ='))));
  }
  return results;
}

it('a memo keyed by names cut from file texts does not keep those texts alive', () => {
  const memo = memoByText((name) => name.slice(0, 14), { maxChars: 64 * 1024, maxText: 512 });
  const before = heapUsedAfterGc();
  const kept = namesCutFromVersions(memo); // the results are kept as well: they are substrings too
  const grown = heapUsedAfterGc() - before;
  assert.equal(kept[7], 'webhookSecret7');
  assert.equal(memo('webhookSecret7Value'), kept[7]);
  assert.ok(grown < 8 * MiB, `the memo retains ${(grown / MiB).toFixed(1)} MiB after 40 names from 1 MiB texts`);
});

it("the credential name memo (substrings as results) does not keep the file's texts alive", () => {
  const before = heapUsedAfterGc();
  const words = namesCutFromVersions(nameWords);
  const grown = heapUsedAfterGc() - before;
  assert.deepEqual(words[3], ['webhook', 'secret3', 'value']);
  assert.ok(grown < 8 * MiB, `nameWords retains ${(grown / MiB).toFixed(1)} MiB after 40 names from 1 MiB texts`);
});

it('the memo still evicts its oldest texts beyond maxChars', () => {
  let calls = 0;
  const memo = memoByText((t) => (calls++, t.length), { maxChars: 10, maxText: 512 });
  memo('abcde');
  memo('fghij');
  memo('klmno'); // 15 chars: 'abcde' goes
  memo('fghij');
  assert.equal(calls, 3);
  memo('abcde');
  assert.equal(calls, 4);
});
