// FRU against a plain-JS forward from Zhang et al. 2018 §3 / the authors' FRUCell, and the
// claim the cell exists for: ∂L/∂μ_t does not shrink with the distance to the loss.
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../../src/engine/node-backend';
import { createRng } from '../../../src/engine/rng';
import { Trainer } from '../../../src/engine/trainer';
import type { RunConfig } from '../../../src/protocol/messages';
import { add, map, matVec, testCell, vec } from './harness';

const relu = (v: number) => Math.max(0, v);
const FREQS = [0, 0.5, 1, 2, 3];

testCell({
  id: 'fru',
  options: { phiSize: 3, recurSize: 2 },
  seqLen: 5,
  reference(x, p, dims) {
    const S = 3;
    const T = dims.seqLen;
    const B = x[0].length;
    const theta = vec(p.theta);
    // mu[b][k]: the running coefficient at frequency FREQS[k], one S-vector each.
    let mu = Array.from({ length: B }, () => FREQS.map(() => new Array(S).fill(0)));
    const outputs: number[][][] = [];
    x.forEach((xt, t) => {
      mu = xt.map((xb, b) => {
        const r = map(add(matVec(p.weight_r, mu[b].flat()), vec(p.bias_r)), relu);
        const phi = map(add(matVec(p.weight_phi_x, xb), matVec(p.weight_phi_r, r), vec(p.bias_phi)), relu);
        return FREQS.map((f, k) => {
          const m = f === 0 ? 0 : 1;
          const c = Math.cos((2 * Math.PI * f * t) / T + 2 * Math.PI * theta[k]) / T;
          return mu[b][k].map((v, j) => m * v + c * phi[j]);
        });
      });
      outputs.push(mu.map((m) => map(add(matVec(p.weight_o, m.flat()), vec(p.bias_o)), relu)));
    });
    return { outputs, states: { mu: mu.map((m) => m.flat()) } };
  },
  // SRU's count with n = 5 frequencies, S = 3, R = 2, plus one θ per frequency.
  paramCount: (I, H) => {
    const S = 3, R = 2, n = 5;
    return R * n * S + R + S * (I + R) + S + H * n * S + H + n;
  },
  train: { overrides: { taskId: 'adding', seqLen: 10, learningRate: 0.01 }, steps: 80 },
});

/** ‖∂L/∂h_t‖ per step (over batch and units) of a fresh model on one adding batch (loss at t = T−1 only). */
async function gradNormsOverTime(cellId: string, T: number): Promise<number[]> {
  const config: RunConfig = {
    cellId, cellOptions: cellId === 'rnn' ? { nonlinearity: 'tanh' } : {}, taskId: 'adding', seqLen: T, hiddenSize: 16,
    numLayers: 1, bidirectional: false, learningRate: 0.01, batchSize: 16, recurrentScale: 0, clipNorm: 0, seed: 3,
  };
  const tr = new Trainer(config);
  const batch = tr.task.batch(createRng(9), config.batchSize, tr.T);
  const { dLdh } = await tr.inspect(batch);
  tr.dispose();
  const g = dLdh[0];
  const per = g.length / tr.T;
  return Array.from({ length: tr.T }, (_, t) => Math.hypot(...g.subarray(t * per, (t + 1) * per)));
}

describe('fru gradient flow', () => {
  beforeAll(async () => {
    await useNodeBackend();
  });

  it('keeps ‖∂L/∂μ_t‖ from shrinking with distance, where a tanh RNN loses it', async () => {
    const T = 60;
    const fru = await gradNormsOverTime('fru', T);
    const rnn = await gradNormsOverTime('rnn', T);
    const last = (a: number[]) => a[a.length - 1];
    const worstFru = Math.min(...fru) / last(fru);
    const firstRnn = rnn[0] / last(rnn);
    expect(last(fru)).toBeGreaterThan(0);
    expect(last(rnn)).toBeGreaterThan(0);
    // Every step of the FRU keeps a sizeable share of the gradient the last step gets ...
    expect(worstFru, `FRU min_t ‖∂L/∂μ_t‖ / ‖∂L/∂μ_T‖ = ${worstFru}`).toBeGreaterThan(0.3);
    // ... while the plain tanh RNN's gradient at t = 0 is many orders of magnitude smaller.
    expect(firstRnn, `RNN ‖∂L/∂h_0‖ / ‖∂L/∂h_T‖ = ${firstRnn}`).toBeLessThan(1e-4);
  });
});
