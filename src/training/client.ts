/**
 * The page's side of one training worker: typed messages both ways, the worker created on
 * first use (tfjs loads with it, so a reader who only reads never downloads it), and replies
 * to the two requests that have one handed back as promises.
 */
import type { Mixture } from "../ddpm/data";
import type { NamedWeights } from "../ddpm/denoiser";
import type { TrainConfig } from "./config";
import type { ExampleId } from "./examples";
import type { BackendName, FromWorker, Snapshot, ToWorker } from "./messages";

/** The worker's answer to "trajectory". */
export type Trajectory = Extract<FromWorker, { type: "trajectory" }>;
/** The worker's answer to "exportWeights". */
export type Weights = Extract<FromWorker, { type: "weights" }>;
/** The worker's answer to "samplers". */
export type Samplers = Extract<FromWorker, { type: "samplers" }>;
/** The worker's answer to "field". */
export type FieldReply = Extract<FromWorker, { type: "field" }>;

/** The worker's answer to "predict". */
export type Prediction = Extract<FromWorker, { type: "predict" }>;

/** The replies that answer a request, by their type. */
type Reply = Trajectory | Weights | Samplers | FieldReply | Prediction;

/** What the page hears from its worker, apart from the answers to requests. */
export interface ClientEvents {
  readonly ready: (backend: BackendName, fallbackReason?: string) => void;
  readonly snapshot: (snapshot: Snapshot) => void;
  readonly error: (message: string) => void;
  /** Saved weights did not fit the model they were loaded into; nothing changed. */
  readonly loadFailed: (message: string) => void;
}

/** A request waiting for its answer. */
interface Pending<T> {
  readonly resolve: (value: T) => void;
  readonly reject: (reason: Error) => void;
}

/** One island's training worker. */
export class TrainingClient {
  private worker: Worker | null = null;
  /** Requests waiting, by the type of their answer; each queue is answered in order. */
  private readonly waiting: { [K in Reply["type"]]: Pending<Extract<Reply, { type: K }>>[] } = {
    trajectory: [],
    weights: [],
    samplers: [],
    field: [],
    predict: [],
  };

  constructor(private readonly events: ClientEvents) {}

  /** Whether a worker is running. */
  get started(): boolean {
    return this.worker !== null;
  }

  /** Starts the worker if it is not running yet, so tfjs is loading before the first click. */
  warm(): void {
    if (this.worker) return;
    // Vite bundles the worker and everything it imports (tfjs) as a separate chunk, found
    // through this exact `new Worker(new URL(…))` form.
    const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    worker.addEventListener("message", (event: MessageEvent<FromWorker>) =>
      this.receive(event.data),
    );
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail(event.message || "The training worker could not start.");
    });
    worker.addEventListener("messageerror", () =>
      this.fail("A message from the worker was unreadable."),
    );
    this.worker = worker;
  }

  /** Builds a fresh model for `config`, on `data` where the example takes any (the
   * playground); the worker answers with an idle snapshot. */
  reset(example: ExampleId, config: TrainConfig, data?: Mixture): void {
    this.post({ type: "reset", example, config, ...(data ? { data } : {}) });
  }

  /** Builds a model for `config` from saved weights; the worker answers with a paused
   * snapshot, or with "loadFailed" and no change. */
  load(
    example: ExampleId,
    config: TrainConfig,
    weights: readonly NamedWeights[],
    data?: Mixture,
  ): void {
    this.post({ type: "load", example, config, weights, ...(data ? { data } : {}) });
  }

  /** Starts or resumes training. */
  train(): void {
    this.post({ type: "train" });
  }

  /** Pauses training; the worker answers with a paused snapshot. */
  pause(): void {
    this.post({ type: "pause" });
  }

  /** Every step x_T … x_0 of the reverse process for n points. */
  trajectory(n: number, seed: number): Promise<Trajectory> {
    return this.request("trajectory", { type: "trajectory", n, seed });
  }

  /** The model's noise prediction at one point per step. */
  predict(points: Float32Array, steps: Int32Array): Promise<Prediction> {
    return this.request("predict", { type: "predict", points, steps });
  }

  /** The trained (averaged) weights and the config they were trained with. */
  exportWeights(): Promise<Weights> {
    return this.request("weights", { type: "exportWeights" });
  }

  /** DDPM and DDIM at several step counts, on the model and on the ideal denoiser. */
  samplers(n: number, seed: number): Promise<Samplers> {
    return this.request("samplers", { type: "samplers", n, seed });
  }

  /** The model's and the ideal noise prediction on a grid, at every step. */
  field(size: number): Promise<FieldReply> {
    return this.request("field", { type: "field", size });
  }

  /** Stops the worker and fails what is still waiting; a later `warm` starts a new one. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.rejectAll(new Error("The training worker was stopped."));
  }

  private post(message: ToWorker): void {
    this.warm();
    this.worker!.postMessage(message);
  }

  private request<K extends Reply["type"]>(
    type: K,
    message: ToWorker,
  ): Promise<Extract<Reply, { type: K }>> {
    return new Promise((resolve, reject) => {
      this.waiting[type].push({ resolve, reject });
      this.post(message);
    });
  }

  /** Hands a reply to the oldest request of its type. */
  private answer<K extends Reply["type"]>(reply: Extract<Reply, { type: K }>): void {
    (this.waiting[reply.type as K] as Pending<typeof reply>[]).shift()?.resolve(reply);
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case "ready":
        this.events.ready(message.backend, message.fallbackReason);
        break;
      case "snapshot":
        this.events.snapshot(message);
        break;
      // The worker handles messages in order, so answers come back in the order asked.
      case "trajectory":
      case "weights":
      case "samplers":
      case "field":
      case "predict":
        this.answer(message);
        break;
      case "loadFailed":
        this.events.loadFailed(message.message);
        break;
      case "error":
        // An error while a request waits is that request's answer; otherwise it is the run's.
        if (Object.values(this.waiting).some((queue) => queue.length > 0))
          this.rejectAll(new Error(message.message));
        else this.events.error(message.message);
        break;
    }
  }

  private fail(message: string): void {
    this.rejectAll(new Error(message));
    this.events.error(message);
  }

  private rejectAll(reason: Error): void {
    for (const queue of Object.values(this.waiting) as Pending<unknown>[][])
      queue.splice(0).forEach((pending) => pending.reject(reason));
  }
}
