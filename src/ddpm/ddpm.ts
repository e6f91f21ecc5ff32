/**
 * Denoising diffusion probabilistic models in two algorithms (Ho, Jain and Abbeel 2020,
 * https://arxiv.org/abs/2006.11239). Points are row-major Float32Arrays [n, d]; steps t
 * run from 1 to T as in the paper, and schedule arrays hold step t at index t - 1.
 * Tensor code lives in the denoiser, so this file loads no tfjs and the sampler also runs
 * where tfjs never loads (the opening figure, build-time figures).
 */
import type { Denoiser } from "./denoiser";
import type { Rng } from "./random";
import type { Schedule } from "./schedule";
import type { tf } from "./tf";

/** Forward process in closed form, q(x_t | x_0) = N(√ᾱ_t x_0, (1 - ᾱ_t) I)   (eq. 4):
 * x_t = √ᾱ_t x_0 + √(1 - ᾱ_t) ε, each row i at its own step t[i]. */
export function qSample(
  s: Schedule,
  x0: Float32Array,
  t: ArrayLike<number>,
  eps: Float32Array,
): Float32Array {
  const d = x0.length / t.length;
  const xt = new Float32Array(x0.length);
  for (let i = 0; i < xt.length; i++) {
    const step = t[Math.floor(i / d)]! - 1;
    xt[i] = s.sqrtAlphaBar[step]! * x0[i]! + s.sqrtOneMinusAlphaBar[step]! * eps[i]!;
  }
  return xt;
}

/**
 * Algorithm 1, one iteration: a gradient step on ‖ε - ε_θ(√ᾱ_t x_0 + √(1 - ᾱ_t) ε, t)‖²,
 * the simplified objective L_simple (eq. 14), averaged over the batch.
 * @param x0 a batch of clean data [n, d]
 * @returns the batch loss, a scalar the caller owns (read it later: no GPU sync here)
 */
export function trainStep(
  model: Denoiser,
  s: Schedule,
  optimizer: tf.Optimizer,
  x0: Float32Array,
  rng: Rng,
): tf.Scalar {
  const d = model.config.dim;
  const n = x0.length / d;

  const t = Int32Array.from({ length: n }, () => 1 + rng.int(s.T));

  const eps = rng.normals(new Float32Array(n * d));

  const xt = qSample(s, x0, t, eps);

  return model.gradientStep(optimizer, xt, t, eps);
}

/** A noise prediction ε(x_t, t) for n points at one step: the network, or the ideal one. */
export type EpsPredictor = (xt: Float32Array, t: number) => Float32Array;

/** Options of the reverse process. */
export interface SampleOptions {
  /** σ_t² of the reverse step: β̃_t (the posterior's, eq. 7) or β_t; both are in §3.2. */
  readonly variance?: "posterior" | "beta";
  /** Keep every x_t, from x_T to x_0, for animations. */
  readonly trajectory?: boolean;
}

/** What sampling returns: x_0, and x_T … x_0 when asked for. */
export interface SampleResult {
  readonly x0: Float32Array;
  /** trajectory[k] holds x_{T - k}, so trajectory[T] is x_0. */
  readonly trajectory?: Float32Array[];
}

/** The mean of a reverse step, μ_θ(x_t, t) = 1/√α_t (x_t - β_t/√(1 - ᾱ_t) ε)   (eq. 11),
 * for the noise prediction ε at x_t; with the ideal ε it is the true E[x_{t-1} | x_t]. */
export function pMean(s: Schedule, xt: Float32Array, t: number, eps: Float32Array): Float32Array {
  const i = t - 1;
  return xt.map((x, k) => s.sqrtRecipAlphas[i]! * (x - s.epsCoef[i]! * eps[k]!));
}

/**
 * Algorithm 2: start from x_T ~ N(0, I) and apply, for t = T … 1,
 * x_{t-1} = 1/√α_t (x_t - β_t/√(1 - ᾱ_t) ε(x_t, t)) + σ_t z,  z ~ N(0, I)   (eq. 11),
 * with no noise added at t = 1.
 */
export function sample(
  s: Schedule,
  epsModel: EpsPredictor,
  n: number,
  d: number,
  rng: Rng,
  options: SampleOptions = {},
): SampleResult {
  let x = rng.normals(new Float32Array(n * d));
  const trajectory = options.trajectory ? [x] : undefined;

  for (let t = s.T; t >= 1; t--) {
    const i = t - 1;
    const sigma =
      t === 1 ? 0 : Math.sqrt(options.variance === "beta" ? s.betas[i]! : s.posteriorVariance[i]!);

    const mean = pMean(s, x, t, epsModel(x, t));

    x = sigma === 0 ? mean : mean.map((m) => m + sigma * rng.normal());
    trajectory?.push(x);
  }
  return trajectory ? { x0: x, trajectory } : { x0: x };
}
