/**
 * What an island draws of a run: the step counter, speed and backend, the loss chart, the
 * samples over the target, and the convergence table. Drawing only; the element decides when.
 */
import { CHECK_SAMPLES, type ExampleSpec, type Figure } from "../../training/examples";
import type { Snapshot } from "../../training/messages";
import { LossChart } from "../../viz/loss-chart";
import { LossSeries } from "../../viz/loss-series";
import { ExcessHeatmap, type HeatColumn } from "../../viz/heatmap";
import { Scatter2D } from "../../viz/scatter-2d";
import { samplesView, type SamplesView } from "./samples-view";
import { renderFigureRows } from "./figure-rows";

/** Built once: `toLocaleString` builds a formatter at every call, a few ms a snapshot. */
const COUNT_FORMAT = new Intl.NumberFormat("en");

/** A count with thousands separators, the same in every locale so tests can read it. */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(Math.round(n));
}

/** A figure's value: three decimals, or three significant digits when smaller than 0.01. */
export function formatFigure(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 0.01 || v === 0 ? v.toFixed(3) : v.toPrecision(3);
}

/** The drawn parts of a run, inside one island. */
export class RunView {
  /** Every loss of the run so far, in step order. */
  readonly losses = new LossSeries();
  private readonly loss: LossChart;
  private readonly heatmap: ExcessHeatmap;
  /** Every probe of the run against the ideal denoiser, in step order. */
  private excess: HeatColumn[] = [];
  private readonly samples: SamplesView;
  private readonly field: (name: string) => HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    private readonly spec: ExampleSpec,
  ) {
    this.field = (name) => root.querySelector<HTMLElement>(`[data-field="${name}"]`)!;
    this.loss = new LossChart(root.querySelector<HTMLElement>('[data-view="loss"]')!);
    this.heatmap = new ExcessHeatmap(root.querySelector<HTMLElement>('[data-view="excess"]')!);
    this.samples = samplesView(
      root.querySelector<HTMLElement>('[data-view="samples"]')!,
      spec,
      "Samples in the plane; rings mark the target's centres",
    );
  }

  /** Forgets the run: no losses, no samples, the table back to its targets only. */
  clear(totalSteps: number): void {
    this.losses.clear();
    this.loss.render(this.losses);
    this.excess = [];
    this.heatmap.render(this.excess, 1);
    this.showSamples(
      new Float32Array(0),
      "The model's latest samples will appear here while it trains.",
    );
    this.renderFigures([], 0);
    this.field("step").textContent = `Step 0 / ${formatCount(totalSteps)}`;
    this.field("rate").textContent = "";
  }

  /** Draws a snapshot: counters, losses, and its samples unless `samples` is false (the reverse
   * process is on show). */
  render(
    snapshot: Snapshot,
    samples: Float32Array,
    figures: readonly Figure[],
    live: boolean,
  ): void {
    this.field("step").textContent =
      `Step ${formatCount(snapshot.step)} / ${formatCount(snapshot.totalSteps)}`;
    this.field("rate").textContent =
      snapshot.state === "training" ? `${formatCount(snapshot.stepsPerSecond)} steps/s` : "";
    this.loss.render(this.losses);
    const n = samples.length / this.spec.data.dim;
    if (live && n > 0)
      this.showSamples(
        samples,
        `The model's latest ${formatCount(n)} samples (dots) over the target.`,
      );
    this.renderFigures(figures, n);
  }

  /** Adds the run's latest probes against the ideal denoiser to the heatmap. */
  addExcess(columns: readonly HeatColumn[]): void {
    if (columns.length === 0) return;
    this.excess.push(...columns);
    this.heatmap.render(this.excess, columns[0]!.values.length);
  }

  /** Shows points [n, dim] in the samples view, with a caption saying what they are. */
  showSamples(points: Float32Array, caption: string): void {
    this.samples.render(points);
    this.field("samples-caption").textContent = caption;
  }

  /** Shows x_t of the reverse process. */
  showStep(points: Float32Array, t: number, T: number): void {
    this.showSamples(points, `The reverse process at step t = ${t} of ${T}, from fresh noise.`);
  }

  /** Says which backend runs the model, and why it is not the first choice if it is not. */
  setBackend(backend: string, fallbackReason?: string): void {
    // The worker tries WebAssembly first, so a fallback means it could not start.
    const fallback = fallbackReason ? " (WebAssembly could not start, so training is slower)" : "";
    this.field("backend").textContent = `Backend: ${backend}${fallback}`;
    this.field("backend").title = fallbackReason ?? "";
  }

  /** Shows another target: its centres in the 2D samples view and its figures in the table,
   * or neither for null (the playground's picker changed or cleared its data). */
  setTarget(spec: ExampleSpec | null): void {
    this.samples.setTargets?.(spec?.data.means ?? []);
    const rows = spec ? spec.judge(new Float32Array(spec.data.dim)) : [];
    renderFigureRows(this.root.querySelector('[data-view="figures"]')!, rows);
  }

  /** Draws the canvases again in the page's current colours. */
  repaint(): void {
    this.samples.repaint();
  }

  /** The samples view as a plane, for 2D examples; null on the line. */
  get plane(): Scatter2D | null {
    return this.samples instanceof Scatter2D ? this.samples : null;
  }

  private renderFigures(figures: readonly Figure[], n: number): void {
    const rows = this.root.querySelectorAll<HTMLTableRowElement>('[data-view="figures"] tbody tr');
    rows.forEach((row, i) => {
      const figure = figures[i];
      row.querySelector('[data-cell="value"]')!.textContent = figure
        ? formatFigure(figure.value)
        : "—";
      const ok = row.querySelector<HTMLElement>('[data-cell="ok"]')!;
      ok.textContent = figure ? (figure.ok ? "✓ yes" : "✗ no") : "—";
      row.dataset.ok = figure ? String(figure.ok) : "";
    });
    this.field("figures-caption").textContent =
      figures.length === 0
        ? "Convergence: not measured yet"
        : n < CHECK_SAMPLES
          ? `Convergence, quick check on ${formatCount(n)} samples with looser tolerances`
          : `Convergence, measured on ${formatCount(n)} samples`;
  }
}
