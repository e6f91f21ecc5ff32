/**
 * Training steps per second of an example's default model on whichever tfjs backend is
 * active. The same code runs in Node, on a page's main thread and in a Web Worker, so the
 * three places are measured alike.
 */
import { sampleMixture } from "../../src/ddpm/data";
import { trainStep } from "../../src/ddpm/ddpm";
import { Denoiser } from "../../src/ddpm/denoiser";
import { createRng } from "../../src/ddpm/random";
import { makeSchedule, namedBetas } from "../../src/ddpm/schedule";
import { tf } from "../../src/ddpm/tf";
import { DEPTH } from "../../src/training/config";
import { EXAMPLES, type ExampleId } from "../../src/training/examples";

/** Losses are read back once per this many steps, as the worker's Trainer calls do. */
const READBACK_EVERY = 10;

/** How long to measure. */
export interface ThroughputOptions {
  /** Untimed training first, so that kernels are compiled and caches are warm, in ms. */
  readonly warmupMs: number;
  /** Length of one timed window, in ms. */
  readonly windowMs: number;
  /** Number of timed windows; the median is the figure. */
  readonly windows: number;
}

/** What one step does: Algorithm 1 alone, or followed by the weight average's update as
 * the Trainer does it (the average is what the page samples from). */
export type StepKind = "trainStep" | "withAverage";

/** One measurement. */
export interface ThroughputResult {
  readonly example: ExampleId;
  readonly backend: string;
  readonly kind: StepKind;
  /** Steps per second of each timed window, in the order run. */
  readonly windows: number[];
  /** Tensors alive after the measurement minus before: 0 when nothing leaked. */
  readonly leakedTensors: number;
}

/**
 * Trains a fresh copy of the example's fast preset on the active backend and times it. The
 * model is built as the Trainer builds it (its optimizer and generator are private to it),
 * but no convergence checks run, so the figure is the training step's alone.
 */
export async function measureThroughput(
  example: ExampleId,
  kind: StepKind,
  options: ThroughputOptions,
): Promise<ThroughputResult> {
  const tensorsBefore = tf.memory().numTensors;
  const spec = EXAMPLES[example];
  const config = spec.presets.fast;
  const schedule = makeSchedule(namedBetas(config.schedule, config.T));
  const rng = createRng(config.seed);
  const { dim } = spec.data;
  const model = new Denoiser(
    { dim, width: config.width, depth: DEPTH, time: config.time },
    schedule,
    rng,
  );
  const optimizer =
    config.optimizer === "adam"
      ? tf.train.adam(config.learningRate)
      : tf.train.sgd(config.learningRate);

  const step = (): tf.Scalar => {
    const x0 = sampleMixture(spec.data, config.batchSize, rng);
    const loss = trainStep(model, schedule, optimizer, x0, rng);
    if (kind === "withAverage") model.updateAverage(config.ema);
    return loss;
  };

  await timeWindow(step, options.warmupMs);
  const windows: number[] = [];
  for (let w = 0; w < options.windows; w++) {
    const { steps, ms } = await timeWindow(step, options.windowMs);
    windows.push((1000 * steps) / ms);
  }

  model.dispose();
  optimizer.dispose();
  const leakedTensors = tf.memory().numTensors - tensorsBefore;
  return { example, backend: tf.getBackend(), kind, windows, leakedTensors };
}

/** Runs steps in groups of READBACK_EVERY until `ms` have passed, reading every group's
 * losses back (which also waits for an asynchronous backend to finish them). */
async function timeWindow(
  step: () => tf.Scalar,
  ms: number,
): Promise<{ steps: number; ms: number }> {
  const start = performance.now();
  let steps = 0;
  do {
    const losses = Array.from({ length: READBACK_EVERY }, step);
    const stacked = tf.stack(losses);
    await stacked.data();
    stacked.dispose();
    losses.forEach((loss) => loss.dispose());
    steps += READBACK_EVERY;
  } while (performance.now() - start < ms);
  return { steps, ms: performance.now() - start };
}
