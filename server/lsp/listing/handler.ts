// The `policyLens/listing` request: the listing model of one manifest from the current snapshot, plus
// the permission impact against a git ref. Git is read only when the client says the workspace is
// trusted (Restricted Mode promises that nothing of a workspace's git is touched).
import { allRules } from '../../../rules/index';
import { relativePath } from '../../../rules/src/node/load-project';
import { buildComplianceReport } from '../../../rules/src/report/compliance';
import { TOOL_VERSION } from '../../shared/version';
import type { Snapshot } from '../project';
import type { ListingParams, ListingResult, PermissionImpact } from '../protocol';
import { appScopes } from '../scopes';
import { pathToUri, uriToPath } from '../uri';
import { findRepo, readTextAt, repoProblem, resolveCompareRef, type RefResult, type Repo } from './git';
import { compareScopes, declaredScopeNames } from './impact';
import { buildListingModel } from './model';

export async function listing(p: ListingParams, snapshotFor: (path: string) => { snap: Snapshot; root: string } | undefined): Promise<ListingResult> {
  const path = uriToPath(p.uri);
  if (!path || !path.endsWith('/web1on1-app.json')) return { ok: false, message: 'The listing preview needs a web1on1-app.json file.' };
  const s = snapshotFor(path);
  if (!s) return { ok: false, message: 'No checked folder contains this manifest.' };
  const app = s.snap.result.apps.find((a) => a.manifestPath === path);
  if (!app) return { ok: false, message: 'Policy Lens has not read this manifest (is it excluded, or outside the workspace folders?).' };
  const rel = (f: string) => relativePath(s.root, f);
  const report = buildComplianceReport({ result: s.snap.result, rules: allRules, toolVersion: TOOL_VERSION, now: s.snap.finishedAt, relative: rel });
  const findings = s.snap.result.findings.filter((f) => !f.suppression);
  const now = declaredScopeNames(path, app.manifest?.text);
  const impact = await permissionImpact(p, path, now);
  const scopes = appScopes(path, s.snap);
  return { ok: true, model: buildListingModel({ app, manifestUri: p.uri, report, findings, relative: rel, toUri: pathToUri, impact, checkedAt: s.snap.finishedAt, scopes }) };
}

/** Earlier scope lists by repository, commit and file: a release does not change, so it is read once. */
const earlier = new Map<string, string[] | null>();
/**
 * Which commit a ref names, for a few seconds: the preview asks on every pause in typing, and finding the
 * latest tag reads every tag's commit. A new tag or commit shows within REF_TTL_MS.
 */
const refs = new Map<string, { at: number; ref: RefResult }>();
const REF_TTL_MS = 10_000;

async function cachedRef(repo: Repo, wanted: string | undefined): Promise<RefResult> {
  const key = `${repo.gitdir}\0${wanted ?? ''}`;
  const hit = refs.get(key);
  if (hit && Date.now() - hit.at < REF_TTL_MS) return hit.ref;
  const ref = await resolveCompareRef(repo, wanted);
  if (refs.size > 32) refs.clear();
  refs.set(key, { at: Date.now(), ref });
  return ref;
}

async function permissionImpact(p: ListingParams, path: string, now: string[]): Promise<PermissionImpact> {
  if (!p.trusted) return { state: 'off', reason: 'This workspace is not trusted (Restricted Mode), so Policy Lens does not read its git history. Trust the workspace to compare the scopes with a release.' };
  const repo = findRepo(path.slice(0, path.lastIndexOf('/')));
  if (!repo) return { state: 'unavailable', reason: 'The app is not in a git repository, so there is no earlier version to compare with.' };
  try {
    const tooBig = repoProblem(repo);
    if (tooBig) return { state: 'unavailable', reason: `Not compared: ${tooBig}.` };
    const ref = await cachedRef(repo, p.compareRef);
    if (!ref.ok) return { state: 'unavailable', reason: `Not compared: ${ref.reason}.` };
    const key = `${repo.gitdir}\0${ref.oid}\0${path}`;
    let before = earlier.get(key);
    if (before === undefined) {
      const text = await readTextAt(repo, ref.oid, path);
      before = text === undefined ? null : declaredScopeNames(path, text);
      if (earlier.size > 32) earlier.clear();
      earlier.set(key, before);
    }
    return { state: 'compared', ref: ref.label, commit: ref.oid.slice(0, 12), manifestExisted: before !== null, ...compareScopes(now, before ?? []) };
  } catch (e) {
    return { state: 'unavailable', reason: `Not compared: the repository could not be read (${(e as Error).message}).` };
  }
}
