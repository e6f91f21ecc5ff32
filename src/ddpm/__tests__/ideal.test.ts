import { describe, expect, it } from "vitest";
import { FOUR_SPIKES, GAUSSIAN_1D, mixture, sampleMixture } from "../data";
import { qSample } from "../ddpm";
import { idealEps, idealLossGaussian } from "../ideal";
import { createRng } from "../random";
import { cosineBetas, makeSchedule } from "../schedule";
import { expectClose } from "./helpers";

const s = makeSchedule(cosineBetas(50));

describe("idealEps", () => {
  it("is the linear map √(1-ᾱ_t)(x_t - √ᾱ_t μ)/v for a single Gaussian", () => {
    const eps = idealEps(GAUSSIAN_1D, s);
    for (const t of [1, 10, 25, 50]) {
      const ab = s.alphaBar[t - 1]!;
      const v = ab * 1e-4 + 1 - ab;
      const x = Float32Array.from([-2, 0, 0.5, 3]);
      const got = eps(x, t);
      x.forEach((xi, i) => {
        const expected = (Math.sqrt(1 - ab) * (xi - Math.sqrt(ab))) / v;
        expectClose(got[i]!, expected, 1e-5 * Math.max(1, Math.abs(expected)), `t=${t}`);
      });
    }
  });

  it("reaches the closed-form minimum loss 1 - (1-ᾱ_t)/v in a Monte Carlo estimate", () => {
    const rng = createRng(6);
    const n = 100_000;
    for (const t of [5, 25, 45]) {
      const x0 = sampleMixture(GAUSSIAN_1D, n, rng);
      const noise = rng.normals(new Float32Array(n));
      const xt = qSample(s, x0, new Int32Array(n).fill(t), noise);
      const pred = idealEps(GAUSSIAN_1D, s)(xt, t);
      let loss = 0;
      for (let i = 0; i < n; i++) loss += (noise[i]! - pred[i]!) ** 2;
      const expected = idealLossGaussian(0.01, s, t);
      // The squared error of a Gaussian residual with variance L has sd L√2 per sample.
      expectClose(loss / n, expected, 5 * expected * Math.sqrt(2 / n), `loss at t=${t}`);
    }
  });

  it("points each noisy spike back towards its own centre for four spikes", () => {
    // Near (√ᾱ, √ᾱ) at a small t the responsibility of the (1, 1) spike is ~1, so
    // ε̂ ≈ √(1-ᾱ)(x - √ᾱ μ)/v: zero on the scaled centre, same sign as the offset off it.
    const t = 5;
    const c = Math.sqrt(s.alphaBar[t - 1]!);
    const eps = idealEps(FOUR_SPIKES, s)(Float32Array.from([c, c, c + 0.05, c - 0.05]), t);
    expectClose(eps[0]!, 0, 1e-6, "on the centre x");
    expectClose(eps[1]!, 0, 1e-6, "on the centre y");
    expect(eps[2]!).toBeGreaterThan(0);
    expect(eps[3]!).toBeLessThan(0);
  });

  it("stays finite far from every component, where the densities underflow", () => {
    const narrow = mixture([[0], [10]], 1e-3);
    const eps = idealEps(narrow, makeSchedule([1e-4]))(Float32Array.from([5.0001, -50]), 1);
    expect(eps.every(Number.isFinite)).toBe(true);
  });
});
