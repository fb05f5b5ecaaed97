// What a file has that some code rules need before they can find anything there, read off the model the
// file's one walk already built: a rule that declares `meta.requires` is not even created on a file that has
// none of them (test/unit/rule-gating.test.ts holds every declaration to the findings of a run without gating).
import type { AppInfo } from '../app';
import { loadsChannelPackage } from '../model/channel-sends';
import type { FileModel } from '../model/file-model';
import type { FileTrait } from '../rule';

/** The traits `model` (of a file of `app`) has. */
export function fileTraits(model: FileModel, app: AppInfo | undefined): ReadonlySet<FileTrait> {
  const traits = new Set<FileTrait>();
  const { sdk, http } = model;
  if (sdk.calls.length > 0) traits.add('sdk-calls');
  if (sdk.calls.length > 0 || sdk.mayHaveInstances()) traits.add('sdk');
  if (http.calls.length > 0) traits.add('http-calls');
  if (app?.manifestObject() !== undefined) traits.add('manifest');
  if (loadsChannelPackage(model)) traits.add('channel-package');
  return traits;
}

/** Whether a rule that requires `required` (any one of them) can find anything in a file with `traits`. */
export function applies(required: readonly FileTrait[] | undefined, traits: ReadonlySet<FileTrait>): boolean {
  return required === undefined || required.some((t) => traits.has(t));
}
