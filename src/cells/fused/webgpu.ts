// The fused cell kernels for tfjs's WebGPU backend: ONE compute dispatch per kernel.
//
// tfjs binds exactly one output buffer per program, and WebGPU's Slice is a copying program, so
// a kernel with several outputs (the LSTM's h, c, i, f, g, o) writes them all, one after the
// other, into one flat buffer, and each output tensor gets its own buffer by a buffer-to-buffer
// copy on the same command encoder: a copy is a memcpy on the GPU's queue, a dispatch is a
// pipeline, a bind group and a uniform buffer. Where the backend's internals this needs are not
// there (another tfjs version), each output is its own dispatch instead ('programs'): slower,
// same numbers.
//
// A shader may bind only maxStorageBuffersPerShaderStage buffers (8 by default; the LSTM's
// gradient has 8 inputs + 1 output), so when a kernel has too many inputs the first few one-block
// inputs are copied into one buffer first (or concatenated by tfjs's Concat in 'programs' mode).
//
// Only TYPE imports from the backend package: this file loads in Node; the backend's own kernels
// (Concat) are reached at run time through tf.getKernel.
import * as tf from '@tensorflow/tfjs-core';
import type { DataId, KernelConfig, KernelFunc, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { FUSED_KERNEL_NAMES, attrKey, formulaFor, letsFor, type Dialect, type FusedFormula, type FusedKernelName } from './gpu-formulas';

// tfjs's own WebGPU tanh (exp of −2|x| cannot overflow), and the sigmoid its Sigmoid kernel uses.
const HELPERS = `
fn atlasSigmoid(x : f32) -> f32 { return 1.0 / (1.0 + exp(-x)); }
fn atlasTanh(x : f32) -> f32 { let e = exp(-2.0 * abs(x)); return sign(x) * (1.0 - e) / (1.0 + e); }
`;

// Inputs are bound as inZ, inCPrev, … and locals are u_…, so no contract name (b, r, c …) can
// meet a local or a WGSL keyword.
const inputName = (name: string) => `in${name.charAt(0).toUpperCase()}${name.slice(1)}`;

const WORKGROUP: [number, number, number] = [128, 1, 1];

/** How the outputs leave the kernel: one dispatch and buffer copies, or one dispatch per output. */
export type WebGpuOutputMode = 'copies' | 'programs';
let preferredMode: WebGpuOutputMode = 'copies';

/** For the browser check and its timing: 'programs' is also what runs where 'copies' cannot. */
export function setWebGpuOutputMode(mode: WebGpuOutputMode): void {
  preferredMode = mode;
}

/** Where a program finds the formula's inputs: its bound buffers, and for packed inputs, where in the pack. */
export interface Layout {
  bound: { name: string; width: number }[];
  /** formula input → its block k in the bound buffer 'pack'. */
  packed: Map<string, number>;
  /** 'rows': pack is [B, k·H] (tfjs Concat on axis 1); 'blocks': pack is [k, B, H] (copies). */
  packStyle: 'rows' | 'blocks';
}

export class FusedWebGpuProgram implements WebGPUProgram {
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  variableNames: string[];
  workgroupSize = WORKGROUP;
  size = true;

  /** `output`: one output's index, or 'all' for every output one after the other, flat. */
  constructor(
    private readonly f: FusedFormula,
    private readonly layout: Layout,
    private readonly output: number | 'all',
    private readonly batch: number,
    private readonly hidden: number,
    key: string,
  ) {
    this.outputShape = output === 'all'
      ? [f.outputs.reduce((s, w) => s + batch * w * hidden, 0)]
      : [batch, f.outputs[output] * hidden];
    this.variableNames = layout.bound.map((i) => inputName(i.name));
    // Sizes are baked into the code, so they are part of the key (tfjs adds only ranks and dtypes).
    this.shaderKey = `${key}_${output}_B${batch}_H${hidden}_${layout.packStyle}_${this.variableNames.join('.')}`;
    this.dispatchLayout = { x: this.outputShape.map((_, i) => i) };
    this.dispatch = [Math.ceil(this.outputShape.reduce((s, d) => s * d, 1) / WORKGROUP[0]), 1, 1];
  }

  getUserCode(): string {
    const { f, hidden: H, batch: B } = this;
    const widths = new Map(this.layout.bound.map((i) => [i.name, i.width * H]));
    const at = (name: string, gate: number) => `${inputName(name)}[u_b * ${widths.get(name)} + ${gate * H} + u_j]`;
    const wgsl: Dialect = {
      read: (name, gate) => {
        const k = this.layout.packed.get(name);
        if (k === undefined) return at(name, gate);
        return this.layout.packStyle === 'rows' ? at('pack', k + gate) : `${inputName('pack')}[${k * B * H} + u_b * ${H} + u_j]`;
      },
      select: (cond, a, b) => `select(${b}, ${a}, ${cond})`,
    };
    const pick = (values: string[]) => values.length === 1
      ? `u_v = ${values[0]};`
      : values.map((e, g) => `${g ? 'else ' : ''}${g < values.length - 1 ? `if (u_gate == ${g}) ` : ''}{ u_v = ${e}; }`).join(' ');
    // Which output this thread writes, its row length u_w and its offset in the flat output.
    let locate: string;
    let choose: string;
    if (this.output === 'all') {
      let offset = 0;
      locate = f.outputs.map((w, k) => {
        const start = offset;
        offset += B * w * H;
        return `${k ? 'else ' : ''}if (index < ${offset}) { u_seg = ${k}; u_r = index - ${start}; u_w = ${w * H}; }`;
      }).join('\n        ');
      const lets = (v: string[]) => letsFor(f.lets(wgsl), v).map(([n, e]) => `let ${n} = ${e};`).join(' ');
      choose = f.values.map((v, k) => `${k ? 'else ' : ''}if (u_seg == ${k}) { ${lets(v)} ${pick(v)} }`).join('\n        ');
    } else {
      // Every let, needed or not: a buffer the shader never reads would drop out of the pipeline's
      // 'auto' layout, and tfjs binds every input.
      locate = `u_w = ${f.outputs[this.output] * H};`;
      choose = `${f.lets(wgsl).map(([n, e]) => `let ${n} = ${e};`).join('\n        ')}\n        ${pick(f.values[this.output])}`;
    }
    return `
    ${HELPERS}
    fn main(index : i32) {
      if (index < uniforms.size) {
        var u_seg = 0; var u_r = index; var u_w = 1;
        ${locate}
        let u_b = u_r / u_w;
        let u_col = u_r - u_b * u_w;
        let u_gate = u_col / ${H};
        let u_j = u_col - u_gate * ${H};
        var u_v : f32 = 0.0;
        ${choose}
        setOutputAtIndex(index, u_v);
      }
    }`;
  }
}

/** The WebGPUBackend members a buffer copy needs (some private in its types, all there in 4.22). */
interface Internals {
  tensorMap: { get(id: DataId): { resource?: unknown } | undefined };
  commandEncoder: GPUCommandEncoder | null;
  commandQueueOwnedIds: { add(id: DataId): unknown };
  ensureCommandEncoderReady(): void;
  endComputePassEncoder(): void;
  uploadToGPU(id: DataId): void;
}

function internals(backend: WebGPUBackend): Internals | null {
  const b = backend as unknown as Partial<Internals>;
  const ok = typeof b.ensureCommandEncoderReady === 'function' && typeof b.endComputePassEncoder === 'function' &&
    typeof b.uploadToGPU === 'function' && b.tensorMap != null && b.commandQueueOwnedIds != null && 'commandEncoder' in b;
  return ok ? (b as Internals) : null;
}

/** Copies whole tensors into consecutive parts of `dst` / parts of `src` into whole new tensors. */
function copier(backend: WebGPUBackend, io: Internals) {
  const buffer = (t: TensorInfo) => {
    io.uploadToGPU(t.dataId);
    return io.tensorMap.get(t.dataId)!.resource as GPUBuffer;
  };
  const encoder = () => {
    io.ensureCommandEncoderReady();
    io.endComputePassEncoder(); // a copy may not sit inside a compute pass
    return io.commandEncoder!;
  };
  return {
    /** One [k, …] tensor holding the given same-size tensors one after the other. */
    gather(parts: TensorInfo[], shape: number[]): TensorInfo {
      const srcs = parts.map(buffer);
      const out = backend.makeTensorInfo(shape, 'float32');
      const dst = buffer(out);
      const enc = encoder();
      const bytes = 4 * parts[0].shape.reduce((s, d) => s * d, 1);
      srcs.forEach((src, k) => enc.copyBufferToBuffer(src, 0, dst, k * bytes, bytes));
      parts.forEach((p) => io.commandQueueOwnedIds.add(p.dataId));
      io.commandQueueOwnedIds.add(out.dataId);
      return out;
    },
    /** New tensors of the given shapes, cut one after the other out of the flat tensor `from`. */
    scatter(from: TensorInfo, shapes: number[][]): TensorInfo[] {
      const src = buffer(from);
      const enc = encoder();
      let offset = 0;
      return shapes.map((shape) => {
        const out = backend.makeTensorInfo(shape, 'float32');
        const bytes = 4 * shape.reduce((s, d) => s * d, 1);
        enc.copyBufferToBuffer(src, offset, buffer(out), 0, bytes);
        offset += bytes;
        io.commandQueueOwnedIds.add(out.dataId);
        return out;
      });
    },
  };
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
  const io = preferredMode === 'copies' ? internals(backend) : null;
  const copy = io && copier(backend, io);
  const layout: Layout = { bound: f.inputs, packed: new Map(), packStyle: copy ? 'blocks' : 'rows' };
  const temps: TensorInfo[] = [];

  const excess = f.inputs.length + 1 - (backend.device.limits.maxStorageBuffersPerShaderStage ?? 8);
  if (excess > 0) {
    const group = f.inputs.filter((i) => i.width === 1).slice(0, excess + 1).map((i) => i.name);
    const parts = group.map((n) => byName.get(n)!);
    const concat = tf.getKernel('Concat', 'webgpu')!.kernelFunc as KernelFunc;
    const pack = copy
      ? copy.gather(parts, [group.length, batch, hidden])
      : (concat({ inputs: parts as unknown as NamedTensorInfoMap, backend, attrs: { axis: 1 } }) as TensorInfo);
    temps.push(pack);
    byName.set('pack', pack);
    group.forEach((n, k) => layout.packed.set(n, k));
    layout.bound = [{ name: 'pack', width: group.length }, ...f.inputs.filter((i) => !group.includes(i.name))];
  }
  const ins = layout.bound.map((i) => byName.get(i.name)!);
  const key = `atlas_${name}_${attrKey(name, a)}`;
  let outs: TensorInfo[];
  if (copy && f.outputs.length > 1) {
    const flat = backend.runWebGPUProgram(new FusedWebGpuProgram(f, layout, 'all', batch, hidden, key), ins, 'float32');
    temps.push(flat);
    outs = copy.scatter(flat, f.outputs.map((w) => [batch, w * hidden]));
  } else {
    outs = f.outputs.map((_, k) => backend.runWebGPUProgram(new FusedWebGpuProgram(f, layout, k, batch, hidden, key), ins, 'float32'));
  }
  // Released once the queued commands that read them have been submitted (commandQueueOwnedIds).
  for (const t of temps) backend.disposeData(t.dataId);
  return outs;
}

export const webgpuFusedKernels: KernelConfig[] = FUSED_KERNEL_NAMES.map((name) => ({
  kernelName: name,
  backendName: 'webgpu',
  kernelFunc: ({ inputs, backend, attrs }) => runKernel(name, inputs, backend as WebGPUBackend, attrs ?? {}),
}));

for (const k of webgpuFusedKernels) tf.registerKernel(k);
