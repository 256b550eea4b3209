// MI-GRU against Wu et al. (2016): r, z and the candidate through their own MI blocks, the
// candidate reading U_n (r ⊙ h) as in Cho et al.'s GRU.
import { map, matVec, mul, sigmoid, testCell, vec } from './harness';

testCell({
  id: 'mi-gru',
  reference(x, p, dims) {
    const H = dims.hiddenSize;
    const B = x[0].length;
    const [a, b1, b2, bias] = [vec(p.alpha), vec(p.beta1), vec(p.beta2), vec(p.bias)];
    const mi = (wx: number[], uh: number[], off: number) =>
      wx.map((w, j) => a[off + j] * w * uh[j] + b1[off + j] * uh[j] + b2[off + j] * w + bias[off + j]);
    const rows = (from: number, n: number) => ({ shape: [n, H], data: p.weight_hh.data.slice(from * H, (from + n) * H) });
    const [urz, un] = [rows(0, 2 * H), rows(2 * H, H)];
    let h = Array.from({ length: B }, () => new Array(H).fill(0));
    const outputs: number[][][] = [];
    for (const xt of x) {
      h = xt.map((xb, b) => {
        const wx = matVec(p.weight_ih, xb);
        const rz = map(mi(wx.slice(0, 2 * H), matVec(urz, h[b]), 0), sigmoid);
        const [r, z] = [rz.slice(0, H), rz.slice(H)];
        const n = map(mi(wx.slice(2 * H), matVec(un, mul(r, h[b])), 2 * H), Math.tanh);
        return n.map((nj, j) => (1 - z[j]) * nj + z[j] * h[b][j]);
      });
      outputs.push(h);
    }
    return { outputs, states: { h } };
  },
  // The GRU's 3H(I + H) weights, one 3H bias, and α, β₁, β₂ (3H each).
  paramCount: (I, H) => 3 * H * (I + H) + 3 * H + 3 * 3 * H,
  train: { overrides: { taskId: 'adding', seqLen: 10 }, steps: 60 },
});
