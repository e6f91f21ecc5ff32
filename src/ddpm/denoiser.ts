/**
 * The noise predictor ε_θ(x_t, t): a small MLP on the noisy point and a time encoding.
 */
import type { EpsPredictor } from "./ddpm";
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

/** Where layer l's weights sit in the flat parameter vector θ: W_l [fanIn, fanOut] at
 * `offset`, then b_l [fanOut]. */
interface LayerSlot {
  readonly fanIn: number;
  readonly fanOut: number;
  readonly offset: number;
}

/** One layer's weights W_l [fanIn, fanOut] and biases b_l [fanOut]. */
type Layer = [tf.Tensor2D, tf.Tensor1D];

/** The forward pass, with what backpropagation needs of it. */
interface Forward {
  readonly out: tf.Tensor2D;
  /** Each layer's input: the network's input rows, then the hidden activations. */
  readonly inputs: tf.Tensor2D[];
  readonly weights: tf.Tensor2D[];
}

/**
 * An MLP whose parameters are one flat tf.Variable θ, owned by this object until `dispose()`.
 * One variable rather than one per tensor, because a step's cost at this size is mostly fixed
 * costs per kernel (a few µs each in tfjs-wasm): the optimizer and the average then update
 * θ in a handful of kernels instead of a handful per weight matrix.
 */
export class Denoiser {
  readonly config: DenoiserConfig;
  /** θ = [W_1, b_1, …, W_out, b_out], each flattened row-major: the trained weights. The
   * variable is left unnamed, as tfjs names must be unique across every model alive at once. */
  readonly theta: tf.Variable<tf.Rank.R1>;
  /** An exponential moving average of θ, which samples better than the raw weights. */
  readonly averaged: tf.Variable<tf.Rank.R1>;
  /** Time features per step, row t - 1 for step t, `featureDim` columns. */
  private readonly timeTable: Float32Array;
  /** Number of time features. */
  readonly featureDim: number;
  private readonly slots: LayerSlot[] = [];

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
    let offset = 0;
    for (let l = 0; l + 1 < sizes.length; l++) {
      const [fanIn, fanOut] = [sizes[l]!, sizes[l + 1]!];
      this.slots.push({ fanIn, fanOut, offset });
      offset += (fanIn + 1) * fanOut;
    }
    // He-uniform weights keep the ReLU activations' variance steady from layer to layer;
    // biases start at zero.
    const initial = new Float32Array(offset);
    for (const { fanIn, fanOut, offset } of this.slots) {
      const limit = Math.sqrt(6 / fanIn);
      for (let i = 0; i < fanIn * fanOut; i++)
        initial[offset + i] = (2 * rng.uniform() - 1) * limit;
    }
    this.theta = tf.tidy(() => tf.variable(tf.tensor1d(initial)));
    this.averaged = tf.variable(this.theta, false);
  }

  /** Number of parameters, the length of θ. */
  get size(): number {
    return this.theta.size;
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

  /** L_simple on one batch (eq. 14, the mean of (ε - ε_θ(x_t, t))² over its entries) and its
   * gradient ∂L/∂θ, both owned by the caller. Call inside tf.tidy.
   * @param xt noisy points [n, dim], t their 1-based steps, eps the noise that made them */
  lossAndGradient(
    xt: Float32Array,
    t: ArrayLike<number>,
    eps: Float32Array,
  ): { loss: tf.Scalar; gradient: tf.Tensor1D } {
    const { dim } = this.config;
    const input = tf.tensor2d(this.inputs(xt, t), [t.length, dim + this.featureDim]);
    const forward = this.forward(input, this.unflatten(this.theta));
    const error = tf.sub<tf.Tensor2D>(forward.out, tf.tensor2d(eps, [t.length, dim]));
    return { loss: tf.mean(tf.square(error)), gradient: this.backward(forward, error) };
  }

  /** One optimizer step on L_simple, inside tf.tidy so every intermediate tensor is freed;
   * returns the loss before the step, which the caller owns. */
  gradientStep(
    optimizer: tf.Optimizer,
    xt: Float32Array,
    t: ArrayLike<number>,
    eps: Float32Array,
  ): tf.Scalar {
    return tf.tidy(() => {
      const { loss, gradient } = this.lossAndGradient(xt, t, eps);
      optimizer.applyGradients({ [this.theta.name]: gradient });
      return loss;
    });
  }

  /** ε_θ(x_t, t) for n points at one step t, read back synchronously; the averaged weights
   * unless `weights` says otherwise. */
  predict(xt: Float32Array, t: number, weights: tf.Tensor1D = this.averaged): Float32Array {
    return this.withPredictor((eps) => eps(xt, t), weights);
  }

  /** Calls `use` with ε_θ as a noise predictor for the sampler, θ cut into layers once for
   * all of its calls rather than at every step; the layers are freed when `use` returns. */
  withPredictor<T>(use: (eps: EpsPredictor) => T, weights: tf.Tensor1D = this.averaged): T {
    const layers = tf.tidy(() => this.unflatten(weights));
    const { dim } = this.config;
    const eps: EpsPredictor = (xt, t) => {
      const n = xt.length / dim;
      const rows = this.inputs(xt, new Int32Array(n).fill(t));
      const out = tf.tidy(
        () => this.forward(tf.tensor2d(rows, [n, dim + this.featureDim]), layers).out,
      );
      const values = out.dataSync() as Float32Array;
      out.dispose();
      return values;
    };
    try {
      return use(eps);
    } finally {
      tf.dispose(layers.flat());
    }
  }

  /** Moves the average towards the current weights: avg ← decay · avg + (1 - decay) · θ. */
  updateAverage(decay: number): void {
    tf.tidy(() => {
      this.averaged.assign(
        tf.add(this.averaged, tf.mul(tf.sub(this.theta, this.averaged), 1 - decay)),
      );
    });
  }

  /** Copies the raw weights into the average (after loading, or to restart averaging). */
  resetAverage(): void {
    this.averaged.assign(this.theta);
  }

  /** The averaged weights as one plain array per tensor, for download as JSON. */
  async exportWeights(): Promise<NamedWeights[]> {
    const flat = (await this.averaged.data()) as Float32Array;
    return this.slots.flatMap(({ fanIn, fanOut, offset }, l) => [
      {
        name: `W${l + 1}`,
        shape: [fanIn, fanOut],
        values: Array.from(flat.subarray(offset, offset + fanIn * fanOut)),
      },
      {
        name: `b${l + 1}`,
        shape: [fanOut],
        values: Array.from(flat.subarray(offset + fanIn * fanOut, offset + (fanIn + 1) * fanOut)),
      },
    ]);
  }

  /** Loads weights written by `exportWeights` into both the raw and averaged parameters. */
  importWeights(weights: readonly NamedWeights[]): void {
    if (weights.length !== 2 * this.slots.length)
      throw new Error(
        `importWeights: expected ${2 * this.slots.length} tensors, got ${weights.length}`,
      );
    const flat = new Float32Array(this.size);
    this.slots.forEach(({ fanIn, fanOut, offset }, l) => {
      const expected = [[fanIn, fanOut], [fanOut]];
      [0, 1].forEach((k) => {
        const w = weights[2 * l + k]!;
        const shape = expected[k]!;
        const size = shape.reduce((a, b) => a * b, 1);
        if (w.shape.join() !== shape.join() || w.values.length !== size)
          throw new Error(
            `importWeights: tensor ${2 * l + k} has shape [${shape}], got [${w.shape}]`,
          );
        flat.set(w.values, offset + k * fanIn * fanOut);
      });
    });
    tf.tidy(() => this.theta.assign(tf.tensor1d(flat)));
    this.resetAverage();
  }

  /** Releases every variable this network owns. */
  dispose(): void {
    this.theta.dispose();
    this.averaged.dispose();
  }

  /** θ cut into each layer's [W_l, b_l]; slices and reshapes, so no arithmetic. */
  private unflatten(theta: tf.Tensor1D): Layer[] {
    return this.slots.map(({ fanIn, fanOut, offset }) => [
      tf.reshape<tf.Rank.R2>(tf.slice(theta, offset, fanIn * fanOut), [fanIn, fanOut]),
      tf.slice(theta, offset + fanIn * fanOut, fanOut),
    ]);
  }

  /** z_l = h_{l-1} W_l + b_l, h_l = ReLU(z_l), and ε_θ = z_out. */
  private forward(input: tf.Tensor2D, layers: readonly Layer[]): Forward {
    const inputs: tf.Tensor2D[] = [];
    let h = input;
    layers.forEach(([W, b], l) => {
      inputs.push(h);
      const z = tf.add<tf.Tensor2D>(tf.matMul(h, W), b);
      h = l + 1 < layers.length ? tf.relu(z) : z;
    });
    return { out: h, inputs, weights: layers.map(([W]) => W) };
  }

  /**
   * Backpropagation of L = mean(error²) through the forward pass, as one flat ∂L/∂θ:
   * ∂L/∂z_out = 2 error / size; per layer ∂L/∂W_l = h_{l-1}ᵀ ∂L/∂z_l and ∂L/∂b_l = Σ_rows
   * ∂L/∂z_l; below it ∂L/∂z_{l-1} = ∂L/∂z_l W_lᵀ ⊙ [h_{l-1} > 0], the ReLU's derivative.
   * The transposes are explicit kernels: tfjs-wasm runs a matMul with a transpose flag on a
   * slow path, and written out, the gradient is also the lesson.
   */
  private backward({ inputs, weights }: Forward, error: tf.Tensor2D): tf.Tensor1D {
    let dz = tf.mul(error, 2 / error.size) as tf.Tensor2D;
    const parts: tf.Tensor1D[] = [];
    for (let l = this.slots.length - 1; l >= 0; l--) {
      const h = inputs[l]!;
      parts.unshift(tf.reshape(tf.matMul(tf.transpose(h), dz), [-1]), tf.sum(dz, 0));
      if (l > 0) dz = tf.mul(tf.matMul(dz, tf.transpose(weights[l]!)), tf.step(h));
    }
    return tf.concat(parts);
  }
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
