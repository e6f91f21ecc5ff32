import { beforeAll, describe, expect, it } from "vitest";
import { Denoiser, type DenoiserConfig } from "../denoiser";
import { createRng } from "../random";
import { cosineBetas, makeSchedule } from "../schedule";
import { tf } from "../tf";
import { expectAllClose, useCpuBackend } from "./helpers";

beforeAll(useCpuBackend);

const SCHEDULE = makeSchedule(cosineBetas(20));

/** A small network and a batch of noisy points at random steps, from a fixed seed. */
function setUp(config: DenoiserConfig, n: number) {
  const rng = createRng(7);
  const model = new Denoiser(config, SCHEDULE, rng);
  const xt = rng.normals(new Float32Array(n * config.dim));
  const t = Int32Array.from({ length: n }, () => 1 + rng.int(SCHEDULE.T));
  const eps = rng.normals(new Float32Array(n * config.dim));
  return { model, xt, t, eps };
}

/**
 * The same loss written with tfjs ops only, θ cut into layers by the layout the JSON export
 * documents ([W_1, b_1, …], row-major), so that tf.grad differentiates it independently of
 * the network's hand-written backward pass.
 */
function autodiffLoss(model: Denoiser, rows: tf.Tensor2D, target: tf.Tensor2D) {
  const { dim, width, depth } = model.config;
  const sizes = [dim + model.featureDim, ...Array<number>(depth).fill(width), dim];
  return (theta: tf.Tensor): tf.Scalar => {
    let h: tf.Tensor2D = rows;
    let offset = 0;
    for (let l = 0; l + 1 < sizes.length; l++) {
      const [fanIn, fanOut] = [sizes[l]!, sizes[l + 1]!];
      const W = tf.reshape<tf.Rank.R2>(tf.slice(theta, offset, fanIn * fanOut), [fanIn, fanOut]);
      const b = tf.slice(theta, offset + fanIn * fanOut, fanOut);
      offset += (fanIn + 1) * fanOut;
      h = tf.add(tf.matMul(h, W), b);
      if (l + 2 < sizes.length) h = tf.relu(h);
    }
    return tf.mean(tf.square(tf.sub(h, target)));
  };
}

describe("Denoiser.lossAndGradient", () => {
  for (const time of ["alpha", "sinusoidal"] as const) {
    it(`matches tfjs autodiff of the same loss, with ${time} time input`, () => {
      const { model, xt, t, eps } = setUp({ dim: 2, width: 8, depth: 2, time }, 32);
      const rows = tf.tensor2d(model.inputs(xt, t), [32, 2 + model.featureDim]);
      const target = tf.tensor2d(eps, [32, 2]);
      const f = autodiffLoss(model, rows, target);

      const [loss, gradient] = tf.tidy(() => {
        const out = model.lossAndGradient(xt, t, eps);
        return [out.loss.dataSync()[0]!, out.gradient.dataSync()];
      });
      const expectedLoss = tf.tidy(() => f(model.theta).dataSync()[0]!);
      const expected = tf.tidy(() => tf.grad(f)(model.theta).dataSync());

      expect(loss).toBeCloseTo(expectedLoss, 6);
      expect(gradient.length).toBe(model.size);
      // float32 sums of a few dozen terms of order one: agreement to 1e-6 is all there is.
      expectAllClose(gradient, expected, 1e-6, "∂L/∂θ");
      tf.dispose([rows, target]);
      model.dispose();
    });
  }

  it("has a gradient that lowers the loss along its negative direction", () => {
    const { model, xt, t, eps } = setUp({ dim: 1, width: 16, depth: 3, time: "sinusoidal" }, 64);
    const loss = () => tf.tidy(() => model.lossAndGradient(xt, t, eps).loss.dataSync()[0]!);
    const before = loss();
    tf.tidy(() => {
      const { gradient } = model.lossAndGradient(xt, t, eps);
      model.theta.assign(tf.sub(model.theta, tf.mul(gradient, 1e-3)));
    });
    expect(loss()).toBeLessThan(before);
    model.dispose();
  });
});

describe("Denoiser.exportWeights", () => {
  it("writes W_l [fanIn, fanOut] and b_l [fanOut] per layer, and imports them back", async () => {
    const config: DenoiserConfig = { dim: 2, width: 8, depth: 2, time: "sinusoidal" };
    const { model, xt } = setUp(config, 16);
    const weights = await model.exportWeights();
    expect(weights.map((w) => `${w.name}:${w.shape.join("x")}`)).toEqual([
      "W1:10x8",
      "b1:8",
      "W2:8x8",
      "b2:8",
      "W3:8x2",
      "b3:2",
    ]);
    expect(weights.reduce((n, w) => n + w.values.length, 0)).toBe(model.size);

    const copy = new Denoiser(config, SCHEDULE, createRng(99));
    expect(Array.from(copy.predict(xt, 5))).not.toEqual(Array.from(model.predict(xt, 5)));
    copy.importWeights(weights);
    expect(Array.from(copy.predict(xt, 5))).toEqual(Array.from(model.predict(xt, 5)));
    model.dispose();
    copy.dispose();
  });

  it("refuses weights of another shape, naming the tensor", async () => {
    const { model } = setUp({ dim: 1, width: 8, depth: 2, time: "alpha" }, 4);
    const weights = await model.exportWeights();
    const wrong = weights.map((w, i) => (i === 2 ? { ...w, shape: [4, 16] } : w));
    expect(() => model.importWeights(wrong)).toThrow(/tensor 2 has shape \[8,8\], got \[4,16\]/);
    expect(() => model.importWeights(weights.slice(1))).toThrow(/expected 6 tensors, got 5/);
    model.dispose();
  });
});
