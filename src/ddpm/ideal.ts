/**
 * The ideal noise predictor for mixture data. When q(x_0) = Σ_k w_k N(μ_k, σ_k² I), the noisy
 * marginal q(x_t) = Σ_k w_k N(√ᾱ_t μ_k, v_k I) with v_k = ᾱ_t σ_k² + 1 - ᾱ_t is again a mixture,
 * and the best possible ε-prediction E[ε | x_t] has a closed form. It is what training aims at.
 */
import type { Mixture } from "./data";
import type { EpsPredictor } from "./ddpm";
import type { Schedule } from "./schedule";

/**
 * E[ε | x_t] = Σ_k r_k(x_t) √(1 - ᾱ_t) (x_t - √ᾱ_t μ_k) / v_k, where r_k is the posterior
 * probability of component k given x_t. No tfjs: plain arithmetic, fast for a few thousand points.
 */
export function idealEps(data: Mixture, s: Schedule): EpsPredictor {
  const { dim: d, means, stds, weights } = data;
  const K = means.length;

  return (xt, t) => {
    const ab = s.alphaBar[t - 1]!;
    const sqrtAb = Math.sqrt(ab);
    const sqrtOneMinusAb = Math.sqrt(1 - ab);
    // Everything that depends on the component and the step only, once per call: the
    // playground's mixtures have hundreds of components, and this loop runs for each point.
    const mean = new Float64Array(K * d);
    const offset = new Float64Array(K);
    const halfPrecision = new Float64Array(K);
    const gain = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      const v = ab * stds[k]! ** 2 + 1 - ab;
      for (let j = 0; j < d; j++) mean[k * d + j] = sqrtAb * means[k]![j]!;
      offset[k] = Math.log(weights[k]!) - (d / 2) * Math.log(v);
      halfPrecision[k] = 1 / (2 * v);
      gain[k] = sqrtOneMinusAb / v;
    }
    const n = xt.length / d;
    const out = new Float32Array(xt.length);
    const logp = new Float64Array(K);

    for (let i = 0; i < n; i++) {
      // log w_k N(x_t; √ᾱ μ_k, v_k I), up to a constant shared by all k.
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let sq = 0;
        for (let j = 0; j < d; j++) sq += (xt[i * d + j]! - mean[k * d + j]!) ** 2;
        logp[k] = offset[k]! - sq * halfPrecision[k]!;
        if (logp[k]! > max) max = logp[k]!;
      }
      // Softmax with the maximum subtracted, so narrow components do not underflow to 0/0.
      let total = 0;
      for (let k = 0; k < K; k++) total += logp[k] = Math.exp(logp[k]! - max);
      // E[ε | x_t] = Σ_k r_k √(1 - ᾱ_t) (x_t - √ᾱ_t μ_k) / v_k, with r_k = logp[k] / total.
      for (let j = 0; j < d; j++) {
        let e = 0;
        for (let k = 0; k < K; k++) e += logp[k]! * gain[k]! * (xt[i * d + j]! - mean[k * d + j]!);
        out[i * d + j] = e / total;
      }
    }
    return out;
  };
}

/**
 * The lowest training loss any network can reach at step t for a single Gaussian component:
 * E‖ε - E[ε | x_t]‖² / d = 1 - (1 - ᾱ_t) / v, the conditional variance of ε given x_t.
 */
export function idealLossGaussian(std: number, s: Schedule, t: number): number {
  const ab = s.alphaBar[t - 1]!;
  return 1 - (1 - ab) / (ab * std * std + 1 - ab);
}
