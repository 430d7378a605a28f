// @ts-check
/** A seeded PRNG (mulberry32): the same seed gives the same campaign, fault for fault. */

/** @param {number} seed */
export function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** @param {number} n integer in [0, n) */
    int: (n) => Math.floor(next() * n),
    /** @template T @param {readonly T[]} items @returns {T} */
    pick: (items) => items[Math.floor(next() * items.length)],
    /** @param {number} p */
    chance: (p) => next() < p,
    /**
     * A key by weight. @template {string} K @param {Record<K, number>} weights @returns {K}
     */
    weighted(weights) {
      const entries = /** @type {[K, number][]} */ (Object.entries(weights));
      let r = next() * entries.reduce((s, [, w]) => s + w, 0);
      for (const [k, w] of entries) { r -= w; if (r < 0) return k; }
      return entries[entries.length - 1][0];
    },
  };
}

/** @typedef {ReturnType<typeof createRandom>} Random */
