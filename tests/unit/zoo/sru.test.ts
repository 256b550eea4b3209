// SRU against a plain-JS forward written from Oliva et al. 2017 §3 (r, φ, moving averages, o).
import { add, map, matVec, testCell, vec } from './harness';

const relu = (v: number) => Math.max(0, v);
const ALPHAS = [0, 0.25, 0.5, 0.9, 0.99];

testCell({
  id: 'sru',
  options: { phiSize: 3, recurSize: 2 },
  // ReLUs everywhere: at the default noise (0.2) one output pre-activation sits 0.002 from its kink,
  // inside the finite-difference step (±0.01), and only that entry disagrees; 0.3 moves the draws.
  noise: 0.3,
  reference(x, p) {
    const S = 3;
    const B = x[0].length;
    // mu[b][a] is the average at rate ALPHAS[a], one S-vector per scale.
    let mu = Array.from({ length: B }, () => ALPHAS.map(() => new Array(S).fill(0)));
    const outputs: number[][][] = [];
    for (const xt of x) {
      mu = xt.map((xb, b) => {
        const flat = mu[b].flat();
        const r = map(add(matVec(p.weight_r, flat), vec(p.bias_r)), relu);
        const phi = map(add(matVec(p.weight_phi_x, xb), matVec(p.weight_phi_r, r), vec(p.bias_phi)), relu);
        return ALPHAS.map((a, k) => mu[b][k].map((m, j) => a * m + (1 - a) * phi[j]));
      });
      outputs.push(mu.map((m) => map(add(matVec(p.weight_o, m.flat()), vec(p.bias_o)), relu)));
    }
    return { outputs, states: { mu: mu.map((m) => m.flat()) } };
  },
  // W_r: R×nS + R, W_φ: S×(I+R) + S, W_o: H×nS + H, with n = |A| = 5, S = 3, R = 2.
  paramCount: (I, H) => {
    const S = 3, R = 2, n = 5;
    return R * n * S + R + S * (I + R) + S + H * n * S + H;
  },
  train: { overrides: { taskId: 'adding', seqLen: 10, learningRate: 0.01 }, steps: 80 },
});
