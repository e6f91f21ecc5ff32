/**
 * `<train-example>`: the custom element behind each trained example. It owns one training
 * worker (started when the reader reaches for Train), keeps the run's state, and redraws the
 * island from the worker's latest snapshot, throttled by `Redraw`.
 */
import type { ConfigErrors, TrainConfig } from "../../training/config";
import { configFromSearch, configToSearch } from "../../training/config-url";
import type { Mixture } from "../../ddpm/data";
import {
  CHECK_SAMPLES,
  EXAMPLES,
  playgroundExample,
  type ExampleId,
  type ExampleSpec,
  type Figure,
} from "../../training/examples";
import { FIELD_SIZE } from "../../training/field";
import type { RunState, Snapshot } from "../../training/messages";
import { makeSchedule, namedBetas } from "../../ddpm/schedule";
import { Redraw } from "../../viz/redraw";
import { saveSamples, saveWeights } from "./downloads";
import { FIELDS } from "./fields";
import { ConfigForm } from "./form";
import { FieldView } from "./field-view";
import { FollowView } from "./follow-view";
import { ReverseView } from "./reverse-view";
import { RunView } from "./run-view";
import { SamplersView } from "./samplers-view";
import { RunSession } from "./session";
import { StatusLine } from "./status";
import { watchPage } from "./watch-page";
import { readWeightsFile } from "./weights-file";

/** States in which a run has ended with a model to sample: a diverged run keeps its last
 * good weights. */
const ENDED: ReadonlySet<RunState> = new Set(["converged", "unconverged", "diverged"]);

/** For a promise whose failure is reported elsewhere. */
const noop = () => {};

/** Samples in the reverse-process trajectory, as many as the seed's figures show. */
const TRAJECTORY_SAMPLES = 2000;

/** The element; `customElements.define("train-example", …)` registers it. */
export class TrainExampleElement extends HTMLElement {
  private spec!: ExampleSpec;
  private section!: HTMLElement;
  private form!: ConfigForm;
  private run!: RunView;
  private reverse!: ReverseView;
  private samplers!: SamplersView;
  /** Only 2D examples have a field to draw, and samples to follow. */
  private fieldView: FieldView | null = null;
  private follow: FollowView | null = null;
  private status!: StatusLine;
  private readonly redraw = new Redraw(() => this.draw());
  private session!: RunSession;
  private state: RunState = "idle";
  private latest: Snapshot | null = null;
  private samples: Float32Array = new Float32Array(0);
  private figures: readonly Figure[] = [];
  /** Pause had the focus when pressed; give it to Train when training stops. */
  private focusTrain = false;
  /** Why there is nothing to train on (the playground's drawing is too small), or null. */
  private noData: string | null = null;

  connectedCallback(): void {
    if (this.section) return;
    this.spec = EXAMPLES[this.dataset["example"] as ExampleId];
    this.section = this.querySelector("section")!;
    this.querySelector("[data-needs-script]")?.remove();
    this.run = new RunView(this.section, this.spec);
    this.session = new RunSession(this.spec.id, {
      ready: (backend, reason) => this.run.setBackend(backend, reason),
      snapshot: (snapshot) => this.receive(snapshot),
      error: (message) => this.setState("error", message),
      loadFailed: (message) => this.status.say(`The weights could not be loaded: ${message}`),
      loaded: (config) => {
        this.form.fill(config);
        this.clearRun(config);
        // The loaded model's paused snapshot then reads as a change of state.
        this.state = "idle";
      },
    });
    this.status = new StatusLine(this.field("state"), this.field("announce"));
    this.reverse = new ReverseView(this.view("reverse"), this.spec.data.dim, (points, t, T) => {
      this.run.showStep(points, t, T);
      this.follow?.show(t);
    });
    const plane = this.run.plane;
    if (plane)
      this.follow = new FollowView(this.view("reverse"), plane, (points, steps) =>
        this.session.predict(points, steps).then((reply) => reply.eps),
      );
    this.samplers = new SamplersView(this.view("samplers"), this.spec);
    if (this.spec.data.dim === 2) this.fieldView = new FieldView(this.view("field"), this.spec);
    // Read before the form exists: its first check would rewrite the link.
    const linked = configFromSearch(location.search, this.spec.presets.fast);
    this.form = new ConfigForm(this.section, this.spec.presets, () => this.settingsChanged());
    if (linked.linked) this.form.fill(linked.config);
    this.showRefused(linked.refused);

    const train = this.button("train");
    // Starting the worker loads tfjs; begin as the reader reaches for Train, not on page load.
    train.addEventListener("pointerenter", () => this.session.warm(), { once: true });
    train.addEventListener("focus", () => this.session.warm(), { once: true });
    train.addEventListener("click", () => this.train());
    this.button("pause").addEventListener("click", () => this.pause());
    this.button("reset").addEventListener("click", () => this.reset());
    this.button("download-samples").addEventListener("click", () =>
      saveSamples(this.spec, this.samples),
    );
    this.button("download-weights").addEventListener("click", () => void this.downloadWeights());
    const file = this.section.querySelector<HTMLInputElement>('[data-field="weights-file"]')!;
    this.button("import-weights").addEventListener("click", () => file.click());
    file.addEventListener("change", () => void this.importWeights(file));

    watchPage({ hide: this.stopWorker, restore: this.restored, retheme: () => this.repaint() });
    this.updateButtons();
  }

  /**
   * Trains the playground on `data` from now on, and resets the run: the samples view and the
   * figures table show the new target. `label` names the data for the reader, or, with null
   * data, says why there is none; Train stays disabled until data comes.
   */
  setData(data: Mixture | null, label: string): void {
    if (this.spec.id !== "playground")
      throw new Error(`setData: only the playground takes other data, not "${this.spec.id}"`);
    if (data) this.spec = playgroundExample(data);
    this.noData = data ? null : label;
    this.session.data = data ?? undefined;
    this.section.dataset["components"] = String(data?.means.length ?? 0);
    this.run.setTarget(data ? this.spec : null);
    this.samplers.setTarget(this.spec);
    this.fieldView?.setTarget(this.spec);
    this.reset();
    this.status.say(data ? `Ready to train on ${label}. Press Train to start.` : label);
  }

  disconnectedCallback(): void {
    this.stopWorker();
  }

  private train(): void {
    const config = this.form.value;
    if (!config) return;
    // Train is disabled while training, and a disabled button loses focus: a keyboard reader
    // is moved on to Pause instead of being dropped at the top of the page.
    const focused = document.activeElement === this.button("train");
    if (!this.session.train(config, this.state === "paused")) this.clearRun(config);
    this.setState("training");
    if (focused) this.button("pause").focus();
  }

  private pause(): void {
    // Likewise back to Train, once the worker confirms the pause and Train is enabled.
    this.focusTrain = document.activeElement === this.button("pause");
    this.session.pause();
    this.button("pause").disabled = true;
  }

  private reset(): void {
    this.session.reset(this.form.value);
    this.clearRun(this.form.value ?? this.session.config ?? this.spec.presets.fast);
    this.setState("idle");
  }

  private clearRun(config: TrainConfig): void {
    this.latest = null;
    this.samples = new Float32Array(0);
    this.figures = [];
    this.closeAfterRun();
    this.run.clear(config.steps);
  }

  private receive(snapshot: Snapshot): void {
    // For scripts and tests that check the worker's memory (see the README's contract).
    this.section.dataset["tensors"] = String(snapshot.tensors);
    this.run.losses.append(snapshot.lossSteps, snapshot.losses);
    this.run.addExcess(snapshot.excess);
    this.latest = snapshot;
    if (snapshot.samples.length > 0) {
      this.samples = snapshot.samples;
      this.figures = snapshot.figures;
    }
    if (snapshot.state !== this.state) {
      this.setState(snapshot.state, snapshot.message);
      this.redraw.now();
    } else {
      if (snapshot.state === "training") this.status.progress(snapshot);
      this.redraw.request();
    }
  }

  private setState(state: RunState, message?: string): void {
    this.state = state;
    this.section.dataset["state"] = state;
    this.form.setLocked(state === "training");
    this.status.state(state, this.latest, message);
    if (ENDED.has(state)) this.openAfterRun();
    if (state === "training") this.closeAfterRun();
    // A run that ends by itself disables Pause; if it had the focus, the reader would be left
    // on nothing, so Train takes it, as it does after Pause is pressed.
    const pauseFocused = document.activeElement === this.button("pause");
    this.updateButtons();
    if ((this.focusTrain || pauseFocused) && state !== "training") {
      this.focusTrain = false;
      this.button("train").focus();
    }
  }

  private settingsChanged(): void {
    this.updateButtons();
    this.writeLink();
  }

  /** Keeps the page's link in step with valid settings, so that copying it shares this run. */
  private writeLink(): void {
    const config = this.form?.value;
    if (!config) return;
    const search = configToSearch(config, this.spec.presets.fast, location.search);
    if (search === location.search.replace(/^\?/, "")) return;
    const url = `${location.pathname}${search ? `?${search}` : ""}${location.hash}`;
    history.replaceState(history.state, "", url);
  }

  /** Lists the link's settings that were refused, with the form's message for each. */
  private showRefused(refused: ConfigErrors): void {
    const notice = this.field("link-notice");
    const items = FIELDS.filter((field) => refused[field.key] !== undefined).map((field) => {
      const item = document.createElement("li");
      item.textContent = `${field.label}: ${refused[field.key]}`;
      return item;
    });
    notice.querySelector("ul")!.replaceChildren(...items);
    notice.hidden = items.length === 0;
  }

  private updateButtons(): void {
    // The form reports its first check while it is being built, before it is assigned.
    if (!this.form) return;
    const training = this.state === "training";
    const hasModel =
      this.session.config !== null && !training && this.state !== "idle" && this.state !== "error";
    this.button("train").disabled = training || this.form.value === null || this.noData !== null;
    this.field("hint").hidden = this.form.value !== null;
    this.button("pause").disabled = !training;
    this.button("download-samples").disabled = training || this.samples.length === 0;
    this.button("download-weights").disabled = !hasModel;
    this.button("import-weights").disabled = training;
  }

  /** Loads the weights file the reader chose; the model in use stays if the file is wrong. */
  private async importWeights(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    // Cleared, so that choosing the same file again is a change too.
    input.value = "";
    if (!file) return;
    const read = readWeightsFile(await file.text(), this.spec);
    if ("problem" in read) this.status.say(`${file.name} could not be loaded. ${read.problem}`);
    else this.session.load(read.config, read.weights);
  }

  private async downloadWeights(): Promise<void> {
    this.button("download-weights").disabled = true;
    try {
      saveWeights(this.spec, await this.session.exportWeights());
    } catch (error) {
      this.status.say(`The weights could not be exported: ${String(error)}`);
    } finally {
      this.updateButtons();
    }
  }

  /** Asks for what the model just trained can show (its reverse process, the samplers, its
   * field) and shows each as it comes, unless the run has changed by then. */
  private openAfterRun(): void {
    const config = this.session.config;
    const current = () => config === this.session.config && ENDED.has(this.state);
    const say = (message: string) => this.status.say(message);
    const trajectory = this.session.trajectory(TRAJECTORY_SAMPLES);
    this.reverse.load(trajectory, current, say);
    const follow = this.follow;
    if (follow && config)
      trajectory.then(({ frames }) => {
        if (!current()) return;
        const schedule = makeSchedule(namedBetas(config.schedule, config.T));
        follow.open(frames, schedule, this.spec.data);
      }, noop);
    const failed = (what: string) => (error: unknown) => {
      if (current()) say(`${what} could not be run: ${String(error)}`);
    };
    this.session.samplers(CHECK_SAMPLES).then(({ runs }) => {
      if (current()) this.samplers.open(runs);
    }, failed("The sampler comparison"));
    const fieldView = this.fieldView;
    if (fieldView)
      this.session.field(FIELD_SIZE).then(({ field }) => {
        if (current()) fieldView.open(field);
      }, failed("The field"));
  }

  /** Hides what belongs to a finished run. */
  private closeAfterRun(): void {
    this.reverse.close();
    this.follow?.close();
    this.samplers.close();
    this.fieldView?.close();
  }

  private draw(): void {
    if (this.latest) this.run.render(this.latest, this.samples, this.figures, !this.reverse.isOpen);
  }

  private repaint(): void {
    this.run.repaint();
    this.reverse.repaint();
    this.samplers.repaint();
  }

  /** Ends the worker with the page, so a closed tab stops computing at once. */
  private readonly stopWorker = (): void => {
    this.session.stop();
  };

  /** A page restored from the back-forward cache lost its worker; start the island afresh. */
  private readonly restored = (): void => {
    if (this.session.started) return;
    this.clearRun(this.form.value ?? this.spec.presets.fast);
    this.setState("idle");
  };

  private button(action: string): HTMLButtonElement {
    return this.section.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  }

  private view(name: string): HTMLElement {
    return this.section.querySelector<HTMLElement>(`[data-view="${name}"]`)!;
  }

  private field(name: string): HTMLElement {
    return this.section.querySelector<HTMLElement>(`[data-field="${name}"]`)!;
  }
}
