// The fused cell kernels for tfjs's WebGL backend: each kernel is ONE fragment-shader program.
//
// A fragment shader writes one value per texel into one texture, so a kernel with several
// outputs (the LSTM's h, c, i, f, g, o) writes them all, one after the other, into one flat
// texture; each output is then a contiguous run of it, which WebGL's Slice kernel hands out as a
// view (no copy, no program) and Reshape gives its 2-D shape for free. One program per step
// instead of one per output (or the ~12 small ones of the op-by-op step).
//
// Only TYPE imports from the backend package: this file loads in Node, and the WebGL backend's
// code is reached at run time through the backend object and its registered kernels.
import * as tf from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { FUSED_KERNEL_NAMES, formulaFor, letsFor, type Dialect, type FusedFormula, type FusedKernelName } from './gpu-formulas';

// tfjs's own WebGL tanh (exp of −2|x| cannot overflow), and the sigmoid its Sigmoid kernel uses.
const HELPERS = `
float atlasSigmoid(float x) { return 1.0 / (1.0 + exp(-x)); }
float atlasTanh(float x) { float e = exp(-2.0 * abs(x)); return sign(x) * (1.0 - e) / (1.0 + e); }
`;

// Inputs are named inZ, inCPrev, … in the shader (tfjs makes them uniforms, read by getInZ …),
// locals u_…, so that no contract name (b, r, c …) can meet a local or a GLSL name.
const inputName = (name: string) => `in${name.charAt(0).toUpperCase()}${name.slice(1)}`;

const GLSL: Dialect = {
  read: (name, gate) => `getI${inputName(name).slice(1)}(u_b, ${gate === 0 ? 'u_j' : `${gate} * ATLAS_H + u_j`})`,
  select: (cond, a, b) => `((${cond}) ? (${a}) : (${b}))`,
};

/** The program: output is the kernel's outputs one after the other, flat. */
export function fusedWebGlProgram(f: FusedFormula, batch: number, hidden: number): GPGPUProgram {
  const sizes = f.outputs.map((w) => batch * w * hidden);
  let offset = 0;
  const segments = f.outputs.map((w, s) => {
    const start = offset;
    offset += sizes[s];
    const pick = f.values[s].length === 1
      ? `u_v = ${f.values[s][0]};`
      : f.values[s].map((e, g) => `${g ? 'else ' : ''}${g < f.values[s].length - 1 ? `if (u_gate == ${g}) ` : ''}u_v = ${e};`).join(' ');
    const lets = letsFor(f.lets(GLSL), f.values[s]).map(([n, e]) => `float ${n} = ${e};`).join(' ');
    return { w, start, end: offset, pick: `${lets} ${pick}` };
  });
  const locate = segments
    .map((s, k) => `${k ? 'else ' : ''}if (u_idx < ${s.end}) { u_seg = ${k}; u_r = u_idx - ${s.start}; u_w = ${s.w * hidden}; }`)
    .join('\n      ');
  const choose = segments.map((s, k) => `${k ? 'else ' : ''}if (u_seg == ${k}) { ${s.pick} }`).join('\n      ');
  return {
    variableNames: f.inputs.map((i) => inputName(i.name)),
    outputShape: [offset],
    userCode: `
    ${HELPERS}
    const int ATLAS_H = ${hidden};
    void main() {
      int u_idx = getOutputCoords();
      int u_seg = 0; int u_r = 0; int u_w = 1;
      ${locate}
      int u_b = u_r / u_w;
      int u_col = u_r - u_b * u_w;
      int u_gate = u_col / ATLAS_H;
      int u_j = u_col - u_gate * ATLAS_H;
      float u_v = 0.0;
      ${choose}
      setOutput(u_v);
    }`,
  };
}

function runKernel(name: FusedKernelName, inputs: NamedTensorInfoMap, backend: MathBackendWebGL, attrs: NamedAttrMap): TensorInfo[] {
  const f = formulaFor(name, attrs as { activation?: unknown });
  const ins = f.inputs.map((i) => {
    const t = inputs[i.name];
    if (!t) throw new Error(`${name}: missing input ${i.name}`);
    return t;
  });
  const [batch, width] = ins[0].shape;
  const hidden = width / f.inputs[0].width;
  const flat = backend.runWebGLProgram(fusedWebGlProgram(f, batch, hidden), ins, 'float32');
  const slice = tf.getKernel('Slice', 'webgl')!.kernelFunc as KernelFunc;
  const reshape = tf.getKernel('Reshape', 'webgl')!.kernelFunc as KernelFunc;
  let offset = 0;
  const outs = f.outputs.map((w) => {
    const size = batch * w * hidden;
    const part = slice({ inputs: { x: flat }, backend, attrs: { begin: [offset], size: [size] } }) as TensorInfo;
    offset += size;
    const out = reshape({ inputs: { x: part }, backend, attrs: { shape: [batch, w * hidden] } }) as TensorInfo;
    backend.disposeIntermediateTensorInfo(part);
    return out;
  });
  backend.disposeIntermediateTensorInfo(flat);
  return outs;
}

export const webglFusedKernels: KernelConfig[] = FUSED_KERNEL_NAMES.map((name) => ({
  kernelName: name,
  backendName: 'webgl',
  kernelFunc: ({ inputs, backend, attrs }) => runKernel(name, inputs, backend as MathBackendWebGL, attrs ?? {}),
}));

for (const k of webglFusedKernels) tf.registerKernel(k);
