// The wild corpus's data cannot rot: label files match their schema and their apps, the dev/holdout split is
// the recorded seeded shuffle, and the matcher counts hits, misses and false findings per clause as documented.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SET_ASIDE, WILD, ownApps, ownGroup, parseLabels, readCorpus, readLabels } from '../wild/corpus';
import { matchApp, precision, recall, type AppLabels, type ToolFinding } from '../wild/match';
import { seededSplit, splitMismatches } from '../wild/split';

const finding = (file: string, line: number, clauses: string[], ruleId = 'some-rule', extra: Partial<ToolFinding> = {}): ToolFinding => ({ ruleId, clauses, file, line, message: '', ...extra });
const labels = (findings: AppLabels['findings'], extra: Partial<AppLabels> = {}): AppLabels => ({ app: 'x', findings, silent: [], ...extra });
const label = (file: string, line: number, clauses: string[]) => ({ file, line, clauses, rule: null, why: 'a labelled finding' });

describe('wild corpus data', () => {
  const corpus = readCorpus();

  it('has at least 15 real apps at exact versions, each with its own name and package', () => {
    assert.ok(corpus.apps.length >= 15, `${corpus.apps.length} apps`);
    for (const a of corpus.apps) assert.match(a.version, /^\d+\.\d+\.\d+$/, `${a.name}: ${a.version} is not an exact version`);
    assert.equal(new Set(corpus.apps.map((a) => a.name)).size, corpus.apps.length);
    assert.equal(new Set(corpus.apps.map((a) => a.package)).size, corpus.apps.length);
  });

  it('splits every batch dev/holdout by its own recorded seeded shuffle, a third of each batch held out', () => {
    assert.ok(corpus.batches.length >= 2, 'batches');
    assert.equal(new Set(corpus.batches.map((b) => b.name)).size, corpus.batches.length, 'two batches share a name');
    assert.equal(new Set(corpus.batches.map((b) => b.seed)).size, corpus.batches.length, 'two batches share a seed');
    assert.deepEqual(splitMismatches(corpus.batches), []);
    for (const b of corpus.batches) {
      const split = seededSplit(b.apps.map((a) => a.name), b.seed);
      for (const a of b.apps) assert.equal(a.split, split.get(a.name), `${a.name} is not where seed ${b.seed} puts it`);
      assert.equal(b.apps.filter((a) => a.split === 'holdout').length, Math.round(b.apps.length / 3), b.name);
    }
  });

  it('names an app whose recorded split is not its batch shuffle, and shuffles a batch without the others', () => {
    const [first, second] = corpus.batches;
    const moved = { ...first!, apps: first!.apps.map((a, i) => (i === 0 ? { ...a, split: a.split === 'dev' ? ('holdout' as const) : ('dev' as const) } : a)) };
    const found = splitMismatches([moved, second!]);
    assert.equal(found.length, 1);
    assert.match(found[0]!, new RegExp(`^${first!.apps[0]!.name} \\(batch "${first!.name}"\\)`));
    // the older batch keeps its split whatever is added after it: shuffling both batches as one would not
    const asOne = seededSplit(corpus.apps.map((a) => a.name), first!.seed);
    assert.ok(corpus.apps.some((a) => asOne.get(a.name) !== a.split), 'one shuffle over all batches happens to give the same split');
  });

  it('gives every app, real and own, a label file that matches the schema, and no label file without an app', () => {
    const apps = [...corpus.apps.map((a) => a.name), ...ownApps()];
    assert.ok(ownApps().length >= 5, 'own apps');
    for (const app of apps) assert.doesNotThrow(() => readLabels(app), `${app}`);
    const files = readdirSync(join(WILD, 'labels')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    assert.deepEqual(files.sort(), [...apps].sort());
    assert.equal(new Set(apps).size, apps.length, 'an own app has the name of a real one');
  });

  it('gives a real app a manifest of ours that declares exactly the scopes its labels say the code uses', () => {
    const withManifest = corpus.apps.filter((a) => a.manifest);
    assert.ok(withManifest.length >= 1);
    for (const a of withManifest) {
      const manifest = JSON.parse(readFileSync(join(WILD, a.manifest!), 'utf8')) as { scopes: { scope: string }[] };
      assert.deepEqual(manifest.scopes.map((s) => s.scope).sort(), [...(readLabels(a.name).scopesUsed ?? [])].sort(), a.name);
    }
  });

  it('sets own apps written blind aside as "own-holdout", figures only, and leaves the other own apps "own"', () => {
    const setAside = corpus.ownHoldout.map((o) => o.name);
    assert.ok(setAside.length >= 5, `${setAside.length} own apps set aside`);
    assert.equal(new Set(setAside).size, setAside.length, 'an own app is set aside twice');
    for (const name of setAside) {
      assert.ok(ownApps().includes(name), `corpus.json "own" names ${name}, which test/wild/own does not have`);
      assert.equal(ownGroup(corpus, name), 'own-holdout', name);
    }
    const rest = ownApps().filter((n) => !setAside.includes(n));
    assert.ok(rest.length >= 5, 'the own apps written while building are still counted as "own"');
    for (const name of rest) assert.equal(ownGroup(corpus, name), 'own', name);
    // own apps corpus.json describes as "dev" exist and are counted with the other own apps, open to rule authors
    for (const o of corpus.ownListed.filter((x) => x.split === 'dev')) {
      assert.ok(ownApps().includes(o.name), `corpus.json "own" names ${o.name}, which test/wild/own does not have`);
      assert.equal(ownGroup(corpus, o.name), 'own', o.name);
    }
    assert.ok(SET_ASIDE.has('own-holdout') && SET_ASIDE.has('holdout'), 'set-aside groups must hide their per-app figures and details');
    assert.ok(!SET_ASIDE.has('own') && !SET_ASIDE.has('dev'));
    // an own app set aside has labels for the scopes its code uses, so "never used" findings on them are counted
    for (const name of setAside) assert.ok((readLabels(name).scopesUsed ?? []).length > 0, `${name}: scopesUsed`);
  });

  it("labels own apps' files that exist in test/wild/own", () => {
    for (const app of ownApps()) {
      const l = readLabels(app);
      for (const x of [...l.findings, ...l.silent]) assert.ok(existsSync(join(WILD, 'own', app, x.file)), `${app}: ${x.file}`);
    }
  });
});

describe('label schema', () => {
  const good = { app: 'probe', findings: [{ file: 'a.js', line: 3, clauses: ['B.2'], rule: 'hardcoded-credential', why: 'a JWT in the source' }], silent: [] };
  const check = (data: unknown) => () => parseLabels(data, 'probe');

  it('accepts a well-formed file and rejects unknown clauses, missing reasons, absolute paths and unknown fields', () => {
    assert.doesNotThrow(check(good));
    assert.throws(check({ ...good, findings: [{ ...good.findings[0], clauses: ['G.1'] }] }), /clauses/);
    assert.throws(check({ ...good, findings: [{ ...good.findings[0], why: undefined }] }), /why/);
    assert.throws(check({ ...good, findings: [{ ...good.findings[0], file: '/etc/passwd' }] }), /file/);
    assert.throws(check({ ...good, findings: [{ ...good.findings[0], line: 0 }] }), /line/);
    assert.throws(check({ ...good, extra: 1 }), /additional/);
    assert.throws(check({ ...good, app: 'another-app' }), /"app" is another-app/);
  });
});

describe('matcher', () => {
  it('counts a finding within one line of a label with the same clause as a hit, and further away as false plus missed', () => {
    const r = matchApp(labels([label('a.js', 10, ['B.2'])]), [finding('a.js', 11, ['B.2'])]);
    assert.deepEqual(r.perClause.get('B.2'), { tp: 1, fp: 0, fn: 0 });
    const far = matchApp(labels([label('a.js', 10, ['B.2'])]), [finding('a.js', 12, ['B.2'])]);
    assert.deepEqual(far.perClause.get('B.2'), { tp: 0, fp: 1, fn: 1 });
  });

  it('needs the same file and the same clause', () => {
    const r = matchApp(labels([label('a.js', 10, ['B.2'])]), [finding('b.js', 10, ['B.2']), finding('a.js', 10, ['A.6'])]);
    assert.deepEqual(r.perClause.get('B.2'), { tp: 0, fp: 1, fn: 1 });
    assert.deepEqual(r.perClause.get('A.6'), { tp: 0, fp: 1, fn: 0 });
  });

  it('counts each clause of a multi-clause finding, and two findings on one label once', () => {
    const r = matchApp(labels([label('a.js', 5, ['C.1', 'F.1'])]), [finding('a.js', 5, ['C.1', 'F.1']), finding('a.js', 5, ['F.1'], 'other-rule')]);
    assert.deepEqual(r.perClause.get('C.1'), { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(r.perClause.get('F.1'), { tp: 1, fp: 0, fn: 0 });
  });

  it('gives a label to the finding right on it before one a line off, so neighbouring labels both match', () => {
    const r = matchApp(labels([label('a.js', 10, ['A.6']), label('a.js', 11, ['A.6'])]), [finding('a.js', 10, ['A.6']), finding('a.js', 11, ['A.6'])]);
    assert.deepEqual(r.perClause.get('A.6'), { tp: 2, fp: 0, fn: 0 });
  });

  it('ignores suppressed findings and names the near-miss a false finding hit', () => {
    const l = labels([], { silent: [{ file: 'a.js', line: 3, clauses: ['B.2'], rule: 'credential-logged', why: 'a masked token' }] });
    const r = matchApp(l, [finding('a.js', 3, ['B.2'], 'credential-logged'), finding('a.js', 9, ['B.2'], 'x', { suppressed: true })]);
    assert.deepEqual(r.perClause.get('B.2'), { tp: 0, fp: 1, fn: 0 });
    assert.equal(r.falsePositives[0]!.nearMiss?.why, 'a masked token');
  });

  it('counts scope-unused findings on scopes the labels say are used', () => {
    const l = labels([], { scopesUsed: ['contacts:read'] });
    const r = matchApp(l, [
      finding('web1on1-app.json', 9, ['B.6', 'C.5'], 'scope-unused', { message: '[B.6, C.5] Scope "contacts:read" is requested but never used: no call site' }),
      finding('web1on1-app.json', 12, ['B.6', 'C.5'], 'scope-unused', { message: '[B.6, C.5] Scope "users:read" is requested but never used: no call site' }),
    ]);
    assert.deepEqual(r.unusedOnUsedScope.map((u) => u.scope), ['contacts:read']);
  });

  it('computes recall and precision, undefined when there is nothing to divide', () => {
    assert.equal(recall({ tp: 3, fp: 1, fn: 1 }), 0.75);
    assert.equal(precision({ tp: 3, fp: 1, fn: 1 }), 0.75);
    assert.equal(recall({ tp: 0, fp: 2, fn: 0 }), undefined);
    assert.equal(precision({ tp: 0, fp: 0, fn: 2 }), undefined);
  });
});

describe('seeded split', () => {
  it('is deterministic, independent of input order, and changes with the seed', () => {
    const names = Array.from({ length: 12 }, (_, i) => `app-${i}`);
    const a = seededSplit(names, 7);
    assert.deepEqual([...seededSplit([...names].reverse(), 7)].sort(), [...a].sort());
    assert.equal([...a.values()].filter((s) => s === 'holdout').length, 4);
    const other = seededSplit(names, 8);
    assert.notDeepEqual([...a].sort(), [...other].sort());
  });
});
