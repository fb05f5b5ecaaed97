// The dev/holdout split of the wild corpus: a seeded shuffle, so that nobody picks which apps are held out.
// Apps sorted by name, shuffled with mulberry32(seed) (Fisher–Yates); the first third (rounded) are holdout.
import { mulberry32 } from '../support/mulberry32';

/** name → split for the real (third-party) apps. */
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
