// The zoo harness applied to the classic LSTM: also the worked example for every other cell's test.
import { add, map, matVec, mul, sigmoid, testCell, vec } from './harness';

testCell({
  id: 'lstm',
  reference(x, p, dims) {
    const H = dims.hiddenSize;
    const B = x[0].length;
    const bias = add(vec(p.bias_ih), vec(p.bias_hh));
    let h = Array.from({ length: B }, () => new Array(H).fill(0));
    let c = Array.from({ length: B }, () => new Array(H).fill(0));
    const outputs: number[][][] = [];
    for (const xt of x) {
      const next = xt.map((xb, b) => {
        const z = add(matVec(p.weight_ih, xb), matVec(p.weight_hh, h[b]), bias);
        const i = map(z.slice(0, H), sigmoid);
        const f = map(z.slice(H, 2 * H), sigmoid);
        const g = map(z.slice(2 * H, 3 * H), Math.tanh);
        const o = map(z.slice(3 * H), sigmoid);
        const cb = add(mul(f, c[b]), mul(i, g));
        return { c: cb, h: mul(o, map(cb, Math.tanh)) };
      });
      h = next.map((n) => n.h);
      c = next.map((n) => n.c);
      outputs.push(h);
    }
    return { outputs, states: { h, c } };
  },
  paramCount: (I, H) => 4 * H * (I + H) + 8 * H,
  train: { overrides: { taskId: 'adding', seqLen: 10 }, steps: 60 },
});
