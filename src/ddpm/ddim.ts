/**
 * DDIM's sampler (Song, Meng and Ermon 2021, https://arxiv.org/abs/2010.02502): the same
 * trained ε-predictor as Algorithm 2, but each step jumps along the marginals of the forward
 * process, so it can skip steps. With η = 0 it adds no noise and only x_T is random; with
 * η = 1 it is DDPM's reverse process on the shorter chain τ_1 < … < τ_S, so the two samplers
 * can be compared at any number of steps.
 */
import type { EpsPredictor, SampleOptions, SampleResult } from "./ddpm";
import type { Rng } from "./random";
import type { Schedule } from "./schedule";

/** The steps τ_1 < … < τ_S = T that S DDIM steps visit, evenly spaced over 1 … T.
 * Consecutive steps are at least one apart, so rounding never repeats one. */
export function ddimSteps(T: number, S: number): number[] {
  if (!(Number.isInteger(S) && S >= 1 && S <= T))
    throw new Error(`ddimSteps: expected a whole number of steps from 1 to ${T}, got ${S}`);
  return Array.from({ length: S }, (_, i) => Math.round(((i + 1) * T) / S));
}

/** Options of the strided sampler. */
export interface DDIMOptions extends Pick<SampleOptions, "trajectory"> {
  /** η of eq. 16: 0 is deterministic DDIM, 1 is DDPM's posterior variance on the chain τ. */
  readonly eta?: number;
}

/**
 * S steps from x_T ~ N(0, I), for i = S … 1 with t = τ_i and s = τ_{i-1} (ᾱ_0 = 1 past the
 * last): predict x_0 = (x_t - √(1 - ᾱ_t) ε(x_t, t)) / √ᾱ_t, then   (eq. 12)
 * x_s = √ᾱ_s x_0 + √(1 - ᾱ_s - σ²) ε(x_t, t) + σ z,
 * σ = η √((1 - ᾱ_s) / (1 - ᾱ_t)) √(1 - ᾱ_t / ᾱ_s)   (eq. 16), which is 0 at the last step.
 * @param S number of steps, 1 to T; S = T visits every step of the schedule
 */
export function sampleDDIM(
  s: Schedule,
  epsModel: EpsPredictor,
  n: number,
  d: number,
  rng: Rng,
  S: number = s.T,
  options: DDIMOptions = {},
): SampleResult {
  const tau = ddimSteps(s.T, S);
  const eta = options.eta ?? 0;
  let x = rng.normals(new Float32Array(n * d));
  const trajectory = options.trajectory ? [x] : undefined;

  for (let i = S; i >= 1; i--) {
    const t = tau[i - 1]!;
    const alphaBar = s.alphaBar[t - 1]!;
    const alphaBarNext = i === 1 ? 1 : s.alphaBar[tau[i - 2]! - 1]!;
    const sigma =
      eta * Math.sqrt(((1 - alphaBarNext) / (1 - alphaBar)) * (1 - alphaBar / alphaBarNext));
    const epsCoef = Math.sqrt(Math.max(0, 1 - alphaBarNext - sigma * sigma));

    const eps = epsModel(x, t);

    const next = new Float32Array(n * d);
    for (let k = 0; k < next.length; k++) {
      const x0 = (x[k]! - Math.sqrt(1 - alphaBar) * eps[k]!) / Math.sqrt(alphaBar);
      const mean = Math.sqrt(alphaBarNext) * x0 + epsCoef * eps[k]!;
      next[k] = sigma === 0 ? mean : mean + sigma * rng.normal();
    }
    x = next;
    trajectory?.push(x);
  }
  return trajectory ? { x0: x, trajectory } : { x0: x };
}
