/**
 * How close samples are to the data. Every function takes row-major points [n, d].
 */

/** Per-coordinate mean and (population) standard deviation. */
export function meanStd(x: Float32Array, d: number): { mean: number[]; std: number[] } {
  const n = x.length / d;
  if (!(n >= 1 && Number.isInteger(n)))
    throw new Error(
      `meanStd: expected a whole number of ${d}-dimensional rows, got ${x.length} values`,
    );
  const mean = Array<number>(d).fill(0);
  const sq = Array<number>(d).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += x[i * d + j]!;
  for (let j = 0; j < d; j++) mean[j]! /= n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sq[j]! += (x[i * d + j]! - mean[j]!) ** 2;
  return { mean, std: sq.map((s) => Math.sqrt(s / n)) };
}

/** Index of the centre nearest to row i. */
function nearest(x: Float32Array, d: number, i: number, centres: readonly (readonly number[])[]) {
  let best = 0;
  let bestDist = Infinity;
  centres.forEach((c, k) => {
    let dist = 0;
    for (let j = 0; j < d; j++) dist += (x[i * d + j]! - c[j]!) ** 2;
    if (dist < bestDist) [best, bestDist] = [k, dist];
  });
  return { index: best, dist: bestDist };
}

/** Mean over samples of the squared distance to the nearest centre (the seed's measure). */
export function meanSqDistToNearest(
  x: Float32Array,
  d: number,
  centres: readonly (readonly number[])[],
): number {
  const n = x.length / d;
  let total = 0;
  for (let i = 0; i < n; i++) total += nearest(x, d, i, centres).dist;
  return total / n;
}

/** Share of samples whose nearest centre is each centre, in centre order; sums to 1. */
export function shares(
  x: Float32Array,
  d: number,
  centres: readonly (readonly number[])[],
): number[] {
  const n = x.length / d;
  const counts = centres.map(() => 0);
  for (let i = 0; i < n; i++) counts[nearest(x, d, i, centres).index]!++;
  return counts.map((c) => c / n);
}

/**
 * Energy distance between two sample sets (Székely and Rizzo):
 * 2 E‖X - Y‖ - E‖X - X'‖ - E‖Y - Y'‖, zero exactly when the distributions agree.
 * Quadratic in the sample sizes; a few thousand points take tens of milliseconds.
 */
export function energyDistance(a: Float32Array, b: Float32Array, d: number): number {
  return 2 * meanPairDistance(a, b, d) - meanPairDistance(a, a, d) - meanPairDistance(b, b, d);
}

/** Mean Euclidean distance over all pairs (i, j) of rows of a and b. */
function meanPairDistance(a: Float32Array, b: Float32Array, d: number): number {
  const na = a.length / d;
  const nb = b.length / d;
  let total = 0;
  for (let i = 0; i < na; i++) {
    for (let k = 0; k < nb; k++) {
      let sq = 0;
      for (let j = 0; j < d; j++) sq += (a[i * d + j]! - b[k * d + j]!) ** 2;
      total += Math.sqrt(sq);
    }
  }
  return total / (na * nb);
}
