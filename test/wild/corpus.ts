// The wild corpus: real apps from npm (test/wild/corpus.json), our own apps written the way other developers
// write (test/wild/own/<app>/), and their labels (test/wild/labels/<app>.json, schema label.schema.json).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { AppLabels } from './match';
import labelSchema from './label.schema.json';

export const WILD = __dirname;

export interface RealApp {
  name: string;
  package: string;
  version: string;
  paths: string[];
  /** A web1on1-app.json of ours (path under test/wild) put beside the app's code, declaring the scopes it uses. */
  manifest?: string;
  author: string;
  kind: string;
  why: string;
  split: 'dev' | 'holdout';
}
/** Apps added together; the seed shuffles this batch alone, so a new batch never moves an older app. */
export interface Batch { name: string; seed: number; apps: RealApp[] }
/**
 * An own app (test/wild/own/<name>) described in corpus.json. Split "holdout": set aside, written and labelled blind
 * by someone who did not read the rules, so whoever changes rules must not read it or its labels either. Split
 * "dev": written by someone who had not read the rules either, but open to rule authors, counted as "own".
 * Own apps not listed are counted as "own" too.
 */
export interface OwnListedApp { name: string; split: 'dev' | 'holdout'; author: string; kind: string; why: string }
export type OwnHoldoutApp = OwnListedApp & { split: 'holdout' };
export interface CorpusFile { batches: Batch[]; own?: OwnListedApp[] }
/** The corpus as read: its batches, every real app with the name of the batch it came in, the own apps it describes and those set aside. */
export interface Corpus { batches: Batch[]; apps: (RealApp & { batch: string })[]; ownListed: OwnListedApp[]; ownHoldout: OwnHoldoutApp[] }
export type Group = 'dev' | 'holdout' | 'own' | 'own-holdout';

/** Groups whose apps get figures only: no per-app counts, no --details, so nobody tunes the rules to them. */
export const SET_ASIDE: ReadonlySet<Group> = new Set<Group>(['holdout', 'own-holdout']);

export function readCorpus(): Corpus {
  const file = JSON.parse(readFileSync(join(WILD, 'corpus.json'), 'utf8')) as CorpusFile;
  if (!Array.isArray(file.batches)) throw new Error('test/wild/corpus.json: "batches" is missing');
  const ownListed = file.own ?? [];
  const wrong = ownListed.filter((o) => o.split !== 'holdout' && o.split !== 'dev').map((o) => o.name);
  if (wrong.length) throw new Error(`test/wild/corpus.json: "own" apps have the split "dev" or "holdout": ${wrong.join(', ')}`);
  const ownHoldout = ownListed.filter((o): o is OwnHoldoutApp => o.split === 'holdout');
  return { batches: file.batches, apps: file.batches.flatMap((b) => b.apps.map((a) => ({ ...a, batch: b.name }))), ownListed, ownHoldout };
}

/** The group of an own app: "own-holdout" when corpus.json's "own" list sets it aside, "own" otherwise. */
export function ownGroup(corpus: Corpus, name: string): 'own' | 'own-holdout' {
  return corpus.ownHoldout.some((o) => o.name === name) ? 'own-holdout' : 'own';
}

/** Our own apps: every folder under test/wild/own. */
export function ownApps(): string[] {
  const dir = join(WILD, 'own');
  return existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
}

const validate = new Ajv({ allErrors: true }).compile<AppLabels>(labelSchema);

/** Checks label data against the schema and its app name; throws with every schema error otherwise. */
export function parseLabels(data: unknown, app: string, source = `test/wild/labels/${app}.json`): AppLabels {
  if (!validate(data)) throw new Error(`${source}: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`);
  if (data.app !== app) throw new Error(`${source}: "app" is ${data.app}`);
  return data;
}

/** The labels of one app, schema-checked. */
export function readLabels(app: string): AppLabels {
  const path = join(WILD, 'labels', `${app}.json`);
  if (!existsSync(path)) throw new Error(`test/wild/labels/${app}.json is missing`);
  return parseLabels(JSON.parse(readFileSync(path, 'utf8')), app);
}
