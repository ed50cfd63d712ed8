/** A tiny deterministic PRNG (mulberry32) and the draws the generator needs. */

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

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** An index drawn with the given weights. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Splits `n` items over bins by weight, one draw per item (n stays in the low thousands here). */
  spread(n: number, weights: readonly number[]): number[] {
    const out = weights.map(() => 0);
    for (let i = 0; i < n; i++) out[this.weighted(weights)]++;
    return out;
  }

  /** A count that is mostly zero, sometimes small, occasionally in the hundreds or more. */
  count(pZero: number, small: number, large: number, pLarge = 0.1): number {
    if (this.chance(pZero)) return 0;
    return this.chance(pLarge) ? this.int(small, large) : this.int(1, small);
  }

  /** A money amount in 万元 with 0–4 decimals. */
  money(max: number): number {
    const decimals = this.int(0, 4);
    const scale = 10 ** decimals;
    return Math.round(this.next() * max * scale) / scale;
  }
}
