// CIFG LSTM against Greff et al. (2017): the forget gate is 1 − i, gate blocks i, g, o.
import { add, map, matVec, mul, sigmoid, testCell, vec } from './harness';

testCell({
  id: 'lstm-cifg',
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
        const g = map(z.slice(H, 2 * H), Math.tanh);
        const o = map(z.slice(2 * H), sigmoid);
        const cb = c[b].map((cj, j) => (1 - i[j]) * cj + i[j] * g[j]);
        return { c: cb, h: mul(o, map(cb, Math.tanh)) };
      });
      h = next.map((n) => n.h);
      c = next.map((n) => n.c);
      outputs.push(h);
    }
    return { outputs, states: { h, c } };
  },
  paramCount: (I, H) => 3 * H * (I + H) + 6 * H,
  train: { overrides: { taskId: 'adding', seqLen: 10 }, steps: 60 },
});
