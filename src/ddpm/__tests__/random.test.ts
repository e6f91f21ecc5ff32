import { describe, expect, it } from "vitest";
import { createRng } from "../random";
import { expectClose } from "./helpers";

describe("createRng", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seqA = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(seqA);
  });

  it("draws uniforms in [0, 1) with mean 1/2 and variance 1/12", () => {
    const rng = createRng(1);
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      sq += u * u;
    }
    const mean = sum / n;
    // Standard error of the mean: √(1/12 / n) ≈ 9e-4; allow five of them.
    expectClose(mean, 0.5, 5 * Math.sqrt(1 / 12 / n), "mean");
    expectClose(sq / n - mean * mean, 1 / 12, 0.002, "variance");
  });

  it("draws normals with mean 0, variance 1 and fourth moment 3", () => {
    const rng = createRng(2);
    const z = rng.normals(new Float32Array(200_000));
    const n = z.length;
    let m1 = 0;
    let m2 = 0;
    let m4 = 0;
    for (const v of z) {
      m1 += v;
      m2 += v * v;
      m4 += v ** 4;
    }
    // Standard errors: 1/√n for the mean, √(2/n) for the variance, √(96/n) for the fourth moment.
    expectClose(m1 / n, 0, 5 / Math.sqrt(n), "mean");
    expectClose(m2 / n, 1, 5 * Math.sqrt(2 / n), "variance");
    expectClose(m4 / n, 3, 5 * Math.sqrt(96 / n), "fourth moment");
  });

  it("draws integers uniformly from [0, n)", () => {
    const rng = createRng(3);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 50_000; i++) counts[rng.int(5)]!++;
    // Each count is Binomial(50000, 0.2): sd = √(50000 · 0.2 · 0.8) ≈ 89.
    for (const c of counts) expectClose(c, 10_000, 5 * 89, "count");
  });

  it("rejects a seed that is not a finite number", () => {
    expect(() => createRng(Number.NaN)).toThrow(/finite seed/);
  });
});
