/**
 * The reverse process of a trained model: a slider over the steps t = T … 0 that shows x_t in
 * the island's samples view, a Play button that runs noise → data, and small multiples.
 */
import { multipleSteps, SmallMultiples } from "../../viz/small-multiples";

/** Longest and shortest time per step of Play, in ms: the whole run lasts about 3 s. */
const PLAY_MS = { total: 3000, min: 30, max: 300 };
/** With reduced motion, Play shows only the small multiples' steps, this long each. */
const REDUCED_MOTION_STEP_MS = 900;

/** Shows x_t, [n, dim], in the island's samples view. */
export type ShowStep = (points: Float32Array, t: number, T: number) => void;

/** The reverse-process part of an island. */
export class ReverseView {
  private readonly slider: HTMLInputElement;
  private readonly output: HTMLOutputElement;
  private readonly play: HTMLButtonElement;
  private readonly multiples: SmallMultiples;
  /** frames[k] holds x_{T-k}. */
  private frames: Float32Array[] = [];
  private timer: number | null = null;

  constructor(
    private readonly root: HTMLElement,
    dim: number,
    private readonly show: ShowStep,
  ) {
    this.slider = root.querySelector('input[type="range"]')!;
    this.output = root.querySelector("output")!;
    this.play = root.querySelector('[data-action="play"]')!;
    this.multiples = new SmallMultiples(root.querySelector('[data-view="multiples"]')!, dim);
    this.slider.addEventListener("input", () => {
      this.stop();
      this.draw(this.slider.valueAsNumber);
    });
    this.play.addEventListener("click", () => (this.timer === null ? this.start() : this.stop()));
  }

  /** The chain's length T, or 0 before a trajectory arrives. */
  private get T(): number {
    return Math.max(0, this.frames.length - 1);
  }

  /** Shows a trajectory x_T … x_0 at t = 0 and its small multiples. */
  open(frames: Float32Array[]): void {
    this.stop();
    this.frames = frames;
    this.slider.max = String(this.T);
    this.slider.value = "0";
    this.root.hidden = false;
    this.multiples.render(this.multiplesData(), this.T);
    this.draw(0);
  }

  /** Opens the trajectory once it comes, if `current` still says it belongs to the run on
   * show; a failure is reported through `failed`. */
  load(
    trajectory: Promise<{ readonly frames: Float32Array[] }>,
    current: () => boolean,
    failed: (message: string) => void,
  ): void {
    trajectory.then(
      ({ frames }) => {
        if (current()) this.open(frames);
      },
      (error: unknown) => {
        if (current()) failed(`The reverse process could not be run: ${String(error)}`);
      },
    );
  }

  /** Hides the section and forgets the trajectory (a new run is starting). */
  close(): void {
    this.stop();
    this.frames = [];
    this.root.hidden = true;
  }

  /** Whether a trajectory is on show. */
  get isOpen(): boolean {
    return this.frames.length > 0;
  }

  /** Draws every canvas again in the page's current colours. */
  repaint(): void {
    if (!this.isOpen) return;
    this.multiples.repaint(this.multiplesData());
    this.draw(this.slider.valueAsNumber);
  }

  private multiplesData() {
    return multipleSteps(this.T).map((t) => ({ t, points: this.frames[this.T - t]! }));
  }

  private draw(t: number): void {
    const T = this.T;
    this.slider.value = String(t);
    const text = `t = ${t} of ${T}`;
    this.output.textContent = text;
    this.slider.setAttribute("aria-valuetext", text);
    this.show(this.frames[T - t]!, t, T);
  }

  /** Plays t = T … 0; with reduced motion, jumps between the small multiples' steps instead. */
  private start(): void {
    const reduced = matchMedia("(prefers-reduced-motion: reduce)").matches;
    const stops = reduced ? multipleSteps(this.T) : range(this.T);
    const ms = reduced
      ? REDUCED_MOTION_STEP_MS
      : Math.min(PLAY_MS.max, Math.max(PLAY_MS.min, PLAY_MS.total / Math.max(1, this.T)));
    let k = 0;
    this.play.textContent = "Stop";
    const tick = () => {
      this.draw(stops[k]!);
      k += 1;
      this.timer = k < stops.length ? window.setTimeout(tick, ms) : null;
      if (this.timer === null) this.play.textContent = "Play";
    };
    tick();
  }

  private stop(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    this.play.textContent = "Play";
  }
}

/** T, T - 1, …, 0. */
function range(T: number): number[] {
  return Array.from({ length: T + 1 }, (_, k) => T - k);
}
