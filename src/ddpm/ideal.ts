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
    const v = stds.map((sd) => ab * sd * sd + 1 - ab);
    const n = xt.length / d;
    const out = new Float32Array(xt.length);
    const logp = new Float64Array(K);

    for (let i = 0; i < n; i++) {
      // log w_k N(x_t; √ᾱ μ_k, v_k I), up to a constant shared by all k.
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let sq = 0;
        for (let j = 0; j < d; j++) sq += (xt[i * d + j]! - sqrtAb * means[k]![j]!) ** 2;
        logp[k] = Math.log(weights[k]!) - (d / 2) * Math.log(v[k]!) - sq / (2 * v[k]!);
        max = Math.max(max, logp[k]!);
      }
      // Softmax with the maximum subtracted, so narrow components do not underflow to 0/0.
      let total = 0;
      for (let k = 0; k < K; k++) total += logp[k] = Math.exp(logp[k]! - max);
      for (let j = 0; j < d; j++) {
        let e = 0;
        for (let k = 0; k < K; k++) {
          const r = logp[k]! / total;
          e += (r * sqrtOneMinusAb * (xt[i * d + j]! - sqrtAb * means[k]![j]!)) / v[k]!;
        }
        out[i * d + j] = e;
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
