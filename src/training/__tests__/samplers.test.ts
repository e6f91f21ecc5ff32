import { describe, expect, it } from "vitest";
import { sample } from "../../ddpm/ddpm";
import { idealEps } from "../../ddpm/ideal";
import { createRng } from "../../ddpm/random";
import { cosineBetas, makeSchedule, SEED_BETAS } from "../../ddpm/schedule";
import { DATASETS } from "../../ddpm/datasets";
import { sampleDDIM } from "../../ddpm/ddim";
import { EXAMPLES, playgroundExample } from "../examples";
import { compareSamplers, samplerSteps } from "../samplers";

describe("samplerSteps", () => {
  it("lists the candidate counts below T, then T", () => {
    expect(samplerSteps(50)).toEqual([1, 2, 3, 5, 7, 10, 15, 20, 30, 50]);
    expect(samplerSteps(10)).toEqual([1, 2, 3, 5, 7, 10]);
    expect(samplerSteps(1)).toEqual([1]);
  });
});

describe("compareSamplers", () => {
  const spec = EXAMPLES.spikes;
  const s = makeSchedule(cosineBetas(50));
  const ideal = idealEps(spec.data, s);
  const runs = compareSamplers(spec, s, ideal, 1000, 7);

  it("runs both samplers with both predictors at every step count", () => {
    expect(runs).toHaveLength(2 * 2 * samplerSteps(50).length);
    expect(new Set(runs.map((r) => `${r.predictor} ${r.sampler} ${r.steps}`)).size).toBe(
      runs.length,
    );
  });

  it("gives the same samples for a learned model that is the ideal denoiser", () => {
    const key = (r: (typeof runs)[number]) => `${r.sampler} ${r.steps}`;
    const learned = new Map(runs.filter((r) => r.predictor === "learned").map((r) => [key(r), r]));
    for (const run of runs.filter((r) => r.predictor === "ideal"))
      expect(Array.from(learned.get(key(run))!.samples)).toEqual(Array.from(run.samples));
  });

  it("with DDPM on all T steps, draws what Algorithm 2 draws from the same seed", () => {
    const full = runs.find(
      (r) => r.predictor === "ideal" && r.sampler === "ddpm" && r.steps === 50,
    )!;
    const direct = sample(s, ideal, 1000, 2, createRng(7)).x0;
    full.samples.forEach((v, k) => expect(Math.abs(v - direct[k]!)).toBeLessThan(1e-4));
  });

  it("sends every sample to the middle in one step, at squared distance 2 from each spike", () => {
    // One step from x_T predicts E[x_0 | x_T] ≈ √ᾱ_T Σ_k r_k μ_k, and √ᾱ_T is below 0.01 here.
    for (const run of runs.filter((r) => r.steps === 1)) {
      expect(Math.abs(run.msd - 2)).toBeLessThan(0.05);
      expect(run.figures[0]!.ok).toBe(false);
    }
  });

  it("meets the chapter's targets with the ideal denoiser once the steps are enough", () => {
    for (const sampler of ["ddpm", "ddim"])
      expect(
        runs
          .find((r) => r.predictor === "ideal" && r.sampler === sampler && r.steps === 50)!
          .figures.every((f) => f.ok),
      ).toBe(true);
  });

  it("works on the seed's ten scales, where T is below most candidates", () => {
    const seedSchedule = makeSchedule(SEED_BETAS);
    const few = compareSamplers(
      EXAMPLES["1d"],
      seedSchedule,
      idealEps(EXAMPLES["1d"].data, seedSchedule),
      100,
      1,
    );
    expect(few.map((r) => r.steps).slice(0, 6)).toEqual([1, 2, 3, 5, 7, 10]);
  });

  it("on the two moons with the ideal denoiser, meets every target with fewer DDIM steps than DDPM steps", () => {
    // Data with an extent: DDPM's noise at each long jump blurs it, DDIM's path keeps it.
    const moons = playgroundExample(DATASETS.moons);
    const best = idealEps(moons.data, s);
    const fewest = (eta: number, seed: number) =>
      samplerSteps(50).find((S) => {
        const { x0 } = sampleDDIM(s, best, 2000, 2, createRng(seed), S, { eta });
        return moons.judge(x0).every((f) => f.ok);
      }) ?? Infinity;
    for (const seed of [1, 2]) expect(fewest(0, seed)).toBeLessThan(fewest(1, seed));
  }, 60_000);
});
