import { beforeAll, describe, expect, it } from "vitest";
import { useCpuBackend } from "../../ddpm/__tests__/helpers";
import { meanStd } from "../../ddpm/metrics";
import { tf } from "../../ddpm/tf";
import { checkConfig } from "../config";
import { CHECK_SAMPLES, EXAMPLES } from "../examples";
import { CHECK_EVERY, Trainer, type Progress } from "../trainer";

beforeAll(useCpuBackend);

/** Runs until the trainer reports an outcome other than "running". */
async function runToEnd(trainer: Trainer): Promise<Progress> {
  for (;;) {
    const progress = await trainer.run(CHECK_EVERY);
    if (progress.outcome !== "running") return progress;
  }
}

describe("Trainer", () => {
  it("trains the 1D fast default to its targets on 2,000 fresh samples", async () => {
    const spec = EXAMPLES["1d"];
    const trainer = new Trainer(spec, spec.presets.fast);
    const end = await runToEnd(trainer);
    expect(end.outcome).toBe("converged");
    expect(end.check!.samples.length).toBe(CHECK_SAMPLES);
    const { mean, std } = meanStd(end.check!.samples, 1);
    expect(Math.abs(mean[0]! - 1)).toBeLessThanOrEqual(0.01);
    expect(std[0]!).toBeLessThanOrEqual(0.02);
    expect(trainer.step).toBeLessThan(spec.presets.fast.steps);
    trainer.dispose();
  }, 120_000);

  it("repeats a run exactly for the same seed, and differs for another", async () => {
    const spec = EXAMPLES["2d"];
    const losses = async (seed: number) => {
      const trainer = new Trainer(spec, { ...spec.presets.fast, seed });
      const { losses } = await trainer.run(20);
      trainer.dispose();
      return Array.from(losses);
    };
    expect(await losses(3)).toEqual(await losses(3));
    expect(await losses(3)).not.toEqual(await losses(4));
  });

  it("stops a diverging run, says so, and keeps finite weights", async () => {
    const spec = EXAMPLES.spikes;
    const config = { ...spec.presets.fast, optimizer: "sgd" as const, learningRate: 10 };
    const trainer = new Trainer(spec, config);
    const end = await runToEnd(trainer);
    expect(end.outcome).toBe("diverged");
    expect(trainer.step).toBeLessThan(2 * CHECK_EVERY);
    const samples = trainer.sample(200, 0);
    expect(samples.every(Number.isFinite)).toBe(true);
    trainer.dispose();
  });

  it("ends at the step budget as unconverged when the targets are not met", async () => {
    const spec = EXAMPLES.spikes;
    const trainer = new Trainer(spec, { ...spec.presets.seed, steps: 100 });
    const end = await runToEnd(trainer);
    expect(end.outcome).toBe("unconverged");
    expect(trainer.step).toBe(100);
    trainer.dispose();
  });

  it("frees every tensor it made", async () => {
    const before = tf.memory().numTensors;
    const spec = EXAMPLES.spikes;
    const trainer = new Trainer(spec, spec.presets.fast);
    await trainer.run(CHECK_EVERY);
    trainer.trajectory(100, 1);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe("presets", () => {
  it("are valid configs for every example", () => {
    for (const spec of Object.values(EXAMPLES)) {
      expect(checkConfig(spec.presets.fast)).toEqual({});
      expect(checkConfig(spec.presets.seed)).toEqual({});
    }
  });
});
