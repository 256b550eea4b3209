// The fused cell kernels for tfjs's WebGL backend, two ways (see WebGlOutputMode):
//
// 'packed' (where tfjs packs, i.e. WebGL 2): one program per output in tfjs's packed layout (2×2
// values per texel), the layout of the matmuls and ops around it, so no pack/unpack program runs
// next to it.
// 'flat': a fragment shader writes one value per texel into one texture, so a kernel with
// several outputs (the LSTM's h, c, i, f, g, o) writes them all, one after the other, into one
// flat texture; each output is a contiguous run of it, which WebGL's Slice kernel hands out as a
// view (no copy, no program) and Reshape gives its 2-D shape for free. One program per kernel,
// but unpacked: next to packed neighbours tfjs adds pack/unpack programs.
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

/** The 'flat' program: output is the kernel's outputs one after the other, flat. */
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

/**
 * How the outputs leave a kernel: 'flat' (one program, views) or 'packed' (one packed program per
 * output). 'auto' is packed wherever tfjs packs (WEBGL_PACK, WebGL 2): measured on SwiftShader, one
 * LSTM forward + backward at T = 3 ran 161 WebGL programs packed, 237 flat (the flat texture's
 * pack/unpack programs around it), 327 op by op.
 */
export type WebGlOutputMode = 'flat' | 'packed';
let preferredMode: WebGlOutputMode | 'auto' = 'auto';

/** For the browser check and its measurements. */
export function setWebGlOutputMode(mode: WebGlOutputMode | 'auto'): void {
  preferredMode = mode;
}

const outputMode = (): WebGlOutputMode =>
  preferredMode !== 'auto' ? preferredMode : tf.env().getBool('WEBGL_PACK') ? 'packed' : 'flat';

// Element (row, col) of a packed texel: tfjs packs [r,c] [r,c+1] [r+1,c] [r+1,c+1] as x y z w.
const PACKED_HELPERS = `
float atlasAt(vec4 t, int row, int col) {
  int k = 2 * (row - 2 * (row / 2)) + (col - 2 * (col / 2));
  return k == 0 ? t.x : (k == 1 ? t.y : (k == 2 ? t.z : t.w));
}`;

/**
 * One output as a PACKED program (2×2 values per texel, tfjs WebGL's own layout): its inputs and
 * its output stay in the layout the matmuls and element-wise ops around it use, so no pack or
 * unpack program runs next to it; the price is one program per output.
 */
export function fusedWebGlPackedProgram(f: FusedFormula, output: number, batch: number, hidden: number): GPGPUProgram {
  const width = f.outputs[output] * hidden;
  const at = (name: string, col: string) => `atlasAt(getI${inputName(name).slice(1)}(u_b, ${col}), u_b, ${col})`;
  const glsl: Dialect = {
    read: (name, gate) => at(name, gate === 0 ? 'u_j' : `${gate} * ATLAS_H + u_j`),
    select: GLSL.select,
  };
  const values = f.values[output];
  const pick = values.length === 1
    ? `u_v = ${values[0]};`
    : values.map((e, g) => `${g ? 'else ' : ''}${g < values.length - 1 ? `if (u_gate == ${g}) ` : ''}u_v = ${e};`).join(' ');
  const lets = letsFor(f.lets(glsl), values).map(([n, e]) => `float ${n} = ${e};`).join('\n          ');
  const element = (k: number) => `
      {
        int u_b = rc.x + ${k >> 1};
        int u_col = rc.y + ${k & 1};
        if (u_b < ${batch} && u_col < ${width}) {
          int u_gate = u_col / ATLAS_H;
          int u_j = u_col - u_gate * ATLAS_H;
          ${lets}
          float u_v = 0.0;
          ${pick}
          u_out.${'xyzw'[k]} = u_v;
        }
      }`;
  return {
    variableNames: f.inputs.map((i) => inputName(i.name)),
    outputShape: [batch, width],
    packedInputs: true,
    packedOutput: true,
    userCode: `
    ${HELPERS}
    ${PACKED_HELPERS}
    const int ATLAS_H = ${hidden};
    void main() {
      ivec2 rc = getOutputCoords();
      vec4 u_out = vec4(0.0);
      ${[0, 1, 2, 3].map(element).join('')}
      setOutput(u_out);
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
  if (outputMode() === 'packed')
    return f.outputs.map((_, k) => backend.runWebGLProgram(fusedWebGlPackedProgram(f, k, batch, hidden), ins, 'float32'));
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
