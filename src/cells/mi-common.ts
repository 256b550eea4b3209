// The Multiplicative Integration block of Wu et al. (2016), shared by MI-RNN, MI-LSTM and MI-GRU:
// φ(α ⊙ Wx ⊙ Uh + β₁ ⊙ Uh + β₂ ⊙ Wx + b). α = 0, β₁ = β₂ = 1 gives back the additive block.
import * as tf from '@tensorflow/tfjs-core';

/** Pre-activation of k stacked MI blocks; wx, uh and the four vectors are [B, kH] / [kH]. */
export function miBlock(wx: tf.Tensor2D, uh: tf.Tensor2D, alpha: tf.Tensor, beta1: tf.Tensor, beta2: tf.Tensor, b: tf.Tensor): tf.Tensor2D {
  const second = tf.mul(tf.mul(alpha, wx), uh);
  return tf.add(tf.add(second, tf.mul(beta1, uh)), tf.add(tf.mul(beta2, wx), b)) as tf.Tensor2D;
}
