/**
 * The opening picture: four spikes drawn out of noise by the ideal noise predictor, which
 * for this data has a closed form, so no network and no tfjs are needed.
 */
import { FOUR_SPIKES } from "../../ddpm/data";
import { sample } from "../../ddpm/ddpm";
import { idealEps } from "../../ddpm/ideal";
import { createRng } from "../../ddpm/random";
import { cosineBetas, makeSchedule } from "../../ddpm/schedule";

/** Diffusion steps of the opening run; the trained examples' default uses the same. */
export const INTRO_T = 50;

/** Every x_t of n points, x_T first, sampled by Algorithm 2 with the exact E[ε | x_t]. */
export function idealTrajectory(n: number, seed: number): Float32Array[] {
  const schedule = makeSchedule(cosineBetas(INTRO_T));
  const eps = idealEps(FOUR_SPIKES, schedule);
  return sample(schedule, eps, n, 2, createRng(seed), { trajectory: true }).trajectory!;
}
