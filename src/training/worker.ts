/**
 * The training worker: runs a Trainer off the main thread and posts snapshots to the page.
 * One worker serves one example island; a "reset" replaces its run.
 */
/// <reference lib="webworker" />
import { tf } from "../ddpm/tf";
import { startBackend, type BackendChoice } from "./backend";
import { EXAMPLES, playgroundExample } from "./examples";
import type { ExcessColumn, FromWorker, RunState, Snapshot, ToWorker } from "./messages";
import { Trainer, type Check } from "./trainer";

/** Milliseconds of training between yields to the message queue, so Pause is heard. */
const SLICE_MS = 30;
/** Steps per Trainer call: each call ends with one read-back of its losses. */
const STEPS_PER_CALL = 10;
/** Milliseconds between snapshots; the page draws each one. */
const SNAPSHOT_MS = 150;

declare const self: DedicatedWorkerGlobalScope;

const backendReady: Promise<BackendChoice> = startBackend();
let trainer: Trainer | null = null;
let state: RunState = "idle";
/** Bumped by every reset and pause, so a running loop from before it stops. */
let generation = 0;
/** The training loop in flight; a new loop or a reset waits for it to finish its slice. */
let loop: Promise<void> = Promise.resolve();
let pending = freshPending();
let latest: { samples: Float32Array; figures: Snapshot["figures"] } = {
  samples: new Float32Array(0),
  figures: [],
};
let trainMs = 0;
let lastPost = 0;
let rate = { steps: 0, ms: 0 };

/** What the next snapshot carries of the steps since the last one. */
function freshPending() {
  return { steps: [] as number[], losses: [] as number[], excess: [] as ExcessColumn[] };
}

const post = (message: FromWorker, transfer: Transferable[] = []) =>
  self.postMessage(message, transfer);

/** What went wrong, in words, whatever was thrown. */
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A zero-delay yield: a MessageChannel round trip is not clamped as nested timers are. */
const yieldToQueue = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

async function snapshot(message?: string): Promise<void> {
  const { backend } = await backendReady;
  const t = trainer;
  const msg: Snapshot = {
    type: "snapshot",
    state,
    step: t?.step ?? 0,
    totalSteps: t?.config.steps ?? 0,
    stepsPerSecond: rate.ms > 0 ? (1000 * rate.steps) / rate.ms : 0,
    backend,
    lossSteps: Int32Array.from(pending.steps),
    losses: Float32Array.from(pending.losses),
    samples: latest.samples.slice(),
    figures: latest.figures,
    excess: pending.excess,
    elapsedMs: trainMs,
    tensors: tf.memory().numTensors,
    ...(message ? { message } : {}),
  };
  pending = freshPending();
  lastPost = performance.now();
  post(msg, [msg.lossSteps.buffer, msg.losses.buffer, msg.samples.buffer]);
}

/** Makes `next` the worker's model, freeing the old one, with the run's counters at zero. */
function replaceTrainer(next: Trainer): void {
  trainer?.dispose();
  trainer = next;
  pending = freshPending();
  latest = { samples: new Float32Array(0), figures: [] };
  trainMs = 0;
  rate = { steps: 0, ms: 0 };
}

/** Keeps a check's samples for the next snapshots and queues its probe for the next one. */
function keepCheck(step: number, check: Check): void {
  latest = check;
  pending.excess.push({ step, values: check.excess });
}

async function train(mine: number): Promise<void> {
  const t = trainer;
  if (!t || mine !== generation) return;
  await snapshot();
  while (mine === generation) {
    const sliceStart = performance.now();
    const stepBefore = t.step;
    let outcome = "running";
    while (outcome === "running" && performance.now() - sliceStart < SLICE_MS) {
      const progress = await t.run(STEPS_PER_CALL);
      pending.steps.push(...progress.lossSteps);
      pending.losses.push(...progress.losses);
      if (progress.check) keepCheck(t.step, progress.check);
      outcome = progress.outcome;
    }
    const ms = performance.now() - sliceStart;
    trainMs += ms;
    rate = { steps: 0.7 * rate.steps + (t.step - stepBefore), ms: 0.7 * rate.ms + ms };
    if (outcome !== "running") {
      state = outcome as RunState;
      await snapshot(finalMessage(outcome));
      return;
    }
    if (performance.now() - lastPost >= SNAPSHOT_MS) await snapshot();
    await yieldToQueue();
  }
}

function finalMessage(outcome: string): string | undefined {
  if (outcome === "diverged")
    return "The loss became infinite or exploded, so training stopped. The learning rate is probably too high for this optimizer; the last good weights are kept. Lower it and press Reset.";
  if (outcome === "unconverged")
    return "The step budget ran out before the samples met their targets. Train longer, or try the fast default.";
  return undefined;
}

/** The example a "reset" or "load" asks for: the playground's is built on the data it sends. */
const specOf = (message: Extract<ToWorker, { type: "reset" | "load" }>) =>
  message.data ? playgroundExample(message.data) : EXAMPLES[message.example];

async function handle(message: ToWorker): Promise<void> {
  await backendReady;
  switch (message.type) {
    case "reset": {
      generation++;
      await loop;
      replaceTrainer(new Trainer(specOf(message), message.config));
      state = "idle";
      await snapshot();
      return;
    }
    case "load": {
      const loaded = new Trainer(specOf(message), message.config);
      try {
        loaded.resume(message.weights);
      } catch (error) {
        loaded.dispose();
        post({ type: "loadFailed", message: messageOf(error) });
        return;
      }
      generation++;
      await loop;
      replaceTrainer(loaded);
      // Judged at once, so the figures say how good the loaded model is before any training.
      keepCheck(loaded.step, loaded.check());
      state = "paused";
      await snapshot(
        "Loaded saved weights; the figures below judge them. Train goes on from them; Reset starts over.",
      );
      return;
    }
    case "train": {
      if (!trainer || !(state === "idle" || state === "paused")) return;
      const mine = ++generation;
      state = "training";
      loop = loop.then(() => train(mine));
      return;
    }
    case "pause":
      if (state !== "training") return;
      generation++;
      state = "paused";
      await snapshot();
      return;
    case "trajectory": {
      await loop;
      if (!trainer) return;
      const frames = trainer.trajectory(message.n, message.seed);
      post(
        { type: "trajectory", frames, dim: trainer.example.data.dim },
        frames.map((f) => f.buffer),
      );
      return;
    }
    case "samplers": {
      await loop;
      if (!trainer) return;
      const runs = trainer.compareSamplers(message.n, message.seed);
      post(
        { type: "samplers", runs },
        runs.map((run) => run.samples.buffer),
      );
      return;
    }
    case "field": {
      await loop;
      if (!trainer) return;
      const field = trainer.field(message.size);
      post({ type: "field", field }, [
        field.grid.buffer,
        ...field.learned.map((e) => e.buffer),
        ...field.ideal.map((e) => e.buffer),
      ]);
      return;
    }
    case "predict": {
      await loop;
      if (!trainer) return;
      const eps = trainer.predictAlong(message.points, message.steps);
      post({ type: "predict", eps }, [eps.buffer]);
      return;
    }
    case "exportWeights":
      if (!trainer) return;
      post({
        type: "weights",
        weights: await trainer.model.exportWeights(),
        config: trainer.config,
      });
      return;
  }
}

/** Messages are handled one at a time, in order: a "train" right after a "reset" must find
 * the new model built. */
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<ToWorker>) => {
  queue = queue
    .then(() => handle(event.data))
    .catch((error: unknown) => {
      state = "error";
      generation++;
      post({ type: "error", message: messageOf(error) });
    });
};

backendReady.then(
  (choice) => post({ type: "ready", ...choice }),
  (error: unknown) => post({ type: "error", message: String(error) }),
);
