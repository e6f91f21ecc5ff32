import { describe, expect, it } from "vitest";
import { mixture } from "../data";
import { ddimSteps, sampleDDIM } from "../ddim";
import { sample } from "../ddpm";
import { idealEps } from "../ideal";
import { meanStd } from "../metrics";
import { createRng } from "../random";
import { cosineBetas, makeSchedule } from "../schedule";
import { expectAllClose, expectClose } from "./helpers";

/** Gaussian data wide enough that the sampler's spread is measurable, not swamped by noise. */
const DATA = mixture([[0.5]], 0.3);

/** Two-dimensional data with several modes, where the two samplers' paths differ most. */
const FOUR_SPIKES_LIKE = mixture(
  [
    [-1, -1],
    [1, 1],
    [1, -1],
  ],
  0.1,
);

/**
 * Exact mean and std of DDIM's output when ε is the ideal predictor of N(μ, σ²) data. Then
 * E[ε | x_t] = k (x_t - √ᾱ_t μ) with k = √(1-ᾱ_t) / (ᾱ_t σ² + 1 - ᾱ_t), so every step
 * x_s = √ᾱ_s (x_t - √(1-ᾱ_t) ε) / √ᾱ_t + √(1-ᾱ_s-σ_η²) ε + σ_η z is affine in x_t plus
 * independent noise, and the moments of N(0, 1) propagate in closed form. Written in float64 from the betas, apart from the sampler.
 */
function ddimMoments(betas: readonly number[], S: number, mu: number, sigma: number, eta = 0) {
  let product = 1;
  const alphaBar = betas.map((b) => (product *= 1 - b));
  const T = betas.length;
  const visited = Array.from({ length: S }, (_, i) => Math.round(((i + 1) * T) / S));
  let [m, v] = [0, 1];
  for (let i = S; i >= 1; i--) {
    const a = alphaBar[visited[i - 1]! - 1]!;
    const next = i === 1 ? 1 : alphaBar[visited[i - 2]! - 1]!;
    const k = Math.sqrt(1 - a) / (a * sigma * sigma + 1 - a);
    // σ² of eq. 16: the noise added at this step, independent of x_t.
    const noise = eta * eta * ((1 - next) / (1 - a)) * (1 - a / next);
    const c = Math.sqrt(1 - next - noise) - Math.sqrt((next * (1 - a)) / a);
    const A = Math.sqrt(next / a) + c * k;
    const B = -c * k * Math.sqrt(a) * mu;
    [m, v] = [A * m + B, A * A * v + noise];
  }
  return { mean: m, std: Math.sqrt(v) };
}

describe("ddimSteps", () => {
  it("spreads S steps evenly over 1 … T, ending at T", () => {
    expect(ddimSteps(50, 5)).toEqual([10, 20, 30, 40, 50]);
    expect(ddimSteps(10, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ddimSteps(10, 4)).toEqual([3, 5, 8, 10]);
    expect(ddimSteps(7, 1)).toEqual([7]);
  });

  it("refuses more steps than the schedule has, or none", () => {
    expect(() => ddimSteps(10, 11)).toThrow(/from 1 to 10, got 11/);
    expect(() => ddimSteps(10, 0)).toThrow(/got 0/);
  });
});

describe("sampleDDIM", () => {
  const n = 50_000;
  const betas = cosineBetas(50);
  const s = makeSchedule(betas);

  for (const S of [50, 10, 3]) {
    it(`driven by the ideal predictor, gives the exact moments of its ${S} steps`, () => {
      const { x0 } = sampleDDIM(s, idealEps(DATA, s), n, 1, createRng(8), S);
      const { mean, std } = meanStd(x0, 1);
      const exact = ddimMoments(betas, S, 0.5, 0.3);
      // Each jump keeps the mean on track; its spread can only shrink (Cauchy–Schwarz), and
      // does so more the fewer the steps.
      expectClose(exact.mean, 0.5, 1e-3, "exact mean");
      expect(exact.std).toBeLessThanOrEqual(0.3 + 1e-9);
      expectClose(mean[0]!, exact.mean, 5 * (exact.std / Math.sqrt(n)) + 1e-5, "mean");
      expectClose(std[0]!, exact.std, 5 * exact.std * Math.sqrt(1 / (2 * n)) + 1e-5, "std");
    });
  }

  it("loses spread as it takes fewer, longer steps", () => {
    const stds = [50, 10, 3].map((S) => ddimMoments(betas, S, 0.5, 0.3).std);
    expect(stds[0]!).toBeGreaterThan(stds[1]!);
    expect(stds[1]!).toBeGreaterThan(stds[2]!);
    const sampled = [50, 3].map((S) => {
      const { x0 } = sampleDDIM(s, idealEps(DATA, s), n, 1, createRng(9), S);
      return meanStd(x0, 1).std[0]!;
    });
    // Apart by far more than five standard errors of a std estimate over n samples.
    expect(sampled[0]! - sampled[1]!).toBeGreaterThan(10 * 0.3 * Math.sqrt(1 / (2 * n)));
  });

  it("is deterministic given x_T: only the first draw is random", () => {
    const eps = idealEps(DATA, s);
    const a = sampleDDIM(s, eps, 100, 1, createRng(5), 10, { trajectory: true });
    const b = sampleDDIM(s, eps, 100, 1, createRng(5), 10);
    expect(Array.from(b.x0)).toEqual(Array.from(a.x0));
    expect(a.trajectory).toHaveLength(11);
    expect(a.trajectory![10]).toBe(a.x0);
  });

  it("with η = 1 on every step, is Algorithm 2 with the posterior variance, draw for draw", () => {
    const eps = idealEps(FOUR_SPIKES_LIKE, s);
    const ddpm = sample(s, eps, 200, 2, createRng(3));
    const strided = sampleDDIM(s, eps, 200, 2, createRng(3), s.T, { eta: 1 });
    // Same random stream, same arithmetic up to rounding: eq. 16's σ² at η = 1 is β̃_t of eq. 7,
    // and the two ways of writing the mean agree exactly in real numbers.
    expectAllClose(Array.from(strided.x0), Array.from(ddpm.x0), 1e-4);
  });

  for (const S of [50, 10, 3]) {
    it(`with η = 1 and the ideal predictor, gives the exact moments of its ${S} steps`, () => {
      const { x0 } = sampleDDIM(s, idealEps(DATA, s), n, 1, createRng(4), S, { eta: 1 });
      const { mean, std } = meanStd(x0, 1);
      const exact = ddimMoments(betas, S, 0.5, 0.3, 1);
      expectClose(mean[0]!, exact.mean, 5 * (exact.std / Math.sqrt(n)) + 1e-5, "mean");
      expectClose(std[0]!, exact.std, 5 * exact.std * Math.sqrt(1 / (2 * n)) + 1e-5, "std");
    });
  }

  it("keeps more of the data's spread than DDPM at every number of steps, so reaches 90 % of it sooner", () => {
    // Exact moments, no sampling: the ideal predictor of N(0.5, 0.3²) makes every step affine.
    const counts = [2, 3, 5, 7, 10, 15, 20, 30, 50];
    const std = (eta: number) => counts.map((S) => ddimMoments(betas, S, 0.5, 0.3, eta).std);
    const [ddim, ddpm] = [std(0), std(1)];
    counts.forEach((S, k) => expect(ddim[k]!, `S = ${S}`).toBeGreaterThan(ddpm[k]!));
    const first = (stds: number[]) => counts.find((_, k) => stds[k]! >= 0.9 * 0.3);
    expect(first(ddim)).toBeDefined();
    expect(first(ddim)!).toBeLessThan(first(ddpm) ?? Infinity);
  });
});
