// The GPU kernels' formulas (src/cells/fused/gpu-formulas.ts), which webgl.ts and webgpu.ts turn
// into GLSL and WGSL, checked here without a GPU: the same expressions turned into JavaScript
// by a third dialect and compared with the plain-JS reference of the contract
// (tests/browser/fused/reference.ts). The shaders themselves run in the browser check
// (tests/e2e/fused-gpu.e2e.ts). Also: both backend files load in Node and register all six kernels.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { FUSED_KERNEL_NAMES, formulaFor, letsFor, type Dialect, type FusedKernelName } from '../../src/cells/fused/gpu-formulas';
import { fusedWebGlPackedProgram, fusedWebGlProgram } from '../../src/cells/fused/webgl';
import { FusedWebGpuProgram } from '../../src/cells/fused/webgpu';
import { makeInputs, maxAbsDiff, reference, tolerance } from '../browser/fused/reference';

/** Runs a formula in JS, unit by unit, the way a shader thread would. */
function evaluate(name: FusedKernelName, attrs: { activation?: string }, x: Record<string, Float32Array>, B: number, H: number): Float64Array[] {
  const f = formulaFor(name, attrs);
  const width = new Map(f.inputs.map((i) => [i.name, i.width * H]));
  const js: Dialect = {
    read: (n, gate) => `x.${n}[u_b * ${width.get(n)} + ${gate * H} + u_j]`,
    select: (c, a, b) => `((${c}) ? (${a}) : (${b}))`,
  };
  // The GPU helpers, as written in the shaders.
  const helpers = `
    const atlasSigmoid = (v) => 1.0 / (1.0 + Math.exp(-v));
    const atlasTanh = (v) => { const e = Math.exp(-2.0 * Math.abs(v)); return Math.sign(v) * (1.0 - e) / (1.0 + e); };`;
  // One function per output with only the lets it needs (letsFor), as the shaders do: a let
  // left out that an output needs throws here.
  const units = f.values.map((v) => new Function('x', 'u_b', 'u_j', `${helpers}
    ${letsFor(f.lets(js), v).map(([n, e]) => `const ${n} = ${e};`).join('\n')}
    return [${v.join(', ')}];`) as (x: Record<string, Float32Array>, b: number, j: number) => number[]);
  const outs = f.outputs.map((w) => new Float64Array(B * w * H));
  for (let b = 0; b < B; b++)
    for (let j = 0; j < H; j++)
      f.outputs.forEach((w, k) => units[k](x, b, j).forEach((val, g) => (outs[k][b * w * H + g * H + j] = val)));
  return outs;
}

const CASES: { name: FusedKernelName; activation?: string }[] = FUSED_KERNEL_NAMES.flatMap((name) =>
  name.startsWith('AtlasRnn') ? [{ name, activation: 'tanh' }, { name, activation: 'relu' }] : [{ name }]);

describe('fused GPU formulas', () => {
  for (const { name, activation } of CASES)
    it(`${name}${activation ? ` (${activation})` : ''} computes the contract's values`, () => {
      const B = 3, H = 7;
      const attrs = activation ? { activation } : {};
      const x = makeInputs(name, B, H, 11);
      const got = evaluate(name, attrs, x, B, H);
      const ref = reference(name, x, B, H, attrs);
      expect(got.length).toBe(ref.length);
      ref.forEach((r, k) => expect(maxAbsDiff(got[k], r), `output ${k}`).toBeLessThanOrEqual(tolerance(r)));
    });

  it('an output computes only what it needs', () => {
    const f = formulaFor('AtlasLstmCell', {});
    const lets = f.lets({ read: (n, g) => `${n}${g}`, select: (c, a, b) => `${c}?${a}:${b}` });
    expect(letsFor(lets, ['t_i']).map(([n]) => n)).toEqual(['t_i']);
    expect(letsFor(lets, ['t_c']).map(([n]) => n)).toEqual(['t_i', 't_f', 't_g', 't_c']);
    expect(letsFor(lets, ['t_h']).map(([n]) => n)).toEqual(['t_i', 't_f', 't_g', 't_o', 't_c', 't_h']);
  });

  it('rejects an activation it does not know', () => {
    expect(() => formulaFor('AtlasRnnCell', { activation: 'sigmoid' })).toThrow(/tanh.*relu/);
  });

  it('both backend files load in Node and register all six kernels', () => {
    for (const backend of ['webgl', 'webgpu'])
      for (const name of FUSED_KERNEL_NAMES) expect(tf.getKernel(name, backend), `${name} on ${backend}`).toBeTruthy();
  });

  it('the WebGL program writes every output once, one after the other', () => {
    const p = fusedWebGlProgram(formulaFor('AtlasLstmCellGrad', {}), 4, 6);
    expect(p.outputShape).toEqual([4 * 6 * (4 + 1)]);
    expect(p.variableNames).toEqual(['inDh', 'inDc', 'inI', 'inF', 'inG', 'inO', 'inC', 'inCPrev']);
  });

  it('the packed WebGL program writes one output in 2×2 texels', () => {
    const p = fusedWebGlPackedProgram(formulaFor('AtlasLstmCell', {}), 2, 4, 6);
    expect(p.outputShape).toEqual([4, 6]);
    expect(p.packedInputs && p.packedOutput).toBe(true);
    // Output 2 is the input gate i: it needs z's first block only, not the cell state.
    expect(p.userCode).toContain('atlasSigmoid(atlasAt(getInZ(');
    expect(p.userCode).not.toContain('getInC(');
  });

  it('WebGPU programs: one output or all of them flat, each with its own key', () => {
    const f = formulaFor('AtlasGruCellGrad', {});
    const layout = { bound: f.inputs, packed: new Map<string, number>(), packStyle: 'blocks' as const };
    const a = new FusedWebGpuProgram(f, layout, 0, 5, 8, 'k');
    const b = new FusedWebGpuProgram(f, layout, 2, 5, 9, 'k');
    const all = new FusedWebGpuProgram(f, layout, 'all', 5, 8, 'k');
    expect(a.outputShape).toEqual([5, 24]);
    expect(b.outputShape).toEqual([5, 9]);
    expect(all.outputShape).toEqual([5 * 8 * (3 + 3 + 1)]);
    expect(new Set([a.shaderKey, b.shaderKey, all.shaderKey]).size).toBe(3);
    expect(a.getUserCode()).toContain('setOutputAtIndex(index, u_v)');
  });
});
