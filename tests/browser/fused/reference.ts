// Plain-JS reference of the fused cell kernels, written from the contract's formulas
// (fused-contract: src/cells/fused/kernels.ts's header) and nothing else, in float64 so that it is
// the "true" value against which every backend's float32 result is measured.
// Arrays are row-major [B, width]; H is the hidden size.

export type Arr = ArrayLike<number>;
export type Inputs = Record<string, Arr>;

const sig = (x: number) => 1 / (1 + Math.exp(-x));

/** Applies `unit(b, j)` → values per output, each output `widths[k]` gate blocks wide. */
function perUnit(B: number, H: number, widths: number[], unit: (b: number, j: number) => number[][]): Float64Array[] {
  const outs = widths.map((w) => new Float64Array(B * w * H));
  for (let b = 0; b < B; b++)
    for (let j = 0; j < H; j++) {
      const v = unit(b, j);
      widths.forEach((w, k) => {
        for (let g = 0; g < w; g++) outs[k][b * w * H + g * H + j] = v[k][g];
      });
    }
  return outs;
}

/** x[b, gate·H + j] for an input `w` blocks wide. */
const at = (x: Arr, w: number, H: number, b: number, gate: number, j: number) => x[b * w * H + gate * H + j];

export function reference(name: string, x: Inputs, B: number, H: number, attrs: { activation?: string } = {}): Float64Array[] {
  const one = (k: string, b: number, j: number) => at(x[k], 1, H, b, 0, j);
  switch (name) {
    case 'AtlasLstmCell':
      return perUnit(B, H, [1, 1, 1, 1, 1, 1], (b, j) => {
        const i = sig(at(x.z, 4, H, b, 0, j)), f = sig(at(x.z, 4, H, b, 1, j));
        const g = Math.tanh(at(x.z, 4, H, b, 2, j)), o = sig(at(x.z, 4, H, b, 3, j));
        const c = f * one('c', b, j) + i * g;
        return [[o * Math.tanh(c)], [c], [i], [f], [g], [o]];
      });
    case 'AtlasLstmCellGrad':
      return perUnit(B, H, [4, 1], (b, j) => {
        const [dh, dc, i, f, g, o, c, cPrev] = ['dh', 'dc', 'i', 'f', 'g', 'o', 'c', 'cPrev'].map((k) => one(k, b, j));
        const tc = Math.tanh(c);
        const dO = dh * tc;
        const dct = dc + dh * o * (1 - tc * tc);
        return [[dct * g * i * (1 - i), dct * cPrev * f * (1 - f), dct * i * (1 - g * g), dO * o * (1 - o)], [dct * f]];
      });
    case 'AtlasGruCell':
      return perUnit(B, H, [1, 1, 1, 1], (b, j) => {
        const r = sig(at(x.gx, 3, H, b, 0, j) + at(x.gh, 3, H, b, 0, j));
        const z = sig(at(x.gx, 3, H, b, 1, j) + at(x.gh, 3, H, b, 1, j));
        const n = Math.tanh(at(x.gx, 3, H, b, 2, j) + r * at(x.gh, 3, H, b, 2, j));
        return [[(1 - z) * n + z * one('h', b, j)], [r], [z], [n]];
      });
    case 'AtlasGruCellGrad':
      return perUnit(B, H, [3, 3, 1], (b, j) => {
        const [dh, r, z, n, hPrev] = ['dh', 'r', 'z', 'n', 'hPrev'].map((k) => one(k, b, j));
        const dn = dh * (1 - z), dzz = dh * (hPrev - n);
        const an = dn * (1 - n * n);
        const ar = an * at(x.gh, 3, H, b, 2, j) * r * (1 - r);
        const az = dzz * z * (1 - z);
        return [[ar, az, an], [ar, az, an * r], [dh * z]];
      });
    case 'AtlasRnnCell':
      return perUnit(B, H, [1], (b, j) => {
        const p = one('a', b, j) + one('b', b, j);
        return [[attrs.activation === 'relu' ? Math.max(p, 0) : Math.tanh(p)]];
      });
    case 'AtlasRnnCellGrad':
      return perUnit(B, H, [1], (b, j) => {
        const dh = one('dh', b, j), h = one('h', b, j);
        return [[attrs.activation === 'relu' ? (h > 0 ? dh : 0) : dh * (1 - h * h)]];
      });
    default:
      throw new Error(`no reference for ${name}`);
  }
}

/** Input widths (in units of H) of each kernel, in the contract's order. */
export const INPUT_WIDTHS: Record<string, Record<string, number>> = {
  AtlasLstmCell: { z: 4, c: 1 },
  AtlasLstmCellGrad: { dh: 1, dc: 1, i: 1, f: 1, g: 1, o: 1, c: 1, cPrev: 1 },
  AtlasGruCell: { gx: 3, gh: 3, h: 1 },
  AtlasGruCellGrad: { dh: 1, r: 1, z: 1, n: 1, hPrev: 1, gh: 3 },
  AtlasRnnCell: { a: 1, b: 1 },
  AtlasRnnCellGrad: { dh: 1, h: 1 },
};

/** mulberry32: a small seeded generator, so every run and every backend sees the same inputs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Inputs that look like a real step's: pre-activations in ±4 with a few at ±12 (saturated gates),
 * gate values in (0, 1) (or (−1, 1) for g, n), states in ±2, upstream gradients in ±1.
 * Float32 from the start, so the reference and the kernels read the same numbers.
 */
export function makeInputs(name: string, B: number, H: number, seed: number): Record<string, Float32Array> {
  const rand = rng(seed);
  const u = (lo: number, hi: number) => lo + (hi - lo) * rand();
  const out: Record<string, Float32Array> = {};
  for (const [k, w] of Object.entries(INPUT_WIDTHS[name])) {
    const a = new Float32Array(B * w * H);
    // GRU's gradient takes z as a gate value; the LSTM's forward takes it as a pre-activation.
    const gate = ['i', 'f', 'o', 'r'].includes(k) || (k === 'z' && name === 'AtlasGruCellGrad');
    for (let e = 0; e < a.length; e++) {
      if (gate) a[e] = u(0.001, 0.999);
      else if (['z', 'gx', 'gh', 'a', 'b'].includes(k)) a[e] = rand() < 0.05 ? u(-12, 12) : u(-4, 4);
      else if (['g', 'n'].includes(k)) a[e] = u(-0.999, 0.999);
      else if (k === 'h' && name === 'AtlasRnnCellGrad') a[e] = rand() < 0.3 ? 0 : u(-0.999, 0.999);
      else if (['c', 'cPrev', 'h', 'hPrev'].includes(k)) a[e] = u(-2, 2);
      else a[e] = u(-1, 1); // dh, dc
    }
    out[k] = a;
  }
  return out;
}

/**
 * The float32-honest tolerance for one output: 1e-6 + 2e-6 · (largest |value| of the reference
 * output). Why: a float32 value carries a relative rounding of 6e-8; each kernel chains ~10
 * rounded operations, and a GPU's exp and division may be off by a few ulp more (WGSL allows
 * exp 3 + 2|x| ulp), so ~30 ulp of the output's scale is what an honest float32 kernel can be
 * off by; the 1e-6 floor covers values near 0 computed from larger ones (c = f·c + i·g cancels).
 * A wrong formula (a swapped gate, a missing factor) is off by 1e-2 or more.
 */
export function tolerance(ref: ArrayLike<number>): number {
  let scale = 0;
  for (let k = 0; k < ref.length; k++) scale = Math.max(scale, Math.abs(ref[k]));
  return 1e-6 + 2e-6 * scale;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let k = 0; k < a.length; k++) {
    const d = Math.abs(a[k] - b[k]);
    m = Number.isNaN(d) ? Infinity : Math.max(m, d);
  }
  return m;
}
