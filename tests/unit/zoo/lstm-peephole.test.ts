// Peephole LSTM against the equations of Gers, Schraudolph & Schmidhuber (2002): i and f read
// c_{t−1}, o reads the updated c_t.
import { add, map, matVec, mul, sigmoid, testCell, vec } from './harness';

testCell({
  id: 'lstm-peephole',
  reference(x, p, dims) {
    const H = dims.hiddenSize;
    const B = x[0].length;
    const bias = add(vec(p.bias_ih), vec(p.bias_hh));
    const [wci, wcf, wco] = [vec(p.weight_ci), vec(p.weight_cf), vec(p.weight_co)];
    let h = Array.from({ length: B }, () => new Array(H).fill(0));
    let c = Array.from({ length: B }, () => new Array(H).fill(0));
    const outputs: number[][][] = [];
    for (const xt of x) {
      const next = xt.map((xb, b) => {
        const z = add(matVec(p.weight_ih, xb), matVec(p.weight_hh, h[b]), bias);
        const i = map(add(z.slice(0, H), mul(wci, c[b])), sigmoid);
        const f = map(add(z.slice(H, 2 * H), mul(wcf, c[b])), sigmoid);
        const g = map(z.slice(2 * H, 3 * H), Math.tanh);
        const cb = add(mul(f, c[b]), mul(i, g));
        const o = map(add(z.slice(3 * H), mul(wco, cb)), sigmoid);
        return { c: cb, h: mul(o, map(cb, Math.tanh)) };
      });
      h = next.map((n) => n.h);
      c = next.map((n) => n.c);
      outputs.push(h);
    }
    return { outputs, states: { h, c } };
  },
  paramCount: (I, H) => 4 * H * (I + H) + 8 * H + 3 * H,
  train: { overrides: { taskId: 'adding', seqLen: 10 }, steps: 60 },
});
