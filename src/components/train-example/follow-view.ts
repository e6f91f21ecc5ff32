/**
 * Following one sample through the reverse process of a 2D example: the reader clicks a point
 * (or types its number), and at each step t the plot shows the sample's whole path, the
 * network's step μ_θ(x_t, t) and the true posterior mean E[x_{t-1} | x_t] of the ideal
 * denoiser, with the same numbers in words below.
 */
import type { Mixture } from "../../ddpm/data";
import { pMean } from "../../ddpm/ddpm";
import { idealEps } from "../../ddpm/ideal";
import type { Schedule } from "../../ddpm/schedule";
import type { Scatter2D } from "../../viz/scatter-2d";
import type { Point } from "../../viz/track";

/** The network's noise prediction at one point per step (row k at step steps[k]). */
export type PredictAlong = (points: Float32Array, steps: Int32Array) => Promise<Float32Array>;

/** One followed sample: where it is at each step, and where each denoiser sends it next. */
interface Followed {
  readonly index: number;
  /** path[T - t] is x_t, as in the trajectory's frames. */
  readonly path: Point[];
  /** model[T - t] and ideal[T - t] are the means of the step from x_t, for t = T … 1. */
  readonly model: Point[];
  readonly ideal: Point[];
}

/** The follow part of a 2D island's reverse process. */
export class FollowView {
  private readonly input: HTMLInputElement;
  private readonly stop: HTMLButtonElement;
  private readonly readout: HTMLElement;
  private frames: Float32Array[] = [];
  private schedule: Schedule | null = null;
  private data: Mixture | null = null;
  private followed: Followed | null = null;
  private t = 0;
  /** Bumped by every new request, so a late answer for an older pick is dropped. */
  private request = 0;

  constructor(
    root: HTMLElement,
    private readonly plane: Scatter2D,
    private readonly predict: PredictAlong,
  ) {
    this.input = root.querySelector('[data-field="follow"]')!;
    this.stop = root.querySelector('[data-action="unfollow"]')!;
    this.readout = root.querySelector('[data-field="follow-readout"]')!;
    plane.target.addEventListener("click", (event) => {
      if (this.frames.length === 0) return;
      const index = plane.pick(event as MouseEvent);
      if (index !== null) void this.follow(index);
    });
    this.input.addEventListener("change", () => {
      const index = this.input.valueAsNumber - 1;
      const n = (this.frames[0]?.length ?? 0) / 2;
      if (Number.isInteger(index) && index >= 0 && index < n) void this.follow(index);
    });
    this.stop.addEventListener("click", () => this.unfollow());
  }

  /** Takes a new trajectory, and the schedule and data the ideal denoiser needs for it. */
  open(frames: Float32Array[], schedule: Schedule, data: Mixture): void {
    this.frames = frames;
    this.schedule = schedule;
    this.data = data;
    this.input.max = String(frames[0]!.length / 2);
    this.unfollow();
  }

  /** Forgets the trajectory and the followed sample. */
  close(): void {
    this.frames = [];
    this.unfollow();
  }

  /** Shows the followed sample at step t; called whenever the reverse process shows x_t. */
  show(t: number): void {
    this.t = t;
    const f = this.followed;
    if (!f) return;
    const T = f.path.length - 1;
    const k = T - t;
    const here = f.path[k]!;
    const step = t >= 1 ? { model: f.model[k]!, ideal: f.ideal[k]! } : {};
    this.plane.track({ path: f.path, here, ...step });
    this.readout.dataset["t"] = String(t);
    this.readout.dataset["here"] = JSON.stringify(here);
    this.readout.dataset["model"] = JSON.stringify(step.model ?? null);
    this.readout.dataset["ideal"] = JSON.stringify(step.ideal ?? null);
    const name = `Sample ${f.index + 1} at t = ${t} of ${T} is at ${point(here)}.`;
    this.readout.textContent = step.model
      ? `${name} The network's step goes to ${point(step.model)}; the true posterior mean ` +
        `E[x_{t-1} | x_t] is ${point(step.ideal)}, ${distance(step.model, step.ideal)} away.`
      : `${name} That is where it ended: a sample of the model.`;
  }

  private async follow(index: number): Promise<void> {
    const { frames, schedule, data } = this;
    if (!schedule || !data) return;
    const mine = ++this.request;
    const T = frames.length - 1;
    const path = frames.map((x) => [x[2 * index]!, x[2 * index + 1]!] as const);
    // x_T … x_1, one per step, for the network's prediction at each.
    const points = Float32Array.from(path.slice(0, T).flat());
    const steps = Int32Array.from({ length: T }, (_, k) => T - k);
    const eps = await this.predict(points, steps);
    if (mine !== this.request || frames !== this.frames) return;
    const best = idealEps(data, schedule);
    const model: Point[] = [];
    const ideal: Point[] = [];
    steps.forEach((t, k) => {
      const xt = points.subarray(2 * k, 2 * k + 2);
      model.push(pair(pMean(schedule, xt, t, eps.subarray(2 * k, 2 * k + 2))));
      ideal.push(pair(pMean(schedule, xt, t, best(xt, t))));
    });
    this.followed = { index, path, model, ideal };
    this.input.value = String(index + 1);
    this.stop.disabled = false;
    this.show(this.t);
  }

  private unfollow(): void {
    this.request++;
    this.followed = null;
    this.plane.track(null);
    this.input.value = "";
    this.stop.disabled = true;
    delete this.readout.dataset["t"];
    this.readout.textContent =
      "Click a point in the plot, or type its number, to follow one sample from noise to data.";
  }
}

/** The first two values of a row as a point. */
function pair(v: Float32Array): Point {
  return [v[0]!, v[1]!];
}

/** A point as the readout writes it: "(0.412, -0.881)". */
function point(p: Point): string {
  return `(${p[0].toFixed(3)}, ${p[1].toFixed(3)})`;
}

/** The distance between two points, to three significant digits. */
function distance(a: Point, b: Point): string {
  return Number(Math.hypot(a[0] - b[0], a[1] - b[1]).toPrecision(3)).toString();
}
