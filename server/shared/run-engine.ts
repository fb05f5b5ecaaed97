import { allRules } from '../../rules/index';
import { Engine, type RunResult } from '../../rules/src/engine';
import { loadProject, type LoadedProject } from '../../rules/src/node/load-project';

/** One run of every rule over paths on disk (and unsaved buffers): what `check`, `report`, `init` and the editor's report share. */
export function runEngine(paths: string[], opts: { cwd: string; config?: string; manifest?: string; now: Date; overlays?: Map<string, string> }): { loaded: LoadedProject; result: RunResult; engine: Engine } {
  const engine = new Engine(allRules);
  const loaded = loadProject(paths, { cwd: opts.cwd, config: opts.config, manifest: opts.manifest, knownRuleIds: engine.ruleIds, now: opts.now, overlays: opts.overlays });
  const result = engine.run(loaded.input);
  result.notices.unshift(...loaded.notices);
  return { loaded, result, engine };
}
