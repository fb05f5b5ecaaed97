// mulberry32: a tiny seeded PRNG (floats in [0, 1)). The generated bench bots and the wild corpus's
// dev/holdout split both depend on its exact sequence, so there is one copy of it.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
