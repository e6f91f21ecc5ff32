/**
 * `<train-example>`: the custom element behind each trained example. It owns one training
 * worker (started when the reader reaches for Train), keeps the run's state, and redraws the
 * island from the worker's snapshots at most every `REDRAW_INTERVAL_MS`.
 */
import { TrainingClient } from "../../training/client";
import type { TrainConfig } from "../../training/config";
import { EXAMPLES, type ExampleId, type ExampleSpec, type Figure } from "../../training/examples";
import type { RunState, Snapshot } from "../../training/messages";
import { samplesCsv, saveFile, weightsJson } from "./downloads";
import { sameConfig } from "./fields";
import { ConfigForm } from "./form";
import { ReverseView } from "./reverse-view";
import { formatCount, RunView } from "./run-view";
import { stateText } from "./state-text";

/** Shortest time between two redraws, in ms; snapshots arriving faster wait for the next. */
export const REDRAW_INTERVAL_MS = 250;
/** Shortest time between two progress announcements while training, in ms. */
const ANNOUNCE_INTERVAL_MS = 10_000;
/** Samples in the reverse-process trajectory, as many as the seed's figures show. */
const TRAJECTORY_SAMPLES = 2000;

/** The element; `customElements.define("train-example", …)` registers it. */
export class TrainExampleElement extends HTMLElement {
  private spec!: ExampleSpec;
  private section!: HTMLElement;
  private form!: ConfigForm;
  private run!: RunView;
  private reverse!: ReverseView;
  private readonly client = new TrainingClient({
    ready: (backend, reason) => this.run.setBackend(backend, reason),
    snapshot: (snapshot) => this.receive(snapshot),
    error: (message) => this.fail(message),
  });

  private state: RunState = "idle";
  /** The config of the model in the worker, once a reset has been sent. */
  private runConfig: TrainConfig | null = null;
  /** After a reset, snapshots of the old run may still be in flight; skip to the idle one. */
  private awaitingIdle = false;
  private latest: Snapshot | null = null;
  private samples: Float32Array = new Float32Array(0);
  private figures: readonly Figure[] = [];
  private drawTimer: number | null = null;
  private lastDraw = 0;
  private lastAnnounce = 0;
  /** Whether the status line has said that training is under way since Train was pressed. */
  private announcedStart = false;

  connectedCallback(): void {
    if (this.section) return;
    this.spec = EXAMPLES[this.dataset["example"] as ExampleId];
    this.section = this.querySelector("section")!;
    this.querySelector("[data-needs-script]")?.remove();
    this.run = new RunView(this.section, this.spec);
    this.reverse = new ReverseView(
      this.section.querySelector('[data-view="reverse"]')!,
      this.spec.data.dim,
      (points, t, T) =>
        this.run.showSamples(
          points,
          `The reverse process at step t = ${t} of ${T}, from a fresh draw of noise.`,
        ),
    );
    this.form = new ConfigForm(this.section, this.spec.presets, () => this.updateButtons());

    const train = this.button("train");
    // Starting the worker loads tfjs; begin as the reader reaches for Train, not on page load.
    train.addEventListener("pointerenter", () => this.client.warm(), { once: true });
    train.addEventListener("focus", () => this.client.warm(), { once: true });
    train.addEventListener("click", () => this.train());
    this.button("pause").addEventListener("click", () => this.pause());
    this.button("reset").addEventListener("click", () => this.reset());
    this.button("download-samples").addEventListener("click", () => this.downloadSamples());
    this.button("download-weights").addEventListener("click", () => void this.downloadWeights());

    addEventListener("pagehide", this.stopWorker);
    addEventListener("pageshow", this.restored);
    document.addEventListener("visibilitychange", this.scheduleDraw);
    new MutationObserver(() => this.repaint()).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ["data-theme"],
    });
    this.updateButtons();
  }

  disconnectedCallback(): void {
    this.stopWorker();
  }

  private train(): void {
    const config = this.form.value;
    if (!config) return;
    const resume = this.state === "paused" && this.runConfig && sameConfig(config, this.runConfig);
    // A fresh model is built first; "train" follows once the worker reports it idle, since
    // the worker ignores "train" while it is still building the model.
    if (resume) this.client.train();
    else this.startRun(config);
    this.setState("training");
    // The Train button is disabled now; keep the keyboard on the island's next control.
    if (document.activeElement === this.button("train")) this.button("pause").focus();
  }

  private pause(): void {
    this.client.pause();
    this.button("pause").disabled = true;
  }

  private reset(): void {
    const config = this.form.value ?? this.runConfig;
    if (this.client.started && config) this.startRun(config);
    else this.clearRun(config ?? this.spec.presets.fast);
    this.setState("idle");
  }

  /** Asks the worker for a fresh model and clears the island for it. */
  private startRun(config: TrainConfig): void {
    this.client.reset(this.spec.id, config);
    this.runConfig = config;
    this.awaitingIdle = true;
    this.clearRun(config);
  }

  private clearRun(config: TrainConfig): void {
    this.latest = null;
    this.samples = new Float32Array(0);
    this.figures = [];
    this.reverse.close();
    this.run.clear(config.steps);
  }

  private receive(snapshot: Snapshot): void {
    if (this.awaitingIdle) {
      if (snapshot.state !== "idle") return;
      this.awaitingIdle = false;
      // Train was pressed: the model is built, so start it; the island stays "training".
      if (this.state === "training") {
        this.client.train();
        return;
      }
    }
    this.run.losses.append(snapshot.lossSteps, snapshot.losses);
    this.latest = snapshot;
    if (snapshot.samples.length > 0) {
      this.samples = snapshot.samples;
      this.figures = snapshot.figures;
    }
    if (snapshot.state !== this.state) this.setState(snapshot.state, snapshot.message);
    else if (snapshot.state === "training") this.announceProgress(snapshot);
    this.scheduleDraw();
  }

  private setState(state: RunState, message?: string): void {
    this.state = state;
    this.section.dataset["state"] = state;
    this.form.setLocked(state === "training");
    this.field("state").textContent = stateText(state, this.latest, message);
    this.lastAnnounce = performance.now();
    this.announcedStart = false;
    if (state === "converged" || state === "unconverged") void this.openReverse();
    if (state === "training") this.reverse.close();
    this.updateButtons();
  }

  /** Every so often while training, says how far it got (the status region reads it out). */
  private announceProgress(snapshot: Snapshot): void {
    const due = performance.now() - this.lastAnnounce >= ANNOUNCE_INTERVAL_MS;
    // The first snapshot of a run comes before its first step; wait for one that has news.
    if ((this.announcedStart && !due) || snapshot.step === 0) return;
    this.announcedStart = true;
    this.lastAnnounce = performance.now();
    this.field("state").textContent =
      `Training: step ${formatCount(snapshot.step)} of ${formatCount(snapshot.totalSteps)}.`;
  }

  private async openReverse(): Promise<void> {
    const config = this.runConfig;
    try {
      const { frames } = await this.client.trajectory(TRAJECTORY_SAMPLES, (config?.seed ?? 0) + 1);
      // A reset or a new run while the worker sampled makes these frames stale.
      if (config === this.runConfig && (this.state === "converged" || this.state === "unconverged"))
        this.reverse.open(frames);
    } catch (error) {
      this.field("samples-caption").textContent =
        `The reverse process could not be run: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private fail(message: string): void {
    // A worker that failed may be unusable; the next Train starts a fresh one.
    this.client.terminate();
    this.runConfig = null;
    this.awaitingIdle = false;
    this.setState("error", message);
  }

  private updateButtons(): void {
    // The form reports its first check while it is being built, before it is assigned.
    if (!this.form) return;
    const training = this.state === "training";
    const hasModel =
      this.runConfig !== null && !training && this.state !== "idle" && this.state !== "error";
    this.button("train").disabled = training || this.form.value === null;
    this.button("pause").disabled = !training;
    this.button("download-samples").disabled = training || this.samples.length === 0;
    this.button("download-weights").disabled = !hasModel;
  }

  private downloadSamples(): void {
    const csv = samplesCsv(this.samples, this.spec.data.dim);
    saveFile(`ddpm-${this.spec.id}-samples.csv`, "text/csv", csv);
  }

  private async downloadWeights(): Promise<void> {
    const button = this.button("download-weights");
    button.disabled = true;
    try {
      const weights = await this.client.exportWeights();
      saveFile(
        `ddpm-${this.spec.id}-weights.json`,
        "application/json",
        weightsJson(this.spec.id, weights),
      );
    } catch (error) {
      this.field("state").textContent =
        `The weights could not be exported: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.updateButtons();
    }
  }

  /** Redraws at most every REDRAW_INTERVAL_MS, and not at all while the tab is hidden: the
   * latest snapshot is drawn when the reader comes back. */
  private readonly scheduleDraw = (): void => {
    if (this.drawTimer !== null || document.hidden || !this.latest) return;
    const wait = Math.max(0, this.lastDraw + REDRAW_INTERVAL_MS - performance.now());
    this.drawTimer = window.setTimeout(() => {
      requestAnimationFrame(() => {
        this.drawTimer = null;
        if (document.hidden || !this.latest) return;
        this.lastDraw = performance.now();
        this.run.render(this.latest, this.samples, this.figures, !this.reverse.isOpen);
      });
    }, wait);
  };

  private repaint(): void {
    this.run.repaint();
    this.reverse.repaint();
  }

  /** Ends the worker with the page, so a closed tab stops computing at once. */
  private readonly stopWorker = (): void => {
    this.client.terminate();
  };

  /** A page restored from the back-forward cache lost its worker; start the island afresh. */
  private readonly restored = (event: PageTransitionEvent): void => {
    if (!event.persisted || this.client.started) return;
    this.runConfig = null;
    this.awaitingIdle = false;
    this.clearRun(this.form.value ?? this.spec.presets.fast);
    this.setState("idle");
  };

  private button(action: string): HTMLButtonElement {
    return this.section.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  }

  private field(name: string): HTMLElement {
    return this.section.querySelector<HTMLElement>(`[data-field="${name}"]`)!;
  }
}
