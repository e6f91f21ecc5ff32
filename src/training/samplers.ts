/**
 * The two samplers on one model, at several numbers of steps: DDPM's reverse process and
 * DDIM's deterministic one, each run on the strided chain τ_1 < … < τ_S (see `ddim.ts`), for
 * the trained network and for the ideal denoiser. The ideal runs are the best any training
 * could do with this schedule and sampler, so the gap between the two is the network's share
 * of the error and what remains in the ideal runs is the sampler's.
 */
import { sampleDDIM } from "../ddpm/ddim";
import type { EpsPredictor } from "../ddpm/ddpm";
import { idealEps } from "../ddpm/ideal";
import { meanSqDistToNearest } from "../ddpm/metrics";
import { createRng } from "../ddpm/random";
import type { Schedule } from "../ddpm/schedule";
import type { ExampleSpec, Figure } from "./examples";

/** Which sampler: DDPM (η = 1, Algorithm 2 when S = T) or DDIM (η = 0). */
export type SamplerName = "ddpm" | "ddim";

/** Whose noise prediction drives it. */
export type PredictorName = "learned" | "ideal";

/** Numbers of steps compared, where the schedule has that many; T itself is always added. */
const CANDIDATE_STEPS = [1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 100, 200, 500, 1000];

/** The step counts compared for a schedule of T steps: at most one per candidate, then T. */
export function samplerSteps(T: number): number[] {
  return [...new Set([...CANDIDATE_STEPS.filter((S) => S < T), T])];
}

/** One sampling run and how good its samples are. */
export interface SamplerRun {
  readonly predictor: PredictorName;
  readonly sampler: SamplerName;
  /** S, the number of steps. */
  readonly steps: number;
  /** Mean squared distance from each sample to the nearest centre of the data. */
  readonly msd: number;
  /** The example's convergence figures, as the training run judges them. */
  readonly figures: readonly Figure[];
  /** The samples, [n, dim] row-major. */
  readonly samples: Float32Array;
}

/**
 * Runs both samplers with both predictors at every step count, all from the same x_T (one
 * seed for every run), so the runs differ only in what is compared.
 */
export function compareSamplers(
  spec: ExampleSpec,
  s: Schedule,
  learned: EpsPredictor,
  n: number,
  seed: number,
): SamplerRun[] {
  const { data } = spec;
  const predictors: Record<PredictorName, EpsPredictor> = { learned, ideal: idealEps(data, s) };
  const runs: SamplerRun[] = [];
  for (const predictor of ["learned", "ideal"] as const) {
    for (const sampler of ["ddpm", "ddim"] as const) {
      for (const steps of samplerSteps(s.T)) {
        const eta = sampler === "ddpm" ? 1 : 0;
        const rng = createRng(seed);
        const { x0 } = sampleDDIM(s, predictors[predictor], n, data.dim, rng, steps, { eta });
        runs.push({
          predictor,
          sampler,
          steps,
          msd: meanSqDistToNearest(x0, data.dim, data.means),
          figures: spec.judge(x0),
          samples: x0,
        });
      }
    }
  }
  return runs;
}
