// Fourier Recurrent Unit (Zhang, Lin, Song & Dhillon 2018): the SRU's moving averages replaced
// by running Fourier coefficients of φ over the sequence. With m_k = 1 nothing decays, so the
// Jacobian ∂μ_T/∂μ_t keeps an identity part and the gradient does not shrink with distance.
import * as tf from '@tensorflow/tfjs-core';
import { outputOf, perScale, prepareStats, rPhi, tileScales } from './sru';
import { statSizes } from './info/sru';
import { tick } from './common';
import type { CellSpec } from './types';
import { freqsOf, fruInfo } from './info/fru';

/** m_k: the f = 0 slot holds only the current φ (when there are other frequencies), the rest accumulate. */
const carryOf = (freqs: number[]) => freqs.map((f) => (f === 0 && freqs.length > 1 ? 0 : 1));

export const fru: CellSpec = {
  ...fruInfo,
  initialState: (d, B) => ({ mu: tf.zeros([B, freqsOf(d).length * statSizes(d).S]), clock: tf.zeros([B, 1]) }),
  prepare: (p, d) => ({
    ...prepareStats(p),
    carry: tf.tensor1d(perScale(carryOf(freqsOf(d)), statSizes(d).S)),
    // 2π f_k / T, so that the phase of step t is t · omega.
    omega: tf.tensor1d(freqsOf(d).map((f) => (2 * Math.PI * f) / d.seqLen)),
  }),
  step: (xt, s, p, { dims }) => {
    const n = freqsOf(dims).length;
    const { S } = statSizes(dims);
    const B = xt.shape[0];
    const { r, phi } = rPhi(xt, s.mu, p);
    // [B, 1] · [n] → [B, n]: each row's own clock, so a resumed run continues the phase.
    const phase = tf.mul(s.clock, p.omega);
    const c = tf.div(tf.cos(tf.add(phase, tf.mul(2 * Math.PI, p.theta))), dims.seqLen) as tf.Tensor2D;
    // [B, n] → [B, n·S], each frequency's coefficient over its S slots (μ is frequency-major).
    const coefWide = tf.reshape(tf.tile(tf.reshape(c, [B, n, 1]), [1, 1, S]), [B, n * S]);
    const mu = tf.add(tf.mul(p.carry, s.mu), tf.mul(coefWide, tileScales(phi, n))) as tf.Tensor2D;
    return { state: { mu, clock: tick(s.clock) }, gates: { r, phi, c, o: outputOf(mu, p) } };
  },
  emit: (s, p) => outputOf(s.mu, p),
};
