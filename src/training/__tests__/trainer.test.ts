import { beforeAll, describe, expect, it } from "vitest";
import { useCpuBackend } from "../../ddpm/__tests__/helpers";
import { meanStd } from "../../ddpm/metrics";
import { tf } from "../../ddpm/tf";
import { checkConfig } from "../config";
import { CHECK_EVERY, CHECK_SAMPLES, EXAMPLES } from "../examples";
import { Trainer, type Progress } from "../trainer";

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

describe("Trainer against the ideal denoiser", () => {
  it("probes the model against the ideal denoiser at every check, and the gap shrinks", async () => {
    const spec = EXAMPLES.spikes;
    const trainer = new Trainer(spec, spec.presets.fast);
    const before = trainer.check().excess;
    expect(before).toHaveLength(trainer.schedule.T);
    const end = await runToEnd(trainer);
    const mean = (a: Float32Array) => a.reduce((x, y) => x + y, 0) / a.length;
    // A fresh network predicts ε ≈ 0 at best, far from the ideal; a converged one is close.
    expect(mean(end.check!.excess)).toBeLessThan(0.25 * mean(before));
    trainer.dispose();
  }, 120_000);

  it("compares samplers and draws the field without leaving a tensor behind", () => {
    const spec = EXAMPLES.spikes;
    const trainer = new Trainer(spec, spec.presets.fast);
    const tensors = tf.memory().numTensors;
    const runs = trainer.compareSamplers(200, 1);
    const field = trainer.field(5);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(runs.every((r) => r.samples.length === 400)).toBe(true);
    expect(field.grid).toHaveLength(50);
    expect(field.learned).toHaveLength(trainer.schedule.T);
    expect(field.ideal[0]).toHaveLength(50);
    expect(field.excess).toHaveLength(trainer.schedule.T);
    trainer.dispose();
  });
});

describe("Trainer.resume", () => {
  it("resumes from saved weights without being thrown off them while the optimizer warms up", async () => {
    const spec = EXAMPLES.spikes;
    const trained = new Trainer(spec, spec.presets.fast);
    while (trained.step < 300) await trained.run(CHECK_EVERY);
    const weights = await trained.model.exportWeights();
    trained.dispose();
    const mean = (a: Float32Array) => a.reduce((x, y) => x + y, 0) / a.length;

    const resumed = new Trainer(spec, spec.presets.fast);
    resumed.resume(weights);
    const atLoad = mean(resumed.check().excess);
    await resumed.run(25);
    // Adam's first updates at the full rate move every weight by about the rate, whatever its
    // gradient: without the ramp the probe's error rose by 70 % over these steps; with it, the
    // model holds its ground and keeps improving.
    expect(mean(resumed.check().excess)).toBeLessThan(1.1 * atLoad);
    resumed.dispose();
  }, 120_000);
});
