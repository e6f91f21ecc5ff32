import { describe, expect, it } from "vitest";
import { FOUR_SPIKES, GAUSSIAN_1D, GAUSSIAN_2D, mixture } from "../data";
import { marginalGap, noisedGaussian, priorGap, priorTerm } from "../prior";
import { createRng } from "../random";
import { SEED_BETAS, karrasBetas, makeSchedule } from "../schedule";
import { expectClose } from "./helpers";

/** The textbook D_KL(N(m, v) ‖ N(0, 1)) = ½ (v + m² - 1 - ln v), summed over coordinates. */
function textbookKL(means: readonly number[], v: number): number {
  return means.reduce((sum, m) => sum + 0.5 * (v + m * m - 1 - Math.log(v)), 0);
}

/** The noisy marginal of N(μ, σ² I) worked out by hand: mean √ᾱ μ, variance ᾱ σ² + 1 - ᾱ. */
function byHand(mu: readonly number[], sigma: number, ab: number) {
  return { m: mu.map((x) => Math.sqrt(ab) * x), v: ab * sigma * sigma + 1 - ab };
}

describe("noisedGaussian", () => {
  it("matches the chain of eq. 2 simulated step by step", () => {
    // 20,000 draws of N(1, 0.01²) pushed through five Karras steps, one β at a time.
    const betas = karrasBetas(5);
    const rng = createRng(7);
    const n = 20_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      let x = 1 + 0.01 * rng.normal();
      for (const b of betas) x = Math.sqrt(1 - b) * x + Math.sqrt(b) * rng.normal();
      sum += x;
      sumSq += x * x;
    }
    const mean = sum / n;
    const variance = sumSq / n - mean * mean;

    const q = noisedGaussian(GAUSSIAN_1D, makeSchedule(betas).alphaBar[4]!);
    // Standard errors: √(v/n) ≈ 0.007 for the mean, v √(2/n) ≈ 0.01 for the variance.
    expectClose(mean, q.mean[0]!, 0.03, "mean of x_5");
    expectClose(variance, q.variance, 0.04, "variance of x_5");
  });

  it("gives N(0, I) at ᾱ = 0 and nearly the data itself as ᾱ → 1", () => {
    const end = noisedGaussian(GAUSSIAN_2D, 0);
    expect(end.mean.map(Math.abs)).toEqual([0, 0]);
    expect(end.variance).toBe(1);
    const q = noisedGaussian(GAUSSIAN_2D, 0.999_999);
    expectClose(q.mean[0]!, -1, 1e-6, "mean");
    expectClose(q.variance, 1e-4, 1e-5, "variance");
  });
});

describe("marginalGap", () => {
  it("is ½ ln 2 plus a little for N(1, 0.01²) at ᾱ = ½, as worked out by hand", () => {
    // m² = 0.5, v = 0.50005: ½ (0.50005 + 0.5 - 1 - ln 0.50005) = 0.3465486…
    expectClose(marginalGap(GAUSSIAN_1D, 0.5), 0.3465486, 1e-7);
  });

  it("agrees with the textbook formula from ᾱ = 0.9 down to 1e-6, in 1D and 2D", () => {
    for (const data of [GAUSSIAN_1D, GAUSSIAN_2D, mixture([[0.3, -2, 0.5]], 1.7)])
      for (const ab of [0.9, 0.5, 0.05, 1e-3, 1e-4, 1e-6]) {
        const { m, v } = byHand(data.means[0]!, data.stds[0]!, ab);
        const expected = textbookKL(m, v);
        expectClose(marginalGap(data, ab), expected, 1e-9 * expected, `dim ${data.dim}, ᾱ ${ab}`);
      }
  });

  it("agrees with a Monte Carlo estimate of E_q[ln q(x) - ln N(x; 0, 1)]", () => {
    const ab = 0.1;
    const { m, v } = byHand([1], 0.01, ab);
    const rng = createRng(11);
    const n = 200_000;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      // x_T by eq. 4's sampling form, not by the marginal's formula.
      const x = Math.sqrt(ab) * (1 + 0.01 * rng.normal()) + Math.sqrt(1 - ab) * rng.normal();
      const lnQ = -0.5 * Math.log(2 * Math.PI * v) - (x - m[0]!) ** 2 / (2 * v);
      const lnP = -0.5 * Math.log(2 * Math.PI) - (x * x) / 2;
      sum += lnQ - lnP;
    }
    // The log ratio has a standard deviation near 0.33 here, so the mean's error is ~0.0007.
    expectClose(marginalGap(GAUSSIAN_1D, ab), sum / n, 0.003, "KL at ᾱ = 0.1");
  });

  it("goes to 0 as ᾱ → 0, like ᾱ ‖μ‖² / 2, without losing digits to cancellation", () => {
    expect(marginalGap(GAUSSIAN_2D, 0)).toBe(0);
    for (const ab of [1e-8, 1e-12, 1e-20]) {
      // Next term: ᾱ² (1 - σ²)² d / 4, a relative 1e-8 at most here.
      expectClose(marginalGap(GAUSSIAN_2D, ab), ab, 1e-6 * ab, `ᾱ ${ab}`);
      expectClose(marginalGap(GAUSSIAN_1D, ab), ab / 2, 1e-6 * ab, `ᾱ ${ab}`);
    }
  });

  it("keeps its digits near ᾱ = 0 for data centred at 0, where only the variance differs", () => {
    // μ = 0, σ = 0.5: KL = ½ g(x), x = 0.75 ᾱ, and g(x) ≈ x²/2 to a relative x.
    const centred = mixture([[0]], 0.5);
    for (const ab of [1e-6, 1e-12, 1e-15]) {
      const x = 0.75 * ab;
      expectClose(marginalGap(centred, ab), (x * x) / 4, 1e-5 * x * x, `ᾱ ${ab}`);
    }
  });

  it("refuses a mixture of several components, and ᾱ outside [0, 1)", () => {
    expect(() => marginalGap(FOUR_SPIKES, 0.1)).toThrow(/4 components/);
    expect(() => marginalGap(GAUSSIAN_1D, 1)).toThrow(/\[0, 1\), got 1/);
    expect(() => marginalGap(GAUSSIAN_1D, -0.1)).toThrow(/got -0.1/);
  });
});

describe("priorTerm", () => {
  it("exceeds the marginal gap by the mutual information ½ ln(v / (1 - ᾱ)) per coordinate", () => {
    for (const ab of [0.9, 0.3, 1e-3]) {
      const { v } = byHand([-1, 1], 0.01, ab);
      const information = Math.log(v / (1 - ab));
      const gap = priorTerm(GAUSSIAN_2D, ab) - marginalGap(GAUSSIAN_2D, ab);
      expectClose(gap, information, 1e-9, `ᾱ ${ab}`);
    }
  });

  it("is the textbook KL of q(x_T | x_0) averaged over x_0 by quadrature", () => {
    // E over x_0 ~ N(1, 0.01²) with the midpoint rule on ±8 standard deviations.
    const ab = 0.2;
    const steps = 4000;
    let expected = 0;
    for (let k = 0; k < steps; k++) {
      const z = -8 + (16 * (k + 0.5)) / steps;
      const weight = (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)) * (16 / steps);
      expected += weight * textbookKL([Math.sqrt(ab) * (1 + 0.01 * z)], 1 - ab);
    }
    expectClose(priorTerm(GAUSSIAN_1D, ab), expected, 1e-9);
  });
});

describe("priorGap", () => {
  it("is about 1.1e-5 nats for the seed's ten scales, from ᾱ_10 = Π (1 - β_t)", () => {
    const ab = SEED_BETAS.reduce((product, b) => product * (1 - b), 1);
    const { m, v } = byHand([1], 0.01, ab);
    const gap = priorGap(GAUSSIAN_1D, makeSchedule(SEED_BETAS));
    // ᾱ_10 is stored in float32: a relative error of about 1e-7.
    expectClose(gap, textbookKL(m, v), 1e-6 * gap);
    expectClose(gap, 1.137e-5, 1e-8);
  });

  it("grows as the Karras schedule is given fewer steps and ends earlier", () => {
    const gaps = [20, 10, 5, 2].map((T) => priorGap(GAUSSIAN_1D, makeSchedule(karrasBetas(T))));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!);
  });
});
