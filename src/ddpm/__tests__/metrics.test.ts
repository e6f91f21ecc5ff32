import { describe, expect, it } from "vitest";
import { energyDistance, meanSqDistToNearest, meanStd, shares } from "../metrics";
import { createRng } from "../random";
import { expectAllClose, expectClose } from "./helpers";

const SQUARE = [
  [-1, -1],
  [-1, 1],
  [1, -1],
  [1, 1],
];

describe("meanStd", () => {
  it("gives per-coordinate mean and population std of hand-checked points", () => {
    // x: 1, 3 → mean 2, std 1; y: 0, 4 → mean 2, std 2.
    const { mean, std } = meanStd(Float32Array.from([1, 0, 3, 4]), 2);
    expect(mean).toEqual([2, 2]);
    expect(std).toEqual([1, 2]);
  });

  it("rejects data that is not a whole number of rows", () => {
    expect(() => meanStd(Float32Array.from([1, 2, 3]), 2)).toThrow(/2-dimensional rows, got 3/);
  });
});

describe("meanSqDistToNearest", () => {
  it("averages the squared distance to each point's nearest centre", () => {
    // (0.9, 1) is 0.01 from (1, 1); (-1, -1.2) is 0.04 from (-1, -1); mean 0.025.
    const x = Float32Array.from([0.9, 1, -1, -1.2]);
    expectClose(meanSqDistToNearest(x, 2, SQUARE), 0.025, 1e-7);
  });

  it("is zero for points on the centres", () => {
    expect(meanSqDistToNearest(Float32Array.from(SQUARE.flat()), 2, SQUARE)).toBe(0);
  });
});

describe("shares", () => {
  it("counts each point at its nearest centre, in centre order", () => {
    const x = Float32Array.from([0.9, 0.8, 1.2, 1.1, -0.7, -1.3, 0.5, -2]);
    expect(shares(x, 2, SQUARE)).toEqual([0.25, 0, 0.25, 0.5]);
  });
});

describe("energyDistance", () => {
  it("is 2 E|X-Y| - E|X-X'| - E|Y-Y'| on hand-checked 1D sets", () => {
    // a = {0, 1}, b = {3}: E|a-b| = 2.5, E|a-a'| = 0.5 (pairs 0,1,1,0 over 4), E|b-b'| = 0.
    expectClose(energyDistance(Float32Array.from([0, 1]), Float32Array.from([3]), 1), 4.5, 1e-12);
  });

  it("is near zero for two samples of one distribution and clearly positive for shifted ones", () => {
    const rng = createRng(5);
    const a = rng.normals(new Float32Array(1000));
    const b = rng.normals(new Float32Array(1000));
    const shifted = b.map((v) => v + 1);
    // Between N(0,1) and N(1,1) it is 2 E|N(1,2)| - 2 E|N(0,2)| ≈ 0.542 in the population;
    // its spread over seeds at n = 1000 is about 0.06, so allow three of those.
    expect(Math.abs(energyDistance(a, b, 1))).toBeLessThan(0.02);
    expectClose(energyDistance(a, shifted, 1), 0.542, 0.18, "shifted");
  });

  it("is symmetric", () => {
    const a = Float32Array.from([0, 0, 1, 2]);
    const b = Float32Array.from([1, 1, 3, -1, 0, 0]);
    expectAllClose([energyDistance(a, b, 2)], [energyDistance(b, a, 2)], 1e-12);
  });
});
