import { describe, expect, it } from "vitest";
import {
  SEED_BETAS,
  cosineBetas,
  karrasBetas,
  linearBetas,
  makeSchedule,
  namedBetas,
  type Schedule,
} from "../schedule";
import fixture from "./fixtures/schedules.json";
import { expectAllClose, expectClose } from "./helpers";

const FIELDS = [
  "betas",
  "alphaBar",
  "alphaBarPrev",
  "sqrtAlphaBar",
  "sqrtOneMinusAlphaBar",
  "sqrtRecipAlphas",
  "epsCoef",
  "posteriorVariance",
  "posteriorMeanCoef0",
  "posteriorMeanCoefT",
] as const satisfies readonly (keyof Schedule)[];

const BUILDERS = {
  seed: () => [...SEED_BETAS],
  linear50: () => linearBetas(50),
  cosine50: () => cosineBetas(50),
  karras20: () => karrasBetas(20),
};

describe("makeSchedule", () => {
  it("gives alphaBar as the running product of 1 - beta", () => {
    const s = makeSchedule(cosineBetas(100));
    let product = 1;
    for (let t = 0; t < s.T; t++) {
      product *= 1 - s.betas[t]!;
      // float32 storage: relative error of a few ulps, 2^-23 ≈ 1.2e-7.
      expectClose(s.alphaBar[t]!, product, 1e-6, `alphaBar[${t}]`);
    }
  });

  it("gives the posterior variance beta_t (1 - alphaBar_{t-1}) / (1 - alphaBar_t) (eq. 7)", () => {
    const s = makeSchedule([...SEED_BETAS]);
    expect(s.posteriorVariance[0]).toBe(0);
    for (let t = 1; t < s.T; t++) {
      const expected = (s.betas[t]! * (1 - s.alphaBar[t - 1]!)) / (1 - s.alphaBar[t]!);
      expectClose(s.posteriorVariance[t]!, expected, 1e-6, `posteriorVariance[${t}]`);
    }
  });

  it("makes the posterior mean coefficients reproduce x_0 when x_t is noiseless", () => {
    // With ε = 0, x_t = √ᾱ_t x_0 and the posterior mean must be √ᾱ_{t-1} x_0 (eq. 7).
    const s = makeSchedule(linearBetas(50));
    for (let t = 0; t < s.T; t++) {
      const mean = s.posteriorMeanCoef0[t]! + s.posteriorMeanCoefT[t]! * s.sqrtAlphaBar[t]!;
      expectClose(mean, Math.sqrt(s.alphaBarPrev[t]!), 1e-6, `posterior mean at ${t + 1}`);
    }
  });

  for (const [key, build] of Object.entries(BUILDERS)) {
    it(`matches the independent float64 reference for ${key} to 1e-6`, () => {
      const reference = fixture[key as keyof typeof fixture];
      const s = makeSchedule(build());
      expect(s.T).toBe(reference.T);
      for (const field of FIELDS)
        expectAllClose(s[field], reference[field], 1e-6, `${key}.${field}`);
    });
  }

  it("is frozen", () => {
    expect(Object.isFrozen(makeSchedule([0.1, 0.2]))).toBe(true);
  });

  it("rejects betas outside (0, 1) and empty schedules, naming the culprit", () => {
    expect(() => makeSchedule([0.1, 1])).toThrow(/β_2 must be in \(0, 1\), got 1/);
    expect(() => makeSchedule([0, 0.1])).toThrow(/β_1/);
    expect(() => makeSchedule([])).toThrow(/positive integer/);
  });
});

describe("namedBetas", () => {
  it("keeps the seed's ten scales and refuses any other T for them", () => {
    expect(namedBetas("seed", 10)).toEqual([...SEED_BETAS]);
    expect(() => namedBetas("seed", 20)).toThrow(/ten|10 steps/);
  });

  it("gives increasing betas in (0, 1) for the linear, cosine and Karras schedules", () => {
    for (const name of ["linear", "cosine", "karras"] as const) {
      const betas = namedBetas(name, 40);
      expect(betas).toHaveLength(40);
      betas.forEach((b, i) => {
        expect(b).toBeGreaterThan(0);
        expect(b).toBeLessThan(1);
        if (i > 0) expect(b).toBeGreaterThanOrEqual(betas[i - 1]!);
      });
    }
  });

  it("ends the Karras schedule at its stated endpoints", () => {
    const betas = karrasBetas(20);
    expectClose(betas[0]!, 0.001, 1e-12, "β_1");
    expectClose(betas[19]!, 0.9, 1e-12, "β_20");
  });
});
