/**
 * Regions of a mixture: its components grouped into a few parts of the plane, so that a
 * judge can ask whether each part gets its share of samples. A ring of 80 components has 80
 * shares of 1.25 % each, too small to tell sampling noise from a missing arc; eight arcs of
 * 12.5 % each are not.
 */
import type { Mixture } from "./data";

/** A group of components: where it is, how much of the data it holds, and which they are. */
export interface Region {
  /** Weighted mean of its components' means. */
  readonly centre: readonly number[];
  /** Sum of its components' weights: the share of data samples it should receive. */
  readonly weight: number;
  /** Indices of its components in the mixture. */
  readonly members: readonly number[];
}

/** Regions a judge checks at most: enough to see a missing part, few enough that each holds
 * a share large against the sampling noise of a check. */
export const MAX_REGIONS = 8;

/** Least distance between two regions' centres. Along one continuous stroke, the split
 * between neighbouring regions is a line across the band, and how the model's density falls
 * on either side of it depends on details finer than it learns in a few thousand steps:
 * drawn strokes cut into parts of one or two points kept runs whose samples looked right
 * from converging within 5,000 steps. Half a unit, a sixth of the plotted width, keeps parts that a reader sees as
 * parts: the spikes, eighths of the ring, separate strokes. */
export const MIN_REGION_GAP = 0.5;

/** Lloyd iterations; they settle within a few on the playground's shapes. */
const ITERATIONS = 25;

const sqDist = (a: readonly number[], b: readonly number[]) =>
  a.reduce((s, v, j) => s + (v - b[j]!) ** 2, 0);

/** Index of the centre nearest to `p`; the lowest index wins a tie, so the result repeats. */
function nearestOf(p: readonly number[], centres: readonly (readonly number[])[]): number {
  let best = 0;
  for (let c = 1; c < centres.length; c++)
    if (sqDist(p, centres[c]!) < sqDist(p, centres[best]!)) best = c;
  return best;
}

/**
 * The mixture's regions: weighted k-means over the component means with the largest
 * k ≤ min(MAX_REGIONS, K) whose centres are all at least MIN_REGION_GAP apart.
 */
export function regions(data: Mixture): Region[] {
  for (let k = Math.min(MAX_REGIONS, data.means.length); k > 1; k--) {
    const found = kMeans(data, k);
    const centres = found.map((r) => r.centre);
    const apart = centres.every((a, i) =>
      centres.slice(i + 1).every((b) => sqDist(a, b) >= MIN_REGION_GAP ** 2),
    );
    if (apart) return found;
  }
  return kMeans(data, 1);
}

/**
 * Weighted k-means over the component means, in k groups. Deterministic without a
 * seed: it starts from farthest-point traversal (the mean farthest from the data's centre,
 * then each time the mean farthest from those chosen), which spreads the starting centres over
 * the whole shape. Regions left empty are dropped, so duplicate means cannot make one.
 */
export function kMeans(data: Mixture, k: number): Region[] {
  const { means, weights } = data;
  const overall = centroid(data, [...means.keys()])!;

  // Ties go to the lowest index, so the same mixture always starts from the same centres.
  const farthest = (score: (m: readonly number[]) => number) =>
    means[means.reduce((best, m, i) => (score(m) > score(means[best]!) ? i : best), 0)]!;
  let centres = [farthest((m) => sqDist(m, overall))];
  while (centres.length < k)
    centres.push(farthest((m) => sqDist(m, centres[nearestOf(m, centres)]!)));

  let assign: number[] = [];
  for (let it = 0; it < ITERATIONS; it++) {
    assign = means.map((m) => nearestOf(m, centres));
    centres = centres.map((old, c) => centroid(data, membersOf(assign, c)) ?? old);
  }
  return centres
    .map((_, c) => membersOf(assign, c))
    .filter((members) => members.length > 0)
    .map((members) => ({
      centre: centroid(data, members)!,
      weight: members.reduce((s, i) => s + weights[i]!, 0),
      members,
    }));
}

function membersOf(assign: readonly number[], c: number): number[] {
  return assign.flatMap((a, i) => (a === c ? [i] : []));
}

/** Weighted mean of the given components' means, or null for none. */
function centroid(data: Mixture, members: readonly number[]): number[] | null {
  const total = members.reduce((s, i) => s + data.weights[i]!, 0);
  if (!(total > 0)) return null;
  return Array.from(
    { length: data.dim },
    (_, j) => members.reduce((s, i) => s + data.weights[i]! * data.means[i]![j]!, 0) / total,
  );
}
