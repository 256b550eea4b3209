// Seeded randomness: the same seed gives the same weights, batches and probe sequence on every
// backend, because nothing random is drawn by tfjs itself.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  uniform(lo: number, hi: number): number;
  normal(mean?: number, std?: number): number;
  int(n: number): number;
  /** An independent stream derived from this one's seed and a label (stable across code changes elsewhere). */
  fork(label: string): Rng;
  readonly seed: number;
  /** Where the stream stands, to go on from there later (a run resumed after a fault). */
  save(): RngState;
  restore(state: RngState): void;
}

export interface RngState {
  a: number;
  spare: number | null;
}

function hashString(s: string): number {
  let h = 2166136261 >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for weights and toy data. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  let spare: number | null = null;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    seed: seed >>> 0,
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    normal(mean = 0, std = 1) {
      if (spare !== null) {
        const v = spare;
        spare = null;
        return mean + std * v;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return mean + std * r * Math.cos(2 * Math.PI * v);
    },
    int: (n) => Math.floor(next() * n),
    fork: (label) => createRng((hashString(label) ^ Math.imul(seed >>> 0, 2654435761)) >>> 0),
    save: () => ({ a, spare }),
    restore(state) {
      a = state.a >>> 0;
      spare = state.spare;
    },
  };
  return rng;
}
