/**
 * One island's conversation with its training worker: which model the worker holds, and the
 * order of messages. A fresh model is asked for with "reset", and "train" is sent only once
 * the worker reports that model idle: until then the worker would ignore it, and snapshots of
 * the run before the reset may still be on their way.
 */
import {
  TrainingClient,
  type ClientEvents,
  type Trajectory,
  type Weights,
} from "../../training/client";
import type { TrainConfig } from "../../training/config";
import type { ExampleId } from "../../training/examples";
import type { Snapshot } from "../../training/messages";
import { sameConfig } from "./fields";

/** A training session of one example. */
export class RunSession {
  private readonly client: TrainingClient;
  /** The config of the model in the worker, once a reset has been sent. */
  config: TrainConfig | null = null;
  /** A reset is on its way: snapshots before its idle one belong to the old run. */
  private awaitingIdle = false;
  /** Send "train" as soon as the fresh model is idle. */
  private trainWhenIdle = false;

  constructor(
    private readonly example: ExampleId,
    events: ClientEvents,
  ) {
    this.client = new TrainingClient({
      ready: events.ready,
      snapshot: (snapshot) => this.receive(snapshot, events.snapshot),
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

  /** The current model's weights. */
  exportWeights(): Promise<Weights> {
    return this.client.exportWeights();
  }

  /** Ends the worker and forgets its model. */
  stop(): void {
    this.client.terminate();
    this.config = null;
    this.awaitingIdle = false;
    this.trainWhenIdle = false;
  }

  private fresh(config: TrainConfig, train: boolean): void {
    this.client.reset(this.example, config);
    this.config = config;
    this.awaitingIdle = true;
    this.trainWhenIdle = train;
  }

  private receive(snapshot: Snapshot, forward: (snapshot: Snapshot) => void): void {
    if (this.awaitingIdle) {
      if (snapshot.state !== "idle") return;
      this.awaitingIdle = false;
      if (this.trainWhenIdle) {
        this.trainWhenIdle = false;
        this.client.train();
        return;
      }
    }
    forward(snapshot);
  }
}
