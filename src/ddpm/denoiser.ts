/**
 * The noise predictor ε_θ(x_t, t): a small MLP on the noisy point and a time encoding.
 */
import type { Rng } from "./random";
import type { Schedule } from "./schedule";
import { tf } from "./tf";

/** How the step t reaches the network: the seed feeds the scalar α_t; "sinusoidal" feeds
 * sin and cos of t/T at several frequencies, which separates nearby steps better. */
export type TimeEncoding = "alpha" | "sinusoidal";

/** The network's shape. */
export interface DenoiserConfig {
  /** Data dimension d (1 or 2 here). */
  readonly dim: number;
  /** Units per hidden layer. */
  readonly width: number;
  /** Number of hidden ReLU layers. */
  readonly depth: number;
  readonly time: TimeEncoding;
}

/** Number of sinusoidal time features (sin and cos at four frequencies). */
const SINUSOIDAL_FEATURES = 8;

/** One parameter tensor, serialisable as JSON. */
export interface NamedWeights {
  readonly name: string;
  readonly shape: number[];
  readonly values: number[];
}

/** An MLP whose parameters are tf.Variables owned by this object until `dispose()`. */
export class Denoiser {
  readonly config: DenoiserConfig;
  /** [W_1, b_1, …, W_out, b_out]: the trained weights. Variables are left unnamed, as tfjs
   * names must be unique across every model alive at once. */
  readonly params: tf.Variable[];
  /** An exponential moving average of `params`, which samples better than the raw weights. */
  readonly averaged: tf.Variable[];
  /** Time features per step, row t - 1 for step t, `featureDim` columns. */
  private readonly timeTable: Float32Array;
  /** Number of time features. */
  readonly featureDim: number;
  private readonly layers: ((x: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor1D) => tf.Tensor2D)[];

  constructor(config: DenoiserConfig, schedule: Schedule, rng: Rng) {
    const { dim, width, depth } = config;
    if (!(dim >= 1 && width >= 1 && depth >= 1))
      throw new Error(
        `Denoiser: expected positive dim, width and depth, got ${dim}, ${width}, ${depth}`,
      );
    this.config = config;
    this.featureDim = config.time === "alpha" ? 1 : SINUSOIDAL_FEATURES;
    this.timeTable = timeFeatures(config.time, schedule);

    const sizes = [dim + this.featureDim, ...Array<number>(depth).fill(width), dim];
    this.params = [];
    // Inside tidy so that the initial tensors are released; the variables themselves are kept.
    tf.tidy(() => {
      for (let l = 0; l + 1 < sizes.length; l++) {
        const [fanIn, fanOut] = [sizes[l]!, sizes[l + 1]!];
        // He-uniform: keeps the ReLU activations' variance steady from layer to layer.
        const limit = Math.sqrt(6 / fanIn);
        const w = Float32Array.from(
          { length: fanIn * fanOut },
          () => (2 * rng.uniform() - 1) * limit,
        );
        this.params.push(tf.variable(tf.tensor2d(w, [fanIn, fanOut])));
        this.params.push(tf.variable(tf.zeros([fanOut])));
      }
    });
    this.averaged = this.params.map((p) => tf.variable(p, false));
    this.layers = this.params.filter((_, i) => i % 2 === 0).map(() => denseLayer());
  }

  /** The network's input rows [x_t, features(t)], shape [n, dim + featureDim].
   * @param xt noisy points, row-major [n, dim]
   * @param t each row's step, 1-based as in the paper */
  inputs(xt: Float32Array, t: ArrayLike<number>): Float32Array {
    const { dim } = this.config;
    const n = t.length;
    const e = this.featureDim;
    const out = new Float32Array(n * (dim + e));
    for (let i = 0; i < n; i++) {
      const row = i * (dim + e);
      for (let j = 0; j < dim; j++) out[row + j] = xt[i * dim + j]!;
      const feature = (t[i]! - 1) * e;
      for (let j = 0; j < e; j++) out[row + dim + j] = this.timeTable[feature + j]!;
    }
    return out;
  }

  /** ε_θ on a batch of input rows [n, dim + featureDim]; `weights` picks raw or averaged. */
  apply(input: tf.Tensor2D, weights: tf.Variable[] = this.params): tf.Tensor2D {
    return tf.tidy(() => {
      let h = input;
      for (let l = 0; l < this.layers.length; l++) {
        const W = weights[2 * l] as tf.Tensor2D;
        const b = weights[2 * l + 1] as tf.Tensor1D;
        h = this.layers[l]!(h, W, b);
        if (l + 1 < this.layers.length) h = tf.relu(h);
      }
      return h;
    });
  }

  /** One optimizer step on the mean of ‖ε - ε_θ(x_t, t)‖² over the batch (eq. 14), inside
   * tf.tidy so every intermediate tensor is freed; returns the loss, which the caller owns.
   * @param xt noisy points [n, dim], t their 1-based steps, eps the noise that made them */
  gradientStep(
    optimizer: tf.Optimizer,
    xt: Float32Array,
    t: ArrayLike<number>,
    eps: Float32Array,
  ): tf.Scalar {
    const { dim } = this.config;
    const n = t.length;
    return tf.tidy(() => {
      const input = tf.tensor2d(this.inputs(xt, t), [n, dim + this.featureDim]);
      const target = tf.tensor2d(eps, [n, dim]);
      const loss = () => tf.mean(tf.squaredDifference(target, this.apply(input))) as tf.Scalar;
      return optimizer.minimize(loss, true, this.params) as tf.Scalar;
    });
  }

  /** ε_θ(x_t, t) for n points at one step t, read back synchronously (for sampling). */
  predict(xt: Float32Array, t: number, weights: tf.Variable[] = this.averaged): Float32Array {
    const n = xt.length / this.config.dim;
    const rows = this.inputs(xt, new Int32Array(n).fill(t));
    const eps = tf.tidy(() =>
      this.apply(tf.tensor2d(rows, [n, this.config.dim + this.featureDim]), weights),
    );
    const values = eps.dataSync() as Float32Array;
    eps.dispose();
    return values;
  }

  /** Moves the average towards the current weights: avg ← decay · avg + (1 - decay) · θ. */
  updateAverage(decay: number): void {
    tf.tidy(() => {
      this.averaged.forEach((avg, i) => {
        avg.assign(tf.add(tf.mul(avg, decay), tf.mul(this.params[i]!, 1 - decay)));
      });
    });
  }

  /** Copies the raw weights into the average (after loading, or to restart averaging). */
  resetAverage(): void {
    this.averaged.forEach((avg, i) => avg.assign(this.params[i]!));
  }

  /** The averaged weights as plain arrays, for download as JSON. */
  async exportWeights(): Promise<NamedWeights[]> {
    return Promise.all(
      this.averaged.map(async (v, i) => ({
        name: `${i % 2 === 0 ? "W" : "b"}${Math.floor(i / 2) + 1}`,
        shape: v.shape,
        values: Array.from(await v.data()),
      })),
    );
  }

  /** Loads weights written by `exportWeights` into both the raw and averaged parameters. */
  importWeights(weights: readonly NamedWeights[]): void {
    if (weights.length !== this.params.length)
      throw new Error(
        `importWeights: expected ${this.params.length} tensors, got ${weights.length}`,
      );
    weights.forEach((w, i) => {
      const p = this.params[i]!;
      if (w.shape.join() !== p.shape.join() || w.values.length !== p.size)
        throw new Error(`importWeights: tensor ${i} has shape [${p.shape}], got [${w.shape}]`);
      tf.tidy(() => p.assign(tf.tensor(w.values, p.shape)));
    });
    this.resetAverage();
  }

  /** Releases every variable this network owns. */
  dispose(): void {
    this.params.forEach((v) => v.dispose());
    this.averaged.forEach((v) => v.dispose());
  }
}

/**
 * y = x W + b with its gradient written out. Backprop needs x Wᵀ and xᵀ dy; tfjs-wasm runs a
 * matMul with a transpose flag on a slow path, so the transposes are explicit kernels here.
 */
function denseLayer() {
  return tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, W, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D, tf.GradSaveFunc];
    save([x, W]);
    return {
      value: tf.add(tf.matMul(x, W), b),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, Ws] = saved as [tf.Tensor2D, tf.Tensor2D];
        const dy2 = dy as tf.Tensor2D;
        return [tf.matMul(dy2, tf.transpose(Ws)), tf.matMul(tf.transpose(xs), dy2), tf.sum(dy2, 0)];
      },
    };
  }) as unknown as (x: tf.Tensor2D, W: tf.Tensor2D, b: tf.Tensor1D) => tf.Tensor2D;
}

/** Per-step time features, row-major [T, featureDim], row t - 1 for step t. */
function timeFeatures(time: TimeEncoding, schedule: Schedule): Float32Array {
  const { T, alphas } = schedule;
  if (time === "alpha") return Float32Array.from(alphas);
  const out = new Float32Array(T * SINUSOIDAL_FEATURES);
  for (let t = 1; t <= T; t++) {
    const s = t / T;
    // Frequencies π, 2π, 4π, 8π: the lowest is one-to-one on (0, 1], the highest tells
    // neighbouring steps apart for T up to a few dozen.
    for (let k = 0; k < SINUSOIDAL_FEATURES / 2; k++) {
      const angle = Math.PI * 2 ** k * s;
      out[(t - 1) * SINUSOIDAL_FEATURES + 2 * k] = Math.sin(angle);
      out[(t - 1) * SINUSOIDAL_FEATURES + 2 * k + 1] = Math.cos(angle);
    }
  }
  return out;
}
