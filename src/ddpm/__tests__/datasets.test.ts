import { describe, expect, it } from "vitest";
import {
  DATASET_NAMES,
  DATASETS,
  drawnMixture,
  EXTENT,
  isDatasetName,
  MIN_DRAWN,
} from "../datasets";
import { regions, MAX_REGIONS, MIN_REGION_GAP } from "../regions";

describe("DATASETS", () => {
  for (const name of DATASET_NAMES) {
    describe(name, () => {
      const data = DATASETS[name];

      it("is a 2D mixture whose weights sum to 1", () => {
        expect(data.dim).toBe(2);
        expect(data.means.every((m) => m.length === 2)).toBe(true);
        expect(data.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      });

      it("keeps every component, three stds out, inside the plotted square", () => {
        data.means.forEach((m, k) => {
          const reach = Math.max(Math.abs(m[0]!), Math.abs(m[1]!)) + 3 * data.stds[k]!;
          expect(reach).toBeLessThanOrEqual(EXTENT + 0.2);
        });
      });

      it("is built the same way every time", () => {
        expect(JSON.stringify(DATASETS[name])).toBe(JSON.stringify(data));
      });
    });
  }

  it("lays curves out as bands: neighbouring means of the ring within two stds", () => {
    const { means, stds } = DATASETS.ring;
    const gap = Math.hypot(means[1]![0]! - means[0]![0]!, means[1]![1]! - means[0]![1]!);
    expect(gap).toBeLessThanOrEqual(2 * stds[0]! + 1e-9);
  });

  it("fills half the checkerboard's cells: no component in a light cell", () => {
    for (const [x = 0, y = 0] of DATASETS.checkerboard.means) {
      const [i, j] = [Math.floor((x + 1.4) / 0.7), Math.floor((y + 1.4) / 0.7)];
      expect((i + j) % 2).toBe(0);
    }
  });
});

describe("drawnMixture", () => {
  it("gives one equally weighted component per drawn point", () => {
    const points = [
      [0, 0],
      [1, 0],
      [0, 1],
    ];
    const data = drawnMixture(points)!;
    expect(data.means).toEqual(points);
    expect(data.weights).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it(`is null for fewer than ${MIN_DRAWN} points`, () => {
    expect(drawnMixture([[0, 0]])).toBeNull();
  });
});

describe("isDatasetName", () => {
  it("accepts the named datasets and nothing else", () => {
    expect(isDatasetName("ring")).toBe(true);
    expect(isDatasetName("drawn")).toBe(false);
    expect(isDatasetName(null)).toBe(false);
  });
});

describe("regions", () => {
  it("gives each of the four spikes a region of weight 1/4", () => {
    const found = regions(DATASETS.spikes);
    expect(found).toHaveLength(4);
    for (const r of found) expect(r.weight).toBeCloseTo(0.25, 12);
  });

  it("cuts the ring into eight arcs that share out all its components", () => {
    const found = regions(DATASETS.ring);
    expect(found).toHaveLength(MAX_REGIONS);
    const members = found.flatMap((r) => r.members).sort((a, b) => a - b);
    expect(members).toEqual([...DATASETS.ring.means.keys()]);
    expect(found.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(1, 12);
  });

  it("keeps one region per stroke when strokes are short", () => {
    const stroke = (x: number, y: number) => Array.from({ length: 4 }, (_, i) => [x + 0.08 * i, y]);
    const data = drawnMixture([...stroke(-1, 1), ...stroke(1, 1), ...stroke(0, -1)])!;
    expect(regions(data)).toHaveLength(3);
  });

  it(`puts every pair of centres at least ${MIN_REGION_GAP} apart`, () => {
    for (const name of DATASET_NAMES) {
      const centres = regions(DATASETS[name]).map((r) => r.centre);
      centres.forEach((a, i) =>
        centres.slice(i + 1).forEach((b) => {
          expect(Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!)).toBeGreaterThanOrEqual(MIN_REGION_GAP);
        }),
      );
    }
  });
});
