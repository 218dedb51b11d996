// Seeded PRNG for the synthetic corpus. Every report is drawn from its own stream (seed, index), so the first N
// reports of a larger corpus are byte-identical to an N-report corpus and a cached corpus can be reused by prefix.

function mix32(x) {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

export function streamSeed(seed, index) {
  return mix32((mix32(seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
}

export class Rng {
  constructor(seed) {
    this.s = seed >>> 0 || 0x6d2b79f5;
  }

  /** mulberry32: small, fast and good enough for picking words. */
  next() {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p) {
    return this.next() < p;
  }

  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }

  /** Picks by weight from [[value, weight], …]. */
  weighted(pairs) {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }

  shuffle(list) {
    const a = [...list];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }

  /** Log-uniform draw: report sizes span two orders of magnitude, most of them small. */
  logUniform(lo, hi) {
    return Math.round(Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo))));
  }
}
