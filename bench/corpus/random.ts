/**
 * Deterministic randomness for the synthetic corpus: the same seed number gives the same
 * sequence on every machine (no Math.random, no clock).
 *
 * Contract: `createRandom(seed)` returns a small PRNG (sfc32, state filled by splitmix32 from
 * the seed). `Zipf` draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s, so
 * rank 0 is the biggest hub and the tail holds many rarely drawn items.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items (or all of them, when fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRandom(seed: number): Random {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (!items.length) throw new Error('internal: pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    sample: (items, count) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, count);
    },
  };
}

export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(
    readonly n: number,
    s: number,
  ) {
    if (n < 1) throw new Error('internal: Zipf over an empty range');
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) this.cumulative[r] = total += 1 / (r + 1) ** s;
  }

  /** A rank in [0, n): binary search of a uniform draw in the cumulative weights. */
  draw(random: Random): number {
    const u = random.next() * this.cumulative[this.n - 1]!;
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
