// The fused cells' element-wise formulas (fused-contract: AtlasLstmCell … AtlasRnnCellGrad),
// written once for both shader languages. webgl.ts turns them into GLSL, webgpu.ts into WGSL; a
// formula only sees one hidden unit (row b, unit j) and names its inputs' gate blocks, so the two
// backends cannot drift apart in what they compute, only in how they address memory.
//
// Pure strings: no tfjs, no backend code, so this loads anywhere.

/** The few spots where GLSL and WGSL differ in an expression. */
export interface Dialect {
  /** Value of input `name` at row b, column gate·H + j. */
  read(name: string, gate: number): string;
  /** cond ? a : b */
  select(cond: string, a: string, b: string): string;
}

export interface FusedFormula {
  /** Input names in the kernel's input map, with their width in units of H (1, 3 or 4). */
  inputs: { name: string; width: number }[];
  /** Output widths in units of H, in the kernel's output order. */
  outputs: number[];
  /** Local values for one unit, in order: [name, expression]; names get a `t_` prefix by the caller. */
  lets(d: Dialect): [string, string][];
  /** Per output, one expression per gate block (width many) in terms of the lets. */
  values: string[][];
}

export type RnnActivation = 'tanh' | 'relu';

// Locals are written with a `t_` prefix so they never meet a tfjs helper or a WGSL keyword.
export const FORMULAS = {
  AtlasLstmCell: (): FusedFormula => ({
    inputs: [{ name: 'z', width: 4 }, { name: 'c', width: 1 }],
    outputs: [1, 1, 1, 1, 1, 1],
    lets: (d) => [
      ['t_i', `atlasSigmoid(${d.read('z', 0)})`],
      ['t_f', `atlasSigmoid(${d.read('z', 1)})`],
      ['t_g', `atlasTanh(${d.read('z', 2)})`],
      ['t_o', `atlasSigmoid(${d.read('z', 3)})`],
      ['t_c', `t_f * ${d.read('c', 0)} + t_i * t_g`],
      ['t_h', 't_o * atlasTanh(t_c)'],
    ],
    values: [['t_h'], ['t_c'], ['t_i'], ['t_f'], ['t_g'], ['t_o']],
  }),
  AtlasLstmCellGrad: (): FusedFormula => ({
    inputs: ['dh', 'dc', 'i', 'f', 'g', 'o', 'c', 'cPrev'].map((name) => ({ name, width: 1 })),
    outputs: [4, 1],
    lets: (d) => [
      ['t_dh', d.read('dh', 0)],
      ['t_i', d.read('i', 0)],
      ['t_f', d.read('f', 0)],
      ['t_g', d.read('g', 0)],
      ['t_o', d.read('o', 0)],
      ['t_tc', `atlasTanh(${d.read('c', 0)})`],
      ['t_dct', `${d.read('dc', 0)} + t_dh * t_o * (1.0 - t_tc * t_tc)`],
      ['t_dzi', 't_dct * t_g * t_i * (1.0 - t_i)'],
      ['t_dzf', `t_dct * ${d.read('cPrev', 0)} * t_f * (1.0 - t_f)`],
      ['t_dzg', 't_dct * t_i * (1.0 - t_g * t_g)'],
      ['t_dzo', 't_dh * t_tc * t_o * (1.0 - t_o)'],
    ],
    values: [['t_dzi', 't_dzf', 't_dzg', 't_dzo'], ['t_dct * t_f']],
  }),
  AtlasGruCell: (): FusedFormula => ({
    inputs: [{ name: 'gx', width: 3 }, { name: 'gh', width: 3 }, { name: 'h', width: 1 }],
    outputs: [1, 1, 1, 1],
    lets: (d) => [
      ['t_r', `atlasSigmoid(${d.read('gx', 0)} + ${d.read('gh', 0)})`],
      ['t_z', `atlasSigmoid(${d.read('gx', 1)} + ${d.read('gh', 1)})`],
      ['t_n', `atlasTanh(${d.read('gx', 2)} + t_r * ${d.read('gh', 2)})`],
      // n + z·(h_prev − n): the contract's rounding order, the same as the op-by-op step's.
      ['t_h', `t_n + t_z * (${d.read('h', 0)} - t_n)`],
    ],
    values: [['t_h'], ['t_r'], ['t_z'], ['t_n']],
  }),
  AtlasGruCellGrad: (): FusedFormula => ({
    inputs: [
      ...['dh', 'r', 'z', 'n', 'hPrev'].map((name) => ({ name, width: 1 })),
      { name: 'gh', width: 3 },
    ],
    outputs: [3, 3, 1],
    lets: (d) => [
      ['t_dh', d.read('dh', 0)],
      ['t_r', d.read('r', 0)],
      ['t_z', d.read('z', 0)],
      ['t_n', d.read('n', 0)],
      ['t_an', 't_dh * (1.0 - t_z) * (1.0 - t_n * t_n)'],
      ['t_ar', `t_an * ${d.read('gh', 2)} * t_r * (1.0 - t_r)`],
      ['t_az', `t_dh * (${d.read('hPrev', 0)} - t_n) * t_z * (1.0 - t_z)`],
    ],
    values: [['t_ar', 't_az', 't_an'], ['t_ar', 't_az', 't_an * t_r'], ['t_dh * t_z']],
  }),
  AtlasRnnCell: (activation: RnnActivation): FusedFormula => ({
    inputs: [{ name: 'a', width: 1 }, { name: 'b', width: 1 }],
    outputs: [1],
    lets: (d) => [
      ['t_p', `${d.read('a', 0)} + ${d.read('b', 0)}`],
      ['t_h', activation === 'relu' ? d.select('t_p > 0.0', 't_p', '0.0') : 'atlasTanh(t_p)'],
    ],
    values: [['t_h']],
  }),
  AtlasRnnCellGrad: (activation: RnnActivation): FusedFormula => ({
    inputs: [{ name: 'dh', width: 1 }, { name: 'h', width: 1 }],
    outputs: [1],
    lets: (d) => [
      ['t_dh', d.read('dh', 0)],
      ['t_h', d.read('h', 0)],
      ['t_d', activation === 'relu' ? d.select('t_h > 0.0', 't_dh', '0.0') : 't_dh * (1.0 - t_h * t_h)'],
    ],
    values: [['t_d']],
  }),
} as const;

export type FusedKernelName = keyof typeof FORMULAS;
export const FUSED_KERNEL_NAMES = Object.keys(FORMULAS) as FusedKernelName[];

/** The formula for a kernel and its attributes (only the RNN pair has one: the activation). */
export function formulaFor(name: FusedKernelName, attrs: { activation?: unknown }): FusedFormula {
  if (!name.startsWith('AtlasRnn')) return FORMULAS[name]('tanh');
  const act = attrs.activation ?? 'tanh';
  if (act !== 'tanh' && act !== 'relu') throw new Error(`${name}: activation must be 'tanh' or 'relu', got ${String(act)}`);
  return FORMULAS[name](act);
}

/** Part of a shader cache key that tells the attributes apart. */
export const attrKey = (name: FusedKernelName, attrs: { activation?: unknown }) =>
  name.startsWith('AtlasRnn') ? (attrs.activation === 'relu' ? 'relu' : 'tanh') : '';

/**
 * The lets that `exprs` need, directly or through other lets, in their order: a shader thread that
 * writes one output computes only that output's part of the unit (on a software GPU the
 * transcendental functions are real work; on a real one the branch costs nothing).
 */
export function letsFor(lets: [string, string][], exprs: string[]): [string, string][] {
  const refs = (e: string) => e.match(/\bt_\w+/g) ?? [];
  const need = new Set(exprs.flatMap(refs));
  for (let k = lets.length - 1; k >= 0; k--) if (need.has(lets[k][0])) refs(lets[k][1]).forEach((r) => need.add(r));
  return lets.filter(([n]) => need.has(n));
}
