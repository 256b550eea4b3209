// tfjs-backend-webgpu 4.22's TransposeProgram writes an i32 element through setOutputAtIndex(f32)
// for int32 tensors; Chrome ≥ 141's Tint rejects that (tensorflow/tfjs#8638), which breaks
// tf.layers.lstm/gru on WebGPU (our bench baseline). Same fix as upstream PR #8616: cast to f32.
// Idempotent; run from postinstall.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-webgpu/dist');
const files = ['transpose_webgpu.js', 'tf-backend-webgpu.es2017.js', 'tf-backend-webgpu.js', 'tf-backend-webgpu.fesm.js', 'tf-backend-webgpu.node.js'];
let patched = 0;
for (const f of files) {
  const path = join(dist, f);
  if (!existsSync(path)) continue;
  const src = readFileSync(path, 'utf8');
  if (src.includes('f32(A[getIndexFromCoords')) continue;
  const out = src.replace(/setOutputAtIndex\(flatIndex, A\[getIndexFromCoords/g, 'setOutputAtIndex(flatIndex, f32(A[getIndexFromCoords')
    .replace(/uniforms\.aShape\)\]\);/g, 'uniforms.aShape)]));');
  if (out !== src) {
    writeFileSync(path, out);
    patched++;
  }
}
console.log(`patch-tfjs-webgpu: ${patched} file(s) patched`);
