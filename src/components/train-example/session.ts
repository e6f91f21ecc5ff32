/**
 * One island's conversation with its training worker: which model the worker holds, and the
 * order of messages. A fresh model is asked for with "reset" (or "load", from saved weights),
 * and "train" is sent only once the worker reports that model idle (or paused): until then
 * the worker would ignore it, and snapshots of the run before may still be on their way.
 */
import {
  TrainingClient,
  type ClientEvents,
  type FieldReply,
  type Prediction,
  type Samplers,
  type Trajectory,
  type Weights,
} from "../../training/client";
import type { TrainConfig } from "../../training/config";
import type { ExampleId } from "../../training/examples";
import type { Mixture } from "../../ddpm/data";
import type { NamedWeights } from "../../ddpm/denoiser";
import type { RunState, Snapshot } from "../../training/messages";
import { sameConfig } from "./fields";

/** What the island hears from its session: the worker's events, and a load that worked. */
export interface SessionEvents extends ClientEvents {
  /** The worker holds a model loaded from saved weights for `config`; its first snapshot
   * comes next. */
  readonly loaded: (config: TrainConfig) => void;
}

/** A training session of one example. */
export class RunSession {
  private readonly client: TrainingClient;
  /** The config of the model in the worker, once a reset has been sent. */
  config: TrainConfig | null = null;
  /** The state a new model first reports ("idle" after a reset, "paused" after a load);
   * snapshots before it belong to the old run. */
  private awaiting: RunState | null = null;
  /** The config before a load, restored if the worker refuses the weights. */
  private beforeLoad: TrainConfig | null = null;
  /** Send "train" as soon as the fresh model is idle. */
  private trainWhenIdle = false;
  /** The data the next model learns, for an example that takes any (the playground); the
   * example's own data when unset. */
  data: Mixture | undefined;

  constructor(
    private readonly example: ExampleId,
    private readonly events: SessionEvents,
  ) {
    this.client = new TrainingClient({
      ready: events.ready,
      snapshot: (snapshot) => this.receive(snapshot),
      loadFailed: (message) => {
        this.config = this.beforeLoad;
        this.awaiting = null;
        events.loadFailed(message);
      },
      error: (message) => {
        // A worker that failed may be unusable; the next Train starts a fresh one.
        this.stop();
        events.error(message);
      },
    });
  }

  /** Whether a worker is running. */
  get started(): boolean {
    return this.client.started;
  }

  /** Starts the worker, and with it the download of tfjs, ahead of the first Train. */
  warm(): void {
    this.client.warm();
  }

  /** Trains: resumes the paused model if `config` is still its config, else starts afresh.
   * @returns whether it resumed */
  train(config: TrainConfig, paused: boolean): boolean {
    const resume = paused && this.config !== null && sameConfig(config, this.config);
    if (resume) this.client.train();
    else this.fresh(config, true);
    return resume;
  }

  /** Replaces the worker's model with a fresh, idle one (nothing to do without a worker). */
  reset(config: TrainConfig | null): void {
    const next = config ?? this.config;
    if (this.client.started && next) this.fresh(next, false);
  }

  /** Pauses training; a paused snapshot follows. */
  pause(): void {
    this.client.pause();
  }

  /** The reverse process of the current model for n points, seeded from the run's seed. */
  trajectory(n: number): Promise<Trajectory> {
    return this.client.trajectory(n, (this.config?.seed ?? 0) + 1);
  }

  /** DDPM and DDIM on the current model and on the ideal denoiser, from the run's seed. */
  samplers(n: number): Promise<Samplers> {
    return this.client.samplers(n, (this.config?.seed ?? 0) + 2);
  }

  /** The current model's field and the ideal one on a size × size grid. */
  field(size: number): Promise<FieldReply> {
    return this.client.field(size);
  }

  /** The current model's noise prediction at one point per step. */
  predict(points: Float32Array, steps: Int32Array): Promise<Prediction> {
    return this.client.predict(points, steps);
  }

  /** The current model's weights. */
  exportWeights(): Promise<Weights> {
    return this.client.exportWeights();
  }

  /** Ends the worker and forgets its model. */
  stop(): void {
    this.client.terminate();
    this.config = null;
    this.awaiting = null;
    this.trainWhenIdle = false;
  }

  /** Replaces the worker's model with one holding saved weights, paused; if they do not fit,
   * `loadFailed` reports it and the old model stays. */
  load(config: TrainConfig, weights: readonly NamedWeights[]): void {
    this.client.load(this.example, config, weights, this.data);
    this.beforeLoad = this.config;
    this.config = config;
    this.awaiting = "paused";
    this.trainWhenIdle = false;
  }

  private fresh(config: TrainConfig, train: boolean): void {
    this.client.reset(this.example, config, this.data);
    this.config = config;
    this.awaiting = "idle";
    this.trainWhenIdle = train;
  }

  private receive(snapshot: Snapshot): void {
    if (this.awaiting) {
      if (snapshot.state !== this.awaiting) return;
      this.awaiting = null;
      if (snapshot.state === "paused") this.events.loaded(this.config!);
      if (this.trainWhenIdle) {
        this.trainWhenIdle = false;
        this.client.train();
        return;
      }
    }
    this.events.snapshot(snapshot);
  }
}
