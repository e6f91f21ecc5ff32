/**
 * The sampler comparison of a trained example: the reader picks DDPM or DDIM and a number of
 * steps; the network's samples and the ideal denoiser's are drawn side by side with how they
 * fare against the example's targets, and every run is charted and tabled.
 */
import type { ExampleSpec } from "../../training/examples";
import type { PredictorName, SamplerName, SamplerRun } from "../../training/samplers";
import { SeriesChart, type Series } from "../../viz/series-chart";
import { samplesView, type SamplesView } from "./samples-view";

/** The chart's lines: network solid, ideal dashed; each sampler its colour. */
const LINES: readonly { predictor: PredictorName; sampler: SamplerName; name: string }[] = [
  { predictor: "learned", sampler: "ddpm", name: "DDPM, network" },
  { predictor: "learned", sampler: "ddim", name: "DDIM, network" },
  { predictor: "ideal", sampler: "ddpm", name: "DDPM, ideal" },
  { predictor: "ideal", sampler: "ddim", name: "DDIM, ideal" },
];

/** Who drives the sampler, as a caption says it. */
const WHO: Record<PredictorName, string> = {
  learned: "The trained network",
  ideal: "The ideal denoiser",
};

/** The comparison part of an island. */
export class SamplersView {
  private readonly sampler: HTMLSelectElement;
  private readonly steps: HTMLSelectElement;
  private readonly views: Record<PredictorName, SamplesView>;
  private readonly chart: SeriesChart;
  private runs: SamplerRun[] = [];

  constructor(
    private readonly root: HTMLElement,
    private spec: ExampleSpec,
  ) {
    this.sampler = root.querySelector('[data-field="sampler"]')!;
    this.steps = root.querySelector('[data-field="sampler-steps"]')!;
    const view = (name: string) => root.querySelector<HTMLElement>(`[data-view="${name}"]`)!;
    this.views = {
      learned: samplesView(view("sampler-learned"), spec, "Samples of the trained network"),
      ideal: samplesView(view("sampler-ideal"), spec, "Samples of the ideal denoiser"),
    };
    this.chart = new SeriesChart(view("sampler-chart"), {
      label: "Mean squared distance to the nearest centre against the number of sampling steps",
      xTitle: "sampling steps S",
      yTitle: "distance²",
      xLog: true,
    });
    for (const select of [this.sampler, this.steps])
      select.addEventListener("change", () => this.drawChoice());
  }

  /** Shows a sweep: the step counts to pick from, the chart, the table and the default pick,
   * DDPM on every step of the schedule (Algorithm 2 exactly). */
  open(runs: SamplerRun[]): void {
    this.runs = runs;
    const counts = [...new Set(runs.map((r) => r.steps))];
    this.steps.replaceChildren(
      ...counts.map((S) => new Option(String(S), String(S), false, S === counts.at(-1))),
    );
    this.sampler.value = "ddpm";
    this.root.hidden = false;
    this.drawChart();
    this.drawTable(counts);
    this.drawChoice();
  }

  /** Compares samplers on other data from now on (the playground's picker changed it). */
  setTarget(spec: ExampleSpec): void {
    this.spec = spec;
    for (const view of Object.values(this.views)) view.setTargets?.(spec.data.means);
  }

  /** Hides the section (a new run is starting). */
  close(): void {
    this.runs = [];
    this.root.hidden = true;
  }

  /** Draws the canvases again in the page's current colours. */
  repaint(): void {
    if (this.runs.length > 0) this.drawChoice();
  }

  private find(predictor: PredictorName, sampler: string, steps: number): SamplerRun | undefined {
    return this.runs.find(
      (r) => r.predictor === predictor && r.sampler === sampler && r.steps === steps,
    );
  }

  private drawChoice(): void {
    const steps = Number(this.steps.value);
    for (const predictor of ["learned", "ideal"] as const) {
      const run = this.find(predictor, this.sampler.value, steps);
      if (!run) continue;
      this.views[predictor].render(run.samples);
      const caption = this.root.querySelector(`[data-field="sampler-${predictor}-caption"]`)!;
      caption.textContent =
        `${WHO[predictor]}, ${run.sampler.toUpperCase()} in ${steps} steps: mean squared ` +
        `distance ${formatDistance(run.msd)}; ${verdict(run)}`;
    }
  }

  private drawChart(): void {
    const series: Series[] = LINES.map((line) => ({
      name: line.name,
      className: `${line.sampler} ${line.predictor}`,
      points: this.runs
        .filter((r) => r.predictor === line.predictor && r.sampler === line.sampler)
        .map((r) => [r.steps, r.msd] as const),
    }));
    this.chart.render(series, dataMsd(this.spec));
  }

  private drawTable(counts: readonly number[]): void {
    const rows = counts.map((steps) => {
      const row = document.createElement("tr");
      row.dataset["steps"] = String(steps);
      const head = document.createElement("th");
      head.scope = "row";
      head.textContent = String(steps);
      row.append(head);
      for (const line of LINES) {
        const run = this.find(line.predictor, line.sampler, steps)!;
        const ok = run.figures.every((f) => f.ok);
        const cell = document.createElement("td");
        cell.dataset["run"] = `${line.predictor}-${line.sampler}`;
        cell.dataset["ok"] = String(ok);
        cell.dataset["msd"] = String(run.msd);
        cell.textContent = `${formatDistance(run.msd, 2)} ${ok ? "✓" : "✗"}`;
        row.append(cell);
      }
      return row;
    });
    this.root.querySelector('[data-field="sampler-table"] tbody')!.replaceChildren(...rows);
  }
}

/** A distance in `digits` significant digits, short enough for a table cell on a phone:
 * "0.012", "4.6e-6", "1.2e4". */
function formatDistance(v: number, digits = 3): string {
  if (v >= 1e-3 && v < 1e3) return String(Number(v.toPrecision(digits)));
  return v.toExponential(digits - 1).replace("e+", "e");
}

/** Whether a run meets every target, and which it misses if not. */
function verdict(run: SamplerRun): string {
  const missed = run.figures.filter((f) => !f.ok);
  if (missed.length === 0) return `meets all ${run.figures.length} targets.`;
  return `misses ${missed.length} of ${run.figures.length} targets (${missed.map((f) => f.label).join(", ")}).`;
}

/** The data's own mean squared distance to its nearest centre: Σ_k w_k d σ_k² when the
 * components are far apart compared with their widths, as in the chapters' examples, and at
 * most that when they overlap (a point's nearest centre may then be a neighbour's). */
export function dataMsd(spec: ExampleSpec): number {
  const { dim, stds, weights } = spec.data;
  return weights.reduce((sum, w, k) => sum + w * dim * stds[k]! ** 2, 0);
}
