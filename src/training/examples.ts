/**
 * The trained examples: their data, their presets and what "converged" means for each. The
 * chapters' three have fixed data; the playground's takes whatever 2D mixture the reader picks.
 */
import { DATASETS } from "../ddpm/datasets";
import { FOUR_SPIKES, GAUSSIAN_1D, GAUSSIAN_2D, type Mixture } from "../ddpm/data";
import { meanSqDistToNearest, meanStd, shares } from "../ddpm/metrics";
import type { TrainConfig } from "./config";
import { mixtureJudge } from "./mixture-judge";

/** Which example: a chapter's, or the playground's. */
export type ExampleId = "1d" | "2d" | "spikes" | "playground";

/** One convergence figure, shown as text next to its target. */
export interface Figure {
  readonly label: string;
  readonly value: number;
  readonly target: string;
  readonly ok: boolean;
}

/** An example: the data to learn, its presets, and its convergence test. */
export interface ExampleSpec {
  readonly id: ExampleId;
  readonly data: Mixture;
  /** The fast default, and the seed tutorial's own settings. */
  readonly presets: { readonly fast: TrainConfig; readonly seed: TrainConfig };
  /** The figures of a set of samples [n, dim]; converged when every one is ok. `slack`
   * multiplies the tolerances, for screens on fewer samples than the full check. */
  readonly judge: (samples: Float32Array, slack?: number) => Figure[];
}

/** Steps between convergence checks; fixed in steps, not time, so a seed repeats its run. */
export const CHECK_EVERY = 50;

/** Samples checked before a run is called converged. */
export const CHECK_SAMPLES = 2000;

/** The fast default, chosen with `npm run bench`: the fewest seconds to converge on four
 * spikes, over several seeds. */
const FAST: TrainConfig = {
  schedule: "cosine",
  T: 50,
  width: 48,
  time: "sinusoidal",
  optimizer: "adam",
  learningRate: 1.5e-2,
  lrDecay: 1,
  batchSize: 256,
  steps: 5000,
  ema: 0.99,
  seed: 1,
};

/** One narrow Gaussian needs a smaller network, which can take larger steps. */
const FAST_GAUSSIAN: TrainConfig = { ...FAST, width: 32, learningRate: 2e-2 };

/** The seed's 1D and 2D settings: ten scales, width 32, SGD at 1e-3, batch 64, 20,000 steps. */
const SEED_GAUSSIAN: TrainConfig = {
  schedule: "seed",
  T: 10,
  width: 32,
  time: "alpha",
  optimizer: "sgd",
  learningRate: 1e-3,
  lrDecay: 1,
  batchSize: 64,
  steps: 20_000,
  ema: 0,
  seed: 1,
};

/** The four spikes' presets, which the playground shares. */
const SPIKES_PRESETS: ExampleSpec["presets"] = {
  fast: FAST,
  // The seed author's four-spike script: 20 Karras-spaced levels, SGD at 2e-3 decayed
  // by 0.98 every 100 steps, 32 samples per spike per step, 10,000 steps.
  seed: {
    ...SEED_GAUSSIAN,
    schedule: "karras",
    T: 20,
    learningRate: 2e-3,
    lrDecay: 0.98,
    batchSize: 128,
    steps: 10_000,
  },
};

/** A tolerance as the figures table writes it, widened by `slack` on a quick screen. */
const tolerance = (value: number, slack: number) => String(Number((value * slack).toPrecision(3)));

/** Figures for Gaussian data: each axis' mean and std against the target's. */
function judgeGaussian(data: Mixture, meanTol: number, stdMax: number) {
  const axes = data.dim === 1 ? [""] : [" x", " y"];
  return (samples: Float32Array, slack = 1): Figure[] => {
    const { mean, std } = meanStd(samples, data.dim);
    return axes.flatMap((axis, j) => {
      const target = data.means[0]![j]!;
      return [
        {
          label: `mean${axis}`,
          value: mean[j]!,
          target: `${target.toFixed(3)} ± ${tolerance(meanTol, slack)}`,
          ok: Math.abs(mean[j]! - target) <= meanTol * slack,
        },
        {
          label: `std${axis}`,
          value: std[j]!,
          target: `≤ ${tolerance(stdMax, slack)}`,
          ok: std[j]! <= stdMax * slack,
        },
      ];
    });
  };
}

/** The playground's example for any 2D mixture: the four spikes' presets, since every dataset
 * there fits the spikes' extent, and a judge worked out from the data (`mixtureJudge`). */
export function playgroundExample(data: Mixture): ExampleSpec {
  return {
    id: "playground",
    data,
    presets: SPIKES_PRESETS,
    judge: mixtureJudge(data, CHECK_SAMPLES),
  };
}

/** The examples by id; the playground's holds the dataset its page opens with. */
export const EXAMPLES: Readonly<Record<ExampleId, ExampleSpec>> = {
  "1d": {
    id: "1d",
    data: GAUSSIAN_1D,
    presets: { fast: FAST_GAUSSIAN, seed: SEED_GAUSSIAN },
    judge: judgeGaussian(GAUSSIAN_1D, 0.01, 0.02),
  },
  "2d": {
    id: "2d",
    data: GAUSSIAN_2D,
    presets: { fast: FAST_GAUSSIAN, seed: SEED_GAUSSIAN },
    judge: judgeGaussian(GAUSSIAN_2D, 0.01, 0.02),
  },
  spikes: {
    id: "spikes",
    data: FOUR_SPIKES,
    presets: SPIKES_PRESETS,
    judge: (samples, slack = 1) => {
      const centres = FOUR_SPIKES.means;
      const msd = meanSqDistToNearest(samples, 2, centres);
      const figures: Figure[] = [
        {
          label: "mean squared distance to nearest spike",
          value: msd,
          target: "≤ 0.005",
          ok: msd <= 0.005,
        },
      ];
      shares(samples, 2, centres).forEach((share, k) => {
        const [x, y] = centres[k]!;
        figures.push({
          label: `share at (${x}, ${y})`,
          value: share,
          target: `0.25 ± ${tolerance(0.02, slack)}`,
          ok: Math.abs(share - 0.25) <= 0.02 * slack,
        });
      });
      return figures;
    },
  },
  playground: playgroundExample(DATASETS.ring),
};
