/**
 * The playground's datasets, each a mixture of many narrow Gaussians laid along a shape. A
 * mixture keeps everything the chapters rely on (exact sampling, the ideal denoiser of
 * `ideal.ts`) while drawing curves and areas: components closer together than about two
 * standard deviations blend into a continuous band. Every shape fits in [-1.5, 1.5]², the
 * extent of the four spikes, so the chapters' schedules and presets apply unchanged.
 */
import { FOUR_SPIKES, mixture, type Mixture } from "./data";

/** A named dataset of the playground. */
export type DatasetName = "spikes" | "ring" | "moons" | "spiral" | "checkerboard";

/** The names in the order the picker lists them. */
export const DATASET_NAMES: readonly DatasetName[] = [
  "spikes",
  "ring",
  "moons",
  "spiral",
  "checkerboard",
];

/** Spread of each component along a curve: narrow enough that the shape reads sharply. */
export const CURVE_STD = 0.04;

/** Distance between neighbouring means along a curve. At 2σ the sum of the components
 * varies by under 1 % along the curve, so it reads as a band, not a string of beads. */
const CURVE_SPACING = 2 * CURVE_STD;

/** Cells per side of the checkerboard, and component means per side of each dark cell. */
const BOARD_CELLS = 4;
const CELL_GRID = 5;

/** Half the side of the square every dataset fits in. */
export const EXTENT = 1.5;

/** Points spaced `CURVE_SPACING` apart by arc length along the curve c(u), u ∈ [0, 1]. */
function alongCurve(c: (u: number) => readonly [number, number]): number[][] {
  // A fine polyline gives the arc length; means are read off it at equal distances.
  const FINE = 4000;
  const out: number[][] = [[...c(0)]];
  let travelled = 0;
  let [px, py] = c(0);
  for (let i = 1; i <= FINE; i++) {
    const [x, y] = c(i / FINE);
    travelled += Math.hypot(x - px, y - py);
    [px, py] = [x, y];
    if (travelled >= CURVE_SPACING) {
      out.push([x, y]);
      travelled = 0;
    }
  }
  return out;
}

/** A circle of radius 1 around the origin. */
function ring(): Mixture {
  const K = Math.round((2 * Math.PI) / CURVE_SPACING);
  const means = Array.from({ length: K }, (_, k) => {
    const a = (2 * Math.PI * k) / K;
    return [Math.cos(a), Math.sin(a)];
  });
  return mixture(means, CURVE_STD);
}

/** Two interleaved half circles of radius 1, centred so the pair spans [-1.5, 1.5] across. */
function moons(): Mixture {
  const upper = alongCurve((u) => [Math.cos(Math.PI * u) - 0.5, Math.sin(Math.PI * u) - 0.25]);
  const lower = alongCurve((u) => [0.5 - Math.cos(Math.PI * u), 0.25 - Math.sin(Math.PI * u)]);
  return mixture([...upper, ...lower], CURVE_STD);
}

/** One arm of an Archimedean spiral, r growing linearly with the angle over one and a half
 * turns, out to radius 1.4; successive turns are 0.93 apart, wide of the components. */
function spiral(): Mixture {
  const TURNS = 1.5;
  const R = 1.4;
  const START = 0.15;
  return mixture(
    alongCurve((u) => {
      const s = START + (1 - START) * u;
      const a = 2 * Math.PI * TURNS * s;
      return [R * s * Math.cos(a), R * s * Math.sin(a)];
    }),
    CURVE_STD,
  );
}

/** The dark cells of a 4 × 4 board on [-1.4, 1.4]², each filled with a 5 × 5 grid of
 * components half a grid step wide, so the cell reads as evenly filled up to its edges. */
function checkerboard(): Mixture {
  const side = 2.8 / BOARD_CELLS;
  const step = side / CELL_GRID;
  const means: number[][] = [];
  for (let i = 0; i < BOARD_CELLS; i++)
    for (let j = 0; j < BOARD_CELLS; j++) {
      if ((i + j) % 2 !== 0) continue;
      for (let a = 0; a < CELL_GRID; a++)
        for (let b = 0; b < CELL_GRID; b++)
          means.push([-1.4 + i * side + (a + 0.5) * step, -1.4 + j * side + (b + 0.5) * step]);
    }
  return mixture(means, step / 2);
}

/** Each named dataset, built once. */
export const DATASETS: Readonly<Record<DatasetName, Mixture>> = {
  spikes: FOUR_SPIKES,
  ring: ring(),
  moons: moons(),
  spiral: spiral(),
  checkerboard: checkerboard(),
};

/** Whether `name` is one of the named datasets (for a name read from a link). */
export function isDatasetName(name: string | null): name is DatasetName {
  return (DATASET_NAMES as readonly (string | null)[]).includes(name);
}

/** Spread of each drawn point's component: a stroke, sampled every `DRAWN_SPACING`, reads as a
 * band, and a single click as a dot a little wider than a spike. */
export const DRAWN_STD = 0.04;

/** Least distance between successive points of a stroke, in data units. */
export const DRAWN_SPACING = 2 * DRAWN_STD;

/** Fewest drawn points to train on: fewer is barely a dataset, and one point is a spike the
 * chapters already cover. */
export const MIN_DRAWN = 3;

/** The mixture of drawn points [x, y], one component of std `DRAWN_STD` per point, equal
 * weights, or null when there are fewer than `MIN_DRAWN`. */
export function drawnMixture(points: readonly (readonly number[])[]): Mixture | null {
  return points.length < MIN_DRAWN ? null : mixture(points, DRAWN_STD);
}
