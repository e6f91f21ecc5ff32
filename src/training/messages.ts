/**
 * The typed messages between an example island (the page) and its training worker.
 */
import type { Mixture } from "../ddpm/data";
import type { NamedWeights } from "../ddpm/denoiser";
import type { TrainConfig } from "./config";
import type { ExampleId, Figure } from "./examples";
import type { Field } from "./field";
import type { SamplerRun } from "./samplers";

/** The island's state, mirrored in its `data-state` attribute: "paused" after Pause, and
 * "unconverged" when the step budget ran out before the figures met their targets. */
export type RunState =
  "idle" | "training" | "paused" | "converged" | "unconverged" | "diverged" | "error";

/** A tfjs backend the worker can run on, in order of preference. */
export type BackendName = "wasm" | "cpu";

/** Page → worker. */
export type ToWorker =
  /** Build a fresh model for this example and config; training waits for "train". The
   * playground sends its data along, since the reader chooses it. */
  | {
      readonly type: "reset";
      readonly example: ExampleId;
      readonly config: TrainConfig;
      readonly data?: Mixture;
    }
  | { readonly type: "train" }
  | { readonly type: "pause" }
  /** Run the reverse process on n points and send every x_t back. */
  | { readonly type: "trajectory"; readonly n: number; readonly seed: number }
  | { readonly type: "exportWeights" }
  /** Run DDPM and DDIM at several step counts with the model and the ideal denoiser. */
  | { readonly type: "samplers"; readonly n: number; readonly seed: number }
  /** The model's and the ideal noise prediction on a size × size grid, at every step. */
  | { readonly type: "field"; readonly size: number }
  /** The model's noise prediction at one point per step: points[k] is at step steps[k]. */
  | { readonly type: "predict"; readonly points: Float32Array; readonly steps: Int32Array }
  /** Build a model for this config from saved weights, paused; its old model stays if the
   * weights do not fit. */
  | {
      readonly type: "load";
      readonly example: ExampleId;
      readonly config: TrainConfig;
      readonly weights: readonly NamedWeights[];
      readonly data?: Mixture;
    };

/** What the page draws a few times a second while training. */
export interface Snapshot {
  readonly type: "snapshot";
  readonly state: RunState;
  readonly step: number;
  readonly totalSteps: number;
  readonly stepsPerSecond: number;
  readonly backend: BackendName;
  /** Losses of the steps since the previous snapshot, with their step numbers. */
  readonly lossSteps: Int32Array;
  readonly losses: Float32Array;
  /** The latest samples from the model, [n, dim] row-major, and their figures. */
  readonly samples: Float32Array;
  readonly figures: readonly Figure[];
  /** The loss above the ideal denoiser's at each step t, from every check since the previous
   * snapshot: `values[t - 1]` at training step `step`. */
  readonly excess: readonly ExcessColumn[];
  /** Milliseconds from the first "train" to convergence, once converged. */
  readonly elapsedMs: number;
  /** Tensors alive in the worker: the same after every reset to the same settings, or
   * something leaks. */
  readonly tensors: number;
  /** Words for the reader when the state needs them (diverged, error, budget spent). */
  readonly message?: string;
}

/** One probe of the model against the ideal denoiser (see `OracleProbe`). */
export interface ExcessColumn {
  readonly step: number;
  readonly values: Float32Array;
}

/** Worker → page. */
export type FromWorker =
  | { readonly type: "ready"; readonly backend: BackendName; readonly fallbackReason?: string }
  | Snapshot
  /** frames[k] holds x_{T-k}, so frames[T] is x_0. */
  | { readonly type: "trajectory"; readonly frames: Float32Array[]; readonly dim: number }
  | { readonly type: "weights"; readonly weights: NamedWeights[]; readonly config: TrainConfig }
  | { readonly type: "samplers"; readonly runs: SamplerRun[] }
  | { readonly type: "field"; readonly field: Field }
  | { readonly type: "predict"; readonly eps: Float32Array }
  | { readonly type: "error"; readonly message: string }
  /** The weights of a "load" did not fit its config; nothing changed. */
  | { readonly type: "loadFailed"; readonly message: string };
