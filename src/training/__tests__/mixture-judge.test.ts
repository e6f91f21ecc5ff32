import { describe, expect, it } from "vitest";
import { sampleMixture } from "../../ddpm/data";
import { DATASET_NAMES, DATASETS } from "../../ddpm/datasets";
import { createRng } from "../../ddpm/random";
import { CHECK_SAMPLES, EXAMPLES, playgroundExample } from "../examples";
import { EXTRA_STD } from "../mixture-judge";

describe("playgroundExample", () => {
  it("passes 2,000 samples of the data itself, for every named dataset", () => {
    for (const name of DATASET_NAMES) {
      const { judge } = playgroundExample(DATASETS[name]);
      const figures = judge(sampleMixture(DATASETS[name], CHECK_SAMPLES, createRng(11)));
      expect(figures.filter((f) => !f.ok).map((f) => `${name}: ${f.label}`)).toEqual([]);
    }
  });

  it("fails samples that all sit at the origin, inside the ring", () => {
    const figures = playgroundExample(DATASETS.ring).judge(new Float32Array(2 * 500));
    expect(figures[0]!.ok).toBe(false);
  });

  it("fails samples from only two of the four spikes, though each is on a spike", () => {
    const half = sampleMixture(DATASETS.spikes, CHECK_SAMPLES, createRng(2)).map((v, i) =>
      i % 2 === 0 ? Math.abs(v) : v,
    );
    const figures = playgroundExample(DATASETS.spikes).judge(half);
    expect(figures[0]!.ok).toBe(true);
    expect(figures.slice(1).some((f) => !f.ok)).toBe(true);
  });

  it("bounds the distance by 2(σ² + τ²), near the four-spike chapter's 0.005", () => {
    const [msd] = playgroundExample(DATASETS.spikes).judge(new Float32Array(2));
    // 2 (0.01² + 0.05²) = 2 (0.0001 + 0.0025) = 0.0052.
    expect(EXTRA_STD).toBe(0.05);
    expect(msd!.target).toBe("≤ 0.0052");
  });

  it("widens only the share tolerances by the slack of a quick screen", () => {
    const { judge } = playgroundExample(DATASETS.spikes);
    const full = judge(new Float32Array(2));
    const screen = judge(new Float32Array(2), 2);
    expect(screen[0]!.target).toBe(full[0]!.target);
    // 3 standard errors of a share of 1/4 in 2,000 samples: 3 √(0.1875 / 2000) ≈ 0.029.
    expect(full[1]!.target).toBe("0.250 ± 0.029");
    expect(screen[1]!.target).toBe("0.250 ± 0.058");
  });

  it("has the same rows whatever the samples, so the table can be rendered ahead", () => {
    const { judge } = EXAMPLES.playground;
    const labels = (x: Float32Array) => judge(x).map((f) => `${f.label} ${f.target}`);
    const samples = sampleMixture(DATASETS.ring, 500, createRng(5));
    expect(labels(samples)).toEqual(labels(new Float32Array(2)));
  });
});
