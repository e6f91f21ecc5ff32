import { beforeAll, describe, expect, it } from "vitest";
import { GAUSSIAN_1D, sampleMixture } from "../data";
import { qSample, sample, trainStep } from "../ddpm";
import { Denoiser } from "../denoiser";
import { idealEps } from "../ideal";
import { meanStd } from "../metrics";
import { createRng } from "../random";
import { SEED_BETAS, cosineBetas, makeSchedule, type Schedule } from "../schedule";
import { tf } from "../tf";
import { expectClose, useCpuBackend } from "./helpers";

beforeAll(useCpuBackend);

/**
 * Exact mean and std of Algorithm 2's output when ε is the ideal predictor of N(μ, σ²) data.
 * Then E[ε | x_t] = k_t (x_t - √ᾱ_t μ) with k_t = √(1-ᾱ_t) / (ᾱ_t σ² + 1 - ᾱ_t), so every
 * reverse step is affine plus Gaussian noise and the moments propagate in closed form.
 * Written in float64, independently of the sampler's code.
 */
function idealChainMoments(betas: readonly number[], mu: number, sigma: number, beta = false) {
  let abPrev = 1;
  const ab = betas.map((b) => (abPrev *= 1 - b));
  let [m, v] = [0, 1];
  for (let t = betas.length; t >= 1; t--) {
    const [b, a, abt] = [betas[t - 1]!, 1 - betas[t - 1]!, ab[t - 1]!];
    const abp = t === 1 ? 1 : ab[t - 2]!;
    const k = Math.sqrt(1 - abt) / (abt * sigma * sigma + 1 - abt);
    const c = b / Math.sqrt(1 - abt);
    const A = (1 - c * k) / Math.sqrt(a);
    const C = (c * k * Math.sqrt(abt) * mu) / Math.sqrt(a);
    const noise = t === 1 ? 0 : beta ? b : (b * (1 - abp)) / (1 - abt);
    [m, v] = [A * m + C, A * A * v + noise];
  }
  return { mean: m, std: Math.sqrt(v) };
}

describe("qSample", () => {
  it("noises 100,000 samples to the closed-form mean √ᾱ_t μ and variance ᾱ_t σ² + 1 - ᾱ_t", () => {
    const s = makeSchedule([...SEED_BETAS]);
    const rng = createRng(11);
    const n = 100_000;
    for (const t of [1, 4, 7, 10]) {
      const x0 = sampleMixture(GAUSSIAN_1D, n, rng);
      const xt = qSample(s, x0, new Int32Array(n).fill(t), rng.normals(new Float32Array(n)));
      const { mean, std } = meanStd(xt, 1);
      const ab = s.alphaBar[t - 1]!;
      const variance = ab * 0.01 ** 2 + 1 - ab;
      // Five standard errors: √(var/n) for the mean, var·√(2/n) for the variance.
      expectClose(mean[0]!, Math.sqrt(ab), 5 * Math.sqrt(variance / n), `mean at t=${t}`);
      expectClose(std[0]! ** 2, variance, 5 * variance * Math.sqrt(2 / n), `variance at t=${t}`);
    }
  });
});

describe("sample", () => {
  const n = 20_000;

  for (const [name, betas] of [
    ["the seed's ten scales", [...SEED_BETAS]],
    ["a cosine schedule of 50 steps", cosineBetas(50)],
  ] as const) {
    for (const variance of ["posterior", "beta"] as const) {
      it(`driven by the ideal predictor, gives the exact chain's moments (${name}, σ² = ${variance})`, () => {
        const s: Schedule = makeSchedule(betas);
        const { x0 } = sample(s, idealEps(GAUSSIAN_1D, s), n, 1, createRng(3), { variance });
        const { mean, std } = meanStd(x0, 1);
        const exact = idealChainMoments(betas, 1, 0.01, variance === "beta");
        // The chain lands on the data's mean; its spread is at most the data's 0.01, as
        // β̃_t and β_t ignore the uncertainty about x_0 that the true reverse step carries.
        expectClose(exact.mean, 1, 1e-6, "exact mean");
        expect(exact.std).toBeLessThanOrEqual(0.01);
        expectClose(mean[0]!, exact.mean, 5 * (exact.std / Math.sqrt(n)) + 1e-5, "mean");
        expectClose(std[0]!, exact.std, 5 * exact.std * Math.sqrt(1 / (2 * n)) + 1e-5, "std");
      });
    }
  }

  it("returns x_T … x_0 when asked, starting from N(0, I) and ending at x_0", () => {
    const s = makeSchedule(cosineBetas(20));
    const { x0, trajectory } = sample(s, idealEps(GAUSSIAN_1D, s), 5000, 1, createRng(4), {
      trajectory: true,
    });
    expect(trajectory).toHaveLength(21);
    expect(trajectory![20]).toBe(x0);
    const start = meanStd(trajectory![0]!, 1);
    expectClose(start.mean[0]!, 0, 5 / Math.sqrt(5000), "x_T mean");
    expectClose(start.std[0]!, 1, 5 / Math.sqrt(2 * 5000), "x_T std");
  });

  it("repeats exactly for the same seed", () => {
    const s = makeSchedule([...SEED_BETAS]);
    const eps = idealEps(GAUSSIAN_1D, s);
    expect(sample(s, eps, 100, 1, createRng(9)).x0).toEqual(
      sample(s, eps, 100, 1, createRng(9)).x0,
    );
  });
});

describe("trainStep", () => {
  it("trains the 1D example from a fixed seed: the loss falls and samples land near mean 1", () => {
    const s = makeSchedule(cosineBetas(50));
    const rng = createRng(1);
    const model = new Denoiser({ dim: 1, width: 32, depth: 2, time: "sinusoidal" }, s, rng);
    const optimizer = tf.train.adam(1e-2);
    const losses: number[] = [];
    for (let step = 0; step < 600; step++) {
      const loss = trainStep(model, s, optimizer, sampleMixture(GAUSSIAN_1D, 256, rng), rng);
      losses.push(loss.dataSync()[0]!);
      loss.dispose();
      model.updateAverage(Math.min(0.99, (1 + step) / (10 + step)));
    }
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    expect(mean(losses.slice(-50))).toBeLessThan(0.5 * mean(losses.slice(0, 50)));

    const { x0 } = sample(s, (x, t) => model.predict(x, t), 2000, 1, rng);
    const stats = meanStd(x0, 1);
    // The target is N(1, 0.01²); the in-page example asks |mean - 1| ≤ 0.02 and std ≤ 0.05.
    expectClose(stats.mean[0]!, 1, 0.02, "sample mean");
    expect(stats.std[0]!).toBeLessThanOrEqual(0.05);
    optimizer.dispose();
    model.dispose();
  }, 60_000);

  it("leaves the tensor count flat over 1,000 steps and a sampling run, and frees all", () => {
    const baseline = tf.memory().numTensors;
    const s = makeSchedule([...SEED_BETAS]);
    const rng = createRng(2);
    const model = new Denoiser({ dim: 2, width: 16, depth: 2, time: "alpha" }, s, rng);
    const optimizer = tf.train.adam(1e-3);
    const x0 = () => Float32Array.from({ length: 64 }, () => rng.normal());
    // The optimizer creates its moment variables on the first step; count after it.
    trainStep(model, s, optimizer, x0(), rng).dispose();
    const before = tf.memory().numTensors;
    for (let step = 0; step < 1000; step++) {
      trainStep(model, s, optimizer, x0(), rng).dispose();
      model.updateAverage(0.99);
    }
    expect(tf.memory().numTensors).toBe(before);
    sample(s, (x, t) => model.predict(x, t), 500, 2, rng, { trajectory: true });
    expect(tf.memory().numTensors).toBe(before);
    optimizer.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  }, 60_000);
});
