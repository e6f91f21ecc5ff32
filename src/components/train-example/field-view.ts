/**
 * The denoising field of a trained 2D example beside the ideal one, at a step t the reader
 * picks with a slider, and the network's error against the ideal at every t, with t marked.
 */
import type { ExampleSpec } from "../../training/examples";
import { FIELD_EXTENT, type Field } from "../../training/field";
import { arrowUnit, cellSize, FieldPlot } from "../../viz/field-plot";
import { SeriesChart } from "../../viz/series-chart";
import { formatFigure } from "./run-view";

/** The field part of an island. */
export class FieldView {
  private readonly slider: HTMLInputElement;
  private readonly output: HTMLOutputElement;
  private readonly learned: FieldPlot;
  private readonly ideal: FieldPlot;
  private readonly error: SeriesChart;
  private field: Field | null = null;

  constructor(
    private readonly root: HTMLElement,
    spec: ExampleSpec,
  ) {
    this.slider = root.querySelector('input[type="range"]')!;
    this.output = root.querySelector("output")!;
    const view = (name: string) => root.querySelector<HTMLElement>(`[data-view="${name}"]`)!;
    const targets = spec.data.means;
    this.learned = new FieldPlot(view("field-learned"), "The trained network's field", targets);
    this.ideal = new FieldPlot(view("field-ideal"), "The ideal denoiser's field", targets);
    this.error = new SeriesChart(view("field-error"), {
      label: "The network's squared error against the ideal noise prediction at each step t",
      xTitle: "step t",
      yTitle: "error²",
    });
    this.slider.addEventListener("input", () => this.draw(this.slider.valueAsNumber));
  }

  /** Shows a field at a quarter of the chain, where the switch between modes is already sharp
   * and the arrows still span the plane. */
  open(field: Field): void {
    this.field = field;
    const T = field.learned.length;
    this.slider.max = String(T);
    this.root.hidden = false;
    this.draw(Math.max(1, Math.round(T / 4)));
  }

  /** Marks the centres of other data (the playground's picker changed it). */
  setTarget(spec: ExampleSpec): void {
    this.learned.setTargets(spec.data.means);
    this.ideal.setTargets(spec.data.means);
  }

  /** Hides the section (a new run is starting). */
  close(): void {
    this.field = null;
    this.root.hidden = true;
  }

  private draw(t: number): void {
    const field = this.field;
    if (!field) return;
    const T = field.learned.length;
    this.slider.value = String(t);
    const text = `t = ${t} of ${T}`;
    this.output.textContent = text;
    this.slider.setAttribute("aria-valuetext", text);
    const [learned, ideal] = [field.learned[t - 1]!, field.ideal[t - 1]!];
    const unit = arrowUnit(cellSize(field.size, FIELD_EXTENT), learned, ideal);
    this.learned.render(field.grid, learned, unit);
    this.ideal.render(field.grid, ideal, unit);
    const points = Array.from(field.excess, (v, i) => [i + 1, v] as const);
    this.error.render([{ name: "error", className: "error", points }], undefined, t);
    const at = field.excess[t - 1]!;
    this.root.querySelector('[data-field="field-error-caption"]')!.textContent =
      `The network's mean squared error against the ideal ε, per coordinate, over noisy points ` +
      `x_t ~ q(x_t), at each step t (log scale). At t = ${t} it is ${formatFigure(at)}: the ` +
      `training loss there is this much above the lowest any network can reach.`;
    this.root.dataset["t"] = String(t);
    this.root.dataset["error"] = String(at);
  }
}
