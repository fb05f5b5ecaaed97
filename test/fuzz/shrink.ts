// Shrinks a failing scenario to a short op list that still fails the same way (delta debugging over the
// ops: drop halves, then quarters … then single ops), then drops documents opened at the start that no
// longer matter. Every trial is a real run against a fresh server, so the budget is in time.
import { runScenario } from './session';
import { signature, type Op, type Scenario } from './scenario';

export interface Shrunk { scenario: Scenario; runs: number; reproduced: boolean }

export async function shrink(sc: Scenario, sig: string, budgetMs: number, log: (m: string) => void = () => undefined): Promise<Shrunk> {
  const end = Date.now() + budgetMs;
  let runs = 0;
  const fails = async (candidate: Scenario): Promise<boolean> => {
    runs++;
    const o = await runScenario(candidate, { stopAtFirst: true });
    return o.events.some((e) => signature(e) === sig);
  };
  // the comparison needs a check at the end; every other op is negotiable
  const body = sc.ops.filter((op, i) => !(op.t === 'check' && i === sc.ops.length - 1));
  const withCheck = (ops: Op[]): Scenario => ({ ...sc, ops: [...ops, { t: 'check' }] });
  if (!(await fails(withCheck(body)))) return { scenario: sc, runs, reproduced: false };
  let ops = body;
  let chunk = Math.max(1, Math.floor(ops.length / 2));
  while (chunk >= 1 && Date.now() < end) {
    let removed = false;
    for (let i = 0; i < ops.length && Date.now() < end; ) {
      const candidate = [...ops.slice(0, i), ...ops.slice(i + chunk)];
      if (await fails(withCheck(candidate))) {
        ops = candidate;
        removed = true;
        log(`  shrink: ${ops.length} ops left`);
      } else i += chunk;
    }
    if (!removed || chunk > 1) chunk = Math.floor(chunk / 2);
  }
  let scenario = withCheck(ops);
  for (const o of sc.open) {
    if (Date.now() >= end || scenario.open.length <= 1 || ops.some((op) => 'doc' in op && op.doc === o.rel)) continue;
    const candidate = { ...scenario, open: scenario.open.filter((x) => x.rel !== o.rel) };
    if (await fails(candidate)) scenario = candidate;
  }
  return { scenario, runs, reproduced: true };
}
