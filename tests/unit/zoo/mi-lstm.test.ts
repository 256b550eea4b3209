// MI-LSTM against Wu et al. (2016): each of i, f, g, o through its own MI block, LSTM cell update.
import { map, matVec, mul, sigmoid, testCell, vec } from './harness';

testCell({
  id: 'mi-lstm',
  options: { forgetBias: 1 },
  reference(x, p, dims) {
    const H = dims.hiddenSize;
    const B = x[0].length;
    const [a, b1, b2, bias] = [vec(p.alpha), vec(p.beta1), vec(p.beta2), vec(p.bias)];
    let h = Array.from({ length: B }, () => new Array(H).fill(0));
    let c = Array.from({ length: B }, () => new Array(H).fill(0));
    const outputs: number[][][] = [];
    for (const xt of x) {
      const next = xt.map((xb, b) => {
        const wx = matVec(p.weight_ih, xb);
        const uh = matVec(p.weight_hh, h[b]);
        const z = wx.map((w, j) => a[j] * w * uh[j] + b1[j] * uh[j] + b2[j] * w + bias[j]);
        const i = map(z.slice(0, H), sigmoid);
        const f = map(z.slice(H, 2 * H), sigmoid);
        const g = map(z.slice(2 * H, 3 * H), Math.tanh);
        const o = map(z.slice(3 * H), sigmoid);
        const cb = c[b].map((cj, j) => f[j] * cj + i[j] * g[j]);
        return { c: cb, h: mul(o, map(cb, Math.tanh)) };
      });
      h = next.map((n) => n.h);
      c = next.map((n) => n.c);
      outputs.push(h);
    }
    return { outputs, states: { h, c } };
  },
  // The LSTM's 4H(I + H) weights, one 4H bias, and α, β₁, β₂ (4H each).
  paramCount: (I, H) => 4 * H * (I + H) + 4 * H + 3 * 4 * H,
  train: { overrides: { taskId: 'adding', seqLen: 10 }, steps: 60 },
});
