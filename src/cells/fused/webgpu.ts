// The fused cell kernels for tfjs's WebGPU backend: one compute shader per OUTPUT (the LSTM's
// forward pass: six dispatches for h, c, i, f, g, o; its backward pass: two).
//
// Why not one shader writing all outputs into one buffer, as on WebGL: tfjs binds exactly one
// output buffer per program, and WebGPU's Slice is a copying program (no views), so a packed
// output costs 1 + N dispatches where this costs N. Each shader computes the whole unit
// (a handful of exp) and keeps one value: arithmetic is free next to a dispatch.
//
// A shader may bind only maxStorageBuffersPerShaderStage buffers (8 by default: the LSTM's
// gradient has 8 inputs + 1 output), so when a kernel has too many inputs the first few one-block
// inputs are concatenated into one buffer first (one dispatch) and read from there.
//
// Only TYPE imports from the backend package: this file loads in Node; the backend's own kernels
// (Concat) are reached at run time through tf.getKernel.
import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { FUSED_KERNEL_NAMES, attrKey, formulaFor, type Dialect, type FusedFormula, type FusedKernelName } from './gpu-formulas';

// tfjs's own WebGPU tanh (exp of −2|x| cannot overflow), and the sigmoid its Sigmoid kernel uses.
const HELPERS = `
fn atlasSigmoid(x : f32) -> f32 { return 1.0 / (1.0 + exp(-x)); }
fn atlasTanh(x : f32) -> f32 { let e = exp(-2.0 * abs(x)); return sign(x) * (1.0 - e) / (1.0 + e); }
`;

// Inputs are bound as inZ, inCPrev, … and locals are u_…, so no contract name (b, r, c …) can
// meet a local or a WGSL keyword.
const inputName = (name: string) => `in${name.charAt(0).toUpperCase()}${name.slice(1)}`;

const WORKGROUP: [number, number, number] = [128, 1, 1];

/** Where a program finds the formula's inputs: its bound buffers, and for packed inputs, the block. */
export interface Layout {
  bound: { name: string; width: number }[];
  /** formula input → [bound buffer, block within it] for inputs read out of a packed buffer. */
  packed: Map<string, [string, number]>;
}

export class FusedWebGpuProgram implements WebGPUProgram {
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  variableNames: string[];
  workgroupSize = WORKGROUP;
  size = true;

  constructor(
    private readonly f: FusedFormula,
    private readonly layout: Layout,
    private readonly output: number,
    batch: number,
    private readonly hidden: number,
    key: string,
  ) {
    const width = f.outputs[output] * hidden;
    this.outputShape = [batch, width];
    this.variableNames = layout.bound.map((i) => inputName(i.name));
    // The hidden size is baked into the code, so it is part of the key (tfjs adds ranks and dtypes).
    this.shaderKey = `${key}_out${output}_H${hidden}_in${this.variableNames.join('.')}`;
    this.dispatchLayout = { x: [0, 1] };
    this.dispatch = [Math.ceil((batch * width) / WORKGROUP[0]), 1, 1];
  }

  getUserCode(): string {
    const H = this.hidden;
    const widths = new Map(this.layout.bound.map((i) => [i.name, i.width * H]));
    const at = (name: string, gate: number) => `${inputName(name)}[u_b * ${widths.get(name)} + ${gate * H} + u_j]`;
    const wgsl: Dialect = {
      read: (name, gate) => {
        const p = this.layout.packed.get(name);
        return p ? at(p[0], p[1] + gate) : at(name, gate);
      },
      select: (cond, a, b) => `select(${b}, ${a}, ${cond})`,
    };
    const values = this.f.values[this.output];
    const pick = values.length === 1
      ? `u_v = ${values[0]};`
      : values.map((e, g) => `${g ? 'else ' : ''}${g < values.length - 1 ? `if (u_gate == ${g}) ` : ''}{ u_v = ${e}; }`).join(' ');
    return `
    ${HELPERS}
    fn main(index : i32) {
      if (index < uniforms.size) {
        let u_b = index / ${this.outputShape[1]};
        let u_col = index - u_b * ${this.outputShape[1]};
        let u_gate = u_col / ${H};
        let u_j = u_col - u_gate * ${H};
        ${this.f.lets(wgsl).map(([n, e]) => `let ${n} = ${e};`).join('\n        ')}
        var u_v : f32 = 0.0;
        ${pick}
        setOutputAtIndex(index, u_v);
      }
    }`;
  }
}

function runKernel(name: FusedKernelName, inputs: NamedTensorInfoMap, backend: WebGPUBackend, attrs: NamedAttrMap): TensorInfo[] {
  const a = attrs as { activation?: unknown };
  const f = formulaFor(name, a);
  const byName = new Map(f.inputs.map((i) => {
    const t = inputs[i.name];
    if (!t) throw new Error(`${name}: missing input ${i.name}`);
    return [i.name, t] as const;
  }));
  const [batch, width] = byName.get(f.inputs[0].name)!.shape;
  const hidden = width / f.inputs[0].width;
  const layout: Layout = { bound: f.inputs, packed: new Map() };
  let pack: TensorInfo | null = null;
  const excess = f.inputs.length + 1 - (backend.device.limits.maxStorageBuffersPerShaderStage ?? 8);
  if (excess > 0) {
    const group = f.inputs.filter((i) => i.width === 1).slice(0, excess + 1).map((i) => i.name);
    const concat = tf.getKernel('Concat', 'webgpu')!.kernelFunc as KernelFunc;
    pack = concat({ inputs: group.map((n) => byName.get(n)!) as unknown as NamedTensorInfoMap, backend, attrs: { axis: 1 } }) as TensorInfo;
    byName.set('pack', pack);
    group.forEach((n, k) => layout.packed.set(n, ['pack', k]));
    layout.bound = [{ name: 'pack', width: group.length }, ...f.inputs.filter((i) => !group.includes(i.name))];
  }
  const ins = layout.bound.map((i) => byName.get(i.name)!);
  const key = `atlas_${name}_${attrKey(name, a)}`;
  const outs = f.outputs.map((_, k) => backend.runWebGPUProgram(new FusedWebGpuProgram(f, layout, k, batch, hidden, key), ins, 'float32'));
  if (pack) backend.disposeData(pack.dataId);
  return outs;
}

export const webgpuFusedKernels: KernelConfig[] = FUSED_KERNEL_NAMES.map((name) => ({
  kernelName: name,
  backendName: 'webgpu',
  kernelFunc: ({ inputs, backend, attrs }) => runKernel(name, inputs, backend as WebGPUBackend, attrs ?? {}),
}));

for (const k of webgpuFusedKernels) tf.registerKernel(k);
