// The dev/holdout split of the wild corpus: a seeded shuffle, so that nobody picks which apps are held out.
// Each batch of apps has its own seed and is shuffled alone: adding a batch never moves an app already known
// to be dev or holdout. Within a batch, apps sorted by name, shuffled with mulberry32(seed) (Fisher–Yates);
// the first third (rounded) are holdout.
import { mulberry32 } from '../support/mulberry32';
import type { Batch } from './corpus';

/** name → split for the real (third-party) apps of one batch. */
export function seededSplit(names: readonly string[], seed: number): Map<string, 'dev' | 'holdout'> {
  const order = [...names].sort();
  const rand = mulberry32(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const holdout = Math.round(order.length / 3);
  return new Map(order.map((n, i) => [n, i < holdout ? 'holdout' : 'dev']));
}

/** Every app whose recorded split is not where its batch's seeded shuffle puts it, as readable sentences. */
export function splitMismatches(batches: readonly Batch[]): string[] {
  const out: string[] = [];
  for (const b of batches) {
    const split = seededSplit(b.apps.map((a) => a.name), b.seed);
    for (const a of b.apps) {
      if (split.get(a.name) !== a.split) out.push(`${a.name} (batch "${b.name}") is "${a.split}" but the seeded shuffle of its batch (seed ${b.seed}) says "${split.get(a.name)}"`);
    }
  }
  return out;
}
