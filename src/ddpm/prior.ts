/**
 * How far the forward process ends from the prior p(x_T) = N(0, I) that sampling starts from,
 * for Gaussian data, where every quantity has a closed form. Ho et al. 2020
 * (https://arxiv.org/abs/2006.11239) call the matching term of their bound L_T (eq. 5); it has
 * no parameter to learn, so only the schedule β_1 … β_T decides it.
 */
import type { Mixture } from "./data";
import type { Schedule } from "./schedule";

/** A Gaussian N(mean, variance · I) with one variance shared by every coordinate. */
export interface IsotropicGaussian {
  readonly mean: readonly number[];
  readonly variance: number;
}

/**
 * The noisy marginal q(x_t) of Gaussian data N(μ, σ² I): averaging eq. 4 over x_0 gives
 * N(√ᾱ_t μ, (ᾱ_t σ² + 1 - ᾱ_t) I).
 */
export function noisedGaussian(data: Mixture, alphaBar: number): IsotropicGaussian {
  const { mu, sigma } = gaussianOf(data, "noisedGaussian");
  checkAlphaBar(alphaBar, "noisedGaussian");
  return {
    mean: mu.map((m) => Math.sqrt(alphaBar) * m),
    variance: alphaBar * sigma * sigma + 1 - alphaBar,
  };
}

/**
 * D_KL(q(x_t) ‖ N(0, I)) in nats for Gaussian data N(μ, σ² I), the gap between where the
 * forward process has taken the data by step t and the prior the sampler draws x_T from.
 *
 * Per coordinate, D_KL(N(m, v) ‖ N(0, 1)) = ½ (v + m² - 1 - ln v). With m = √ᾱ μ and
 * v = 1 - x, x = ᾱ (1 - σ²), this is ½ (ᾱ μ² + g(x)) with g(x) = -ln(1 - x) - x ≥ 0: two
 * non-negative terms, so the sum keeps full precision as ᾱ → 0, where the textbook form
 * subtracts numbers that agree to every digit.
 */
export function marginalGap(data: Mixture, alphaBar: number): number {
  const { mu, sigma } = gaussianOf(data, "marginalGap");
  checkAlphaBar(alphaBar, "marginalGap");
  const meanTerm = alphaBar * mu.reduce((sum, m) => sum + m * m, 0);
  return 0.5 * (meanTerm + mu.length * logGap(alphaBar * (1 - sigma * sigma)));
}

/**
 * L_T of eq. 5 for Gaussian data: E_{x_0} D_KL(q(x_T | x_0) ‖ N(0, I)), in nats. Per
 * coordinate, with q(x_T | x_0) = N(√ᾱ x_0, (1 - ᾱ) I) (eq. 4), it is ½ (ᾱ (μ² + σ²) + g(ᾱ)).
 *
 * It conditions on x_0, so it is never below `marginalGap`: the two differ by the mutual
 * information between x_0 and x_T, what x_T still reveals about which x_0 it came from.
 */
export function priorTerm(data: Mixture, alphaBar: number): number {
  const { mu, sigma } = gaussianOf(data, "priorTerm");
  checkAlphaBar(alphaBar, "priorTerm");
  const secondMoment = mu.reduce((sum, m) => sum + m * m + sigma * sigma, 0);
  return 0.5 * (alphaBar * secondMoment + mu.length * logGap(alphaBar));
}

/** `marginalGap` at the last step of schedule s: how far q(x_T) ends from N(0, I). */
export function priorGap(data: Mixture, s: Schedule): number {
  return marginalGap(data, s.alphaBar[s.T - 1]!);
}

/** Below this |x|, g(x) comes from its series, where -log1p(-x) - x would cancel. */
const SERIES_BELOW = 1e-3;

/** g(x) = -ln(1 - x) - x = x²/2 + x³/3 + x⁴/4 + … for x < 1. */
function logGap(x: number): number {
  // Three terms leave a relative error under x³ / 2, below 1e-9 here.
  if (Math.abs(x) < SERIES_BELOW) return x * x * (1 / 2 + x * (1 / 3 + x / 4));
  return -Math.log1p(-x) - x;
}

function gaussianOf(data: Mixture, caller: string): { mu: readonly number[]; sigma: number } {
  if (data.means.length !== 1)
    throw new Error(
      `${caller}: expected Gaussian data (a mixture of one), got ${data.means.length} components; ` +
        "a mixture's KL to N(0, I) has no closed form",
    );
  return { mu: data.means[0]!, sigma: data.stds[0]! };
}

function checkAlphaBar(alphaBar: number, caller: string): void {
  if (!(alphaBar >= 0 && alphaBar < 1))
    throw new Error(`${caller}: expected ᾱ in [0, 1), got ${alphaBar}`);
}
