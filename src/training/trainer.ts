/**
 * One training run of an example, independent of where it runs: the worker drives it in the
 * page, the tests and the benchmark drive it in Node.
 */
import { sampleMixture } from "../ddpm/data";
import { sample, trainStep } from "../ddpm/ddpm";
import { Denoiser, type NamedWeights } from "../ddpm/denoiser";
import { idealEps } from "../ddpm/ideal";
import { createRng, type Rng } from "../ddpm/random";
import { makeSchedule, namedBetas, type Schedule } from "../ddpm/schedule";
import { tf } from "../ddpm/tf";
import { DEPTH, type TrainConfig } from "./config";
import { CHECK_EVERY, CHECK_SAMPLES, type ExampleSpec, type Figure } from "./examples";
import { fieldGrid, type Field } from "./field";
import { OracleProbe } from "./probe";
import { compareSamplers, type SamplerRun } from "./samplers";

/** Samples of the quick screen; its sampling noise is √(2000/500) = 2 times the full check's,
 * so the screen's tolerances are doubled. */
const SCREEN_SAMPLES = 500;
const SCREEN_SLACK = 2;
/** Adam's decay of its squared-gradient average. Kingma and Ba's 0.999 remembers about a
 * thousand steps, longer than a whole run here: the per-weight step sizes would still be
 * settling when training ends. 0.9 adapts within tens of steps, and in the benchmark it cut
 * the steps the examples need to converge by 30 to 40 %. */
const ADAM_BETA2 = 0.9;
/** Steps over which the learning rate ramps up after saved weights are loaded. The optimizer
 * starts with no memory of the gradients, and Adam's first updates are then about one
 * learning rate per weight whatever the gradient's size: at the full rate they would throw a
 * trained model off its minimum before the moment estimates settle, in tens of steps. */
export const RESUME_WARMUP = 100;

/** A loss this large means the optimizer has left the basin (a fresh network starts near 1). */
const DIVERGED_LOSS = 1e3;

/** What a call of `run` did. */
export interface Progress {
  /** Losses of the steps just run, with their step numbers (1-based). */
  readonly lossSteps: Int32Array;
  readonly losses: Float32Array;
  /** Set when a convergence check ran: its samples and figures. */
  readonly check?: Check;
  readonly outcome: "running" | "converged" | "unconverged" | "diverged";
}

/** What a convergence check found. */
export interface Check {
  readonly samples: Float32Array;
  readonly figures: Figure[];
  /** The loss at each step t above the ideal denoiser's (`OracleProbe.excess`), t = 1 … T. */
  readonly excess: Float32Array;
}

/** A model, its optimizer and its data stream; owns every tensor it makes until `dispose()`. */
export class Trainer {
  readonly schedule: Schedule;
  readonly model: Denoiser;
  step = 0;
  private readonly optimizer: tf.Optimizer;
  private readonly rng: Rng;
  private readonly probe: OracleProbe;
  /** Set once saved weights are loaded: the rate then warms up, and the average is kept. */
  private resumed = false;
  /** The weights after the last batch of finite losses, restored if training diverges. */
  private readonly lastGood: tf.Variable<tf.Rank.R1>;

  constructor(
    readonly example: ExampleSpec,
    readonly config: TrainConfig,
  ) {
    this.schedule = makeSchedule(namedBetas(config.schedule, config.T));
    this.rng = createRng(config.seed);
    const { dim } = example.data;
    this.model = new Denoiser(
      { dim, width: config.width, depth: DEPTH, time: config.time },
      this.schedule,
      this.rng,
    );
    this.optimizer =
      config.optimizer === "adam"
        ? tf.train.adam(config.learningRate, 0.9, ADAM_BETA2)
        : tf.train.sgd(config.learningRate);
    this.lastGood = tf.variable(this.model.theta, false);
    this.probe = new OracleProbe(example.data, this.schedule, config.seed);
  }

  /** Trains up to `maxSteps` steps, stopping at the next check; reads the losses back once. */
  async run(maxSteps: number): Promise<Progress> {
    const { config } = this;
    const first = this.step + 1;
    const untilCheck = CHECK_EVERY - (this.step % CHECK_EVERY);
    const count = Math.min(maxSteps, untilCheck, config.steps - this.step);
    const scalars: tf.Scalar[] = [];
    for (let i = 0; i < count; i++) {
      this.setLearningRate();
      const x0 = sampleMixture(this.example.data, config.batchSize, this.rng);
      scalars.push(trainStep(this.model, this.schedule, this.optimizer, x0, this.rng));
      this.step++;
      // Warm-up of the average: early on, weight the fresh parameters more. Loaded weights
      // are already an average worth keeping.
      const warm = this.resumed ? 1 : (1 + this.step) / (10 + this.step);
      this.model.updateAverage(Math.min(config.ema, warm));
    }
    const stacked = tf.stack(scalars);
    const losses = (await stacked.data()) as Float32Array;
    stacked.dispose();
    scalars.forEach((s) => s.dispose());
    const lossSteps = Int32Array.from({ length: count }, (_, i) => first + i);

    if (losses.some((l) => !Number.isFinite(l) || l > DIVERGED_LOSS)) {
      this.restoreLastGood();
      return { lossSteps, losses, outcome: "diverged" };
    }
    this.saveLastGood();

    if (this.step % CHECK_EVERY !== 0 && this.step < config.steps)
      return { lossSteps, losses, outcome: "running" };
    const check = this.check();
    const converged = check.figures.every((f) => f.ok);
    const outcome = converged ? "converged" : this.step >= config.steps ? "unconverged" : "running";
    return { lossSteps, losses, check, outcome };
  }

  /** Screens 500 samples with doubled tolerances; only if they pass, judges 2,000. Probes
   * the model against the ideal denoiser either way. */
  check(): Check {
    const excess = this.model.withPredictor((eps) => this.probe.excess(eps));
    const screen = this.sample(SCREEN_SAMPLES, this.step);
    const screened = this.example.judge(screen, SCREEN_SLACK);
    if (!screened.every((f) => f.ok)) return { samples: screen, figures: screened, excess };
    const samples = this.sample(CHECK_SAMPLES, this.step + 0x9e3779b9);
    return { samples, figures: this.example.judge(samples), excess };
  }

  /** DDPM and DDIM at several step counts, with this model and with the ideal denoiser. */
  compareSamplers(n: number, seed: number): SamplerRun[] {
    return this.model.withPredictor((eps) =>
      compareSamplers(this.example, this.schedule, eps, n, seed),
    );
  }

  /** ε_θ of the averaged model at one point per step: row k of `points` [m, dim] at step
   * steps[k], as along the path of one sample through the reverse process. */
  predictAlong(points: Float32Array, steps: Int32Array): Float32Array {
    const { dim } = this.example.data;
    const out = new Float32Array(points.length);
    this.model.withPredictor((eps) =>
      steps.forEach((t, k) => out.set(eps(points.subarray(k * dim, (k + 1) * dim), t), k * dim)),
    );
    return out;
  }

  /** The model's noise prediction and the ideal one on a grid of points, at every step. */
  field(size: number): Field {
    const grid = fieldGrid(size);
    const ideal = idealEps(this.example.data, this.schedule);
    return this.model.withPredictor((eps) => {
      const steps = Array.from({ length: this.schedule.T }, (_, i) => i + 1);
      return {
        size,
        grid,
        learned: steps.map((t) => eps(grid, t)),
        ideal: steps.map((t) => ideal(grid, t)),
        excess: this.probe.excess(eps),
      };
    });
  }

  /** n samples of the averaged model by Algorithm 2, from a generator seeded by `salt`. */
  sample(n: number, salt: number): Float32Array {
    const rng = createRng((this.config.seed * 2654435761 + salt) >>> 0);
    const { dim } = this.example.data;
    return this.model.withPredictor((eps) => sample(this.schedule, eps, n, dim, rng).x0);
  }

  /** Frames x_T … x_0 of n samples, for the reverse-process animation. */
  trajectory(n: number, seed: number): Float32Array[] {
    const rng = createRng(seed);
    const { dim } = this.example.data;
    return this.model.withPredictor(
      (eps) => sample(this.schedule, eps, n, dim, rng, { trajectory: true }).trajectory!,
    );
  }

  /** Releases the model, the optimizer's state and the checkpoint. */
  dispose(): void {
    this.model.dispose();
    this.optimizer.dispose();
    this.lastGood.dispose();
  }

  /** Starts from saved weights (as `exportWeights` writes them) instead of fresh ones; the
   * learning rate then ramps up over RESUME_WARMUP steps. */
  resume(weights: readonly NamedWeights[]): void {
    this.model.importWeights(weights);
    this.saveLastGood();
    this.resumed = true;
  }

  /** Multiplies the initial rate by lrDecay once every 100 steps, and ramps it up linearly
   * over the first RESUME_WARMUP steps after a resume. */
  private setLearningRate(): void {
    const warming = this.resumed && this.step < RESUME_WARMUP;
    if (!warming && (this.config.lrDecay === 1 || this.step % 100 !== 0)) return;
    const ramp = warming ? (this.step + 1) / RESUME_WARMUP : 1;
    const rate =
      this.config.learningRate * this.config.lrDecay ** Math.floor(this.step / 100) * ramp;
    // tfjs reads this field at every update; SGD has a setter, Adam only the field.
    (this.optimizer as unknown as { learningRate: number }).learningRate = rate;
  }

  private saveLastGood(): void {
    this.lastGood.assign(this.model.theta);
  }

  private restoreLastGood(): void {
    this.model.theta.assign(this.lastGood);
    this.model.resetAverage();
  }
}
