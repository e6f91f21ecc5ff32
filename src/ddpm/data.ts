/**
 * The examples' data: mixtures of isotropic Gaussians. A single Gaussian is a mixture of one,
 * so every dataset here has a closed-form noisy marginal (see `ideal.ts`).
 */
import type { Rng } from "./random";

/** A mixture Σ_k w_k N(μ_k, σ_k² I) in `dim` dimensions. */
export interface Mixture {
  readonly dim: number;
  /** Component means μ_k, each of length `dim`. */
  readonly means: readonly (readonly number[])[];
  /** Per-component standard deviations σ_k. */
  readonly stds: readonly number[];
  /** Component weights w_k, summing to 1. */
  readonly weights: readonly number[];
}

/** Builds a mixture, checking shapes; weights default to equal and are normalised. */
export function mixture(
  means: readonly (readonly number[])[],
  std: number | readonly number[],
  weights?: readonly number[],
): Mixture {
  const K = means.length;
  if (K === 0) throw new Error("mixture: expected at least one component");
  const dim = means[0]!.length;
  if (means.some((m) => m.length !== dim))
    throw new Error(`mixture: every mean must have ${dim} coordinates`);
  const stds = typeof std === "number" ? means.map(() => std) : [...std];
  if (stds.length !== K || stds.some((s) => !(s > 0)))
    throw new Error(`mixture: expected ${K} positive standard deviations, got ${stds.join(", ")}`);
  const raw = weights ?? means.map(() => 1);
  const total = raw.reduce((a, b) => a + b, 0);
  if (raw.length !== K || raw.some((w) => !(w >= 0)) || !(total > 0))
    throw new Error(`mixture: expected ${K} non-negative weights with a positive sum`);
  return Object.freeze({
    dim,
    means: means.map((m) => [...m]),
    stds,
    weights: raw.map((w) => w / total),
  });
}

/** The seed's 1D data, N(1, 0.01²). */
export const GAUSSIAN_1D = mixture([[1]], 0.01);

/** The seed's 2D data, N((-1, 1), 0.01² I). */
export const GAUSSIAN_2D = mixture([[-1, 1]], 0.01);

/** The seed's four spikes at (±1, ±1), std 0.01, equal weights. */
export const FOUR_SPIKES = mixture(
  [
    [-1, -1],
    [-1, 1],
    [1, -1],
    [1, 1],
  ],
  0.01,
);

/** Draws `n` points, row-major in a Float32Array of length n · dim. */
export function sampleMixture(data: Mixture, n: number, rng: Rng): Float32Array {
  const { dim, means, stds, weights } = data;
  const out = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const k = pickComponent(weights, rng.uniform());
    const mean = means[k]!;
    const std = stds[k]!;
    for (let j = 0; j < dim; j++) out[i * dim + j] = mean[j]! + std * rng.normal();
  }
  return out;
}

/** The component whose cumulative weight first exceeds u ∈ [0, 1). */
function pickComponent(weights: readonly number[], u: number): number {
  let acc = 0;
  for (let k = 0; k < weights.length; k++) {
    acc += weights[k]!;
    if (u < acc) return k;
  }
  return weights.length - 1;
}
