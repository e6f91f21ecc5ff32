/**
 * Noise schedules β_1 … β_T and every constant derived from them, as in Ho et al. 2020
 * (https://arxiv.org/abs/2006.11239). Arrays are indexed from 0: entry t - 1 holds the
 * paper's quantity at step t.
 */

/** The seed tutorial's ten noise scales. */
export const SEED_BETAS: readonly number[] = [
  0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 0.999,
];

/** Linear betas from β_1 = 1e-4 to β_T = 0.02, rescaled by 1000 / T so that any T keeps
 * roughly the paper's signal-to-noise path (Ho et al. 2020, §4). */
export function linearBetas(T: number): number[] {
  checkSteps(T);
  const scale = 1000 / T;
  const lo = Math.min(1e-4 * scale, 0.999);
  const hi = Math.min(0.02 * scale, 0.999);
  return Array.from({ length: T }, (_, i) => (T === 1 ? hi : lo + ((hi - lo) * i) / (T - 1)));
}

/** Cosine schedule: ᾱ(t) = f(t) / f(0), f(t) = cos²(((t/T + s) / (1 + s)) π/2), with β
 * clipped at 0.999 (Nichol and Dhariwal 2021, eq. 17, https://arxiv.org/abs/2102.09672). */
export function cosineBetas(T: number, s = 0.008): number[] {
  checkSteps(T);
  const f = (t: number) => Math.cos(((t / T + s) / (1 + s)) * (Math.PI / 2)) ** 2;
  return Array.from({ length: T }, (_, i) => Math.min(1 - f(i + 1) / f(i), 0.999));
}

/** Betas spaced as Karras et al. 2022 space noise levels (ρ = 4), as the seed author's
 * four-spike code does: β_k = (a + k/(T-1) (b - a))^ρ, a = βmin^(1/ρ), b = βmax^(1/ρ). */
export function karrasBetas(T: number, betaMin = 0.001, betaMax = 0.9, rho = 4): number[] {
  checkSteps(T);
  const a = betaMin ** (1 / rho);
  const b = betaMax ** (1 / rho);
  return Array.from({ length: T }, (_, k) => (a + (T === 1 ? 0 : k / (T - 1)) * (b - a)) ** rho);
}

/** The schedule's constants, computed once in float64 and stored as float32. */
export interface Schedule {
  /** Number of diffusion steps T. */
  readonly T: number;

  // forward process q(x_t | x_{t-1}) = N(√α_t x_{t-1}, β_t I)   (eq. 2)
  readonly betas: Float32Array;
  readonly alphas: Float32Array;

  // closed form q(x_t | x_0) = N(√ᾱ_t x_0, (1 - ᾱ_t) I)   (eq. 4)
  readonly alphaBar: Float32Array;
  readonly alphaBarPrev: Float32Array;
  readonly sqrtAlphaBar: Float32Array;
  readonly sqrtOneMinusAlphaBar: Float32Array;

  // reverse step of Algorithm 2: x_{t-1} = 1/√α_t (x_t - β_t/√(1-ᾱ_t) ε_θ) + σ_t z   (eq. 11)
  readonly sqrtRecipAlphas: Float32Array;
  readonly epsCoef: Float32Array;

  // posterior q(x_{t-1} | x_t, x_0) = N(μ̃_t, β̃_t I)   (eqs. 6–7)
  readonly posteriorVariance: Float32Array;
  readonly posteriorMeanCoef0: Float32Array;
  readonly posteriorMeanCoefT: Float32Array;
}

/** Derives every constant of `betas`; each β must lie in (0, 1). */
export function makeSchedule(betas: readonly number[]): Schedule {
  checkSteps(betas.length);
  betas.forEach((b, i) => {
    if (!(b > 0 && b < 1)) throw new Error(`makeSchedule: β_${i + 1} must be in (0, 1), got ${b}`);
  });
  const T = betas.length;
  const f32 = (fn: (t: number) => number) => Float32Array.from({ length: T }, (_, t) => fn(t));

  // Products in float64: in float32 the running product drifts for long schedules.
  const alphaBar64: number[] = [];
  let product = 1;
  for (const b of betas) {
    product *= 1 - b;
    alphaBar64.push(product);
  }
  const abPrev = (t: number) => (t === 0 ? 1 : alphaBar64[t - 1]!);
  const b = (t: number) => betas[t]!;
  const ab = (t: number) => alphaBar64[t]!;

  return Object.freeze({
    T,
    betas: f32(b),
    alphas: f32((t) => 1 - b(t)),

    alphaBar: f32(ab),
    alphaBarPrev: f32(abPrev),
    sqrtAlphaBar: f32((t) => Math.sqrt(ab(t))),
    sqrtOneMinusAlphaBar: f32((t) => Math.sqrt(1 - ab(t))),

    sqrtRecipAlphas: f32((t) => 1 / Math.sqrt(1 - b(t))),
    epsCoef: f32((t) => b(t) / Math.sqrt(1 - ab(t))),

    posteriorVariance: f32((t) => (b(t) * (1 - abPrev(t))) / (1 - ab(t))),
    posteriorMeanCoef0: f32((t) => (Math.sqrt(abPrev(t)) * b(t)) / (1 - ab(t))),
    posteriorMeanCoefT: f32((t) => (Math.sqrt(1 - b(t)) * (1 - abPrev(t))) / (1 - ab(t))),
  });
}

/** The schedules a reader can pick by name. */
export type ScheduleName = "seed" | "linear" | "cosine" | "karras";

/** Betas of a named schedule with T steps; "seed" has exactly ten. */
export function namedBetas(name: ScheduleName, T: number): number[] {
  switch (name) {
    case "seed":
      if (T !== SEED_BETAS.length)
        throw new Error(
          `namedBetas: the seed schedule has ${SEED_BETAS.length} steps, got T = ${T}`,
        );
      return [...SEED_BETAS];
    case "linear":
      return linearBetas(T);
    case "cosine":
      return cosineBetas(T);
    case "karras":
      return karrasBetas(T);
  }
}

function checkSteps(T: number): void {
  if (!Number.isInteger(T) || T < 1) throw new Error(`expected T a positive integer, got ${T}`);
}
