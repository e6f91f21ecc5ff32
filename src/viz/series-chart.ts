/**
 * A small chart of a few named series on a log-scaled y axis, for figures of one number per
 * setting: sample quality against the number of sampling steps, or the network's error
 * against the step t. Lines and dots in SVG; an optional dashed reference level and marker.
 */
import { scaleLinear, scaleLog } from "d3-scale";
import { line } from "d3-shape";
import { renderAxes } from "./axes";
import { createPanel, type Panel } from "./panel";
import { boxOf, type Frame } from "./scales";

/** The chart's frame. */
export const SERIES_FRAME: Frame = {
  width: 400,
  height: 250,
  margin: { top: 12, right: 16, bottom: 44, left: 58 },
};

/** One line: its points [x, y] and the class that styles it. */
export interface Series {
  readonly name: string;
  readonly className: string;
  readonly points: readonly (readonly [number, number])[];
}

/** What the chart shows besides its series. */
export interface SeriesChartOptions {
  readonly label: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly xLog?: boolean;
}

/** A chart drawn into a container. */
export class SeriesChart {
  private readonly panel: Panel;

  constructor(
    container: HTMLElement,
    private readonly options: SeriesChartOptions,
  ) {
    this.panel = createPanel(container, SERIES_FRAME, {
      label: options.label,
      className: "series-chart",
    });
  }

  /** Draws the series, a dashed level at `reference` and a vertical marker at `marker`. */
  render(series: readonly Series[], reference?: number, marker?: number): void {
    const b = boxOf(this.panel.frame);
    const xs = series.flatMap((s) => s.points.map((p) => p[0]));
    const ys = series.flatMap((s) => s.points.map((p) => p[1])).filter((v) => v > 0);
    if (reference !== undefined) ys.push(reference);
    const [x0, x1] = [Math.min(...xs, 1), Math.max(...xs, 2)];
    const x = (this.options.xLog ? scaleLog() : scaleLinear())
      .domain([x0, x1])
      .range([b.left, b.right]);
    const y = scaleLog()
      .domain(ys.length ? [Math.min(...ys), Math.max(...ys)] : [0.1, 1])
      .range([b.bottom, b.top])
      .nice();
    renderAxes(
      this.panel,
      {
        scale: x,
        ticks: 5,
        title: this.options.xTitle,
        ...(this.options.xLog ? { format: formatLogTick } : {}),
      },
      { scale: y, ticks: 4, title: this.options.yTitle, format: formatLogTick },
    );
    // Values at or below zero have no place on a log axis; they are clamped to its floor.
    const yOf = (v: number) => y(Math.max(v, y.domain()[0]!));
    const path = line<readonly [number, number]>()
      .x((p) => x(p[0]))
      .y((p) => yOf(p[1]));

    this.panel.marks
      .selectAll<SVGLineElement, number>("line.reference")
      .data(reference === undefined ? [] : [reference])
      .join("line")
      .attr("class", "reference")
      .attr("x1", b.left)
      .attr("x2", b.right)
      .attr("y1", yOf)
      .attr("y2", yOf);
    this.panel.marks
      .selectAll<SVGLineElement, number>("line.marker")
      .data(marker === undefined ? [] : [marker])
      .join("line")
      .attr("class", "marker")
      .attr("x1", (v) => x(v))
      .attr("x2", (v) => x(v))
      .attr("y1", b.top)
      .attr("y2", b.bottom);
    const groups = this.panel.marks
      .selectAll<SVGGElement, Series>("g.series")
      .data(series, (s) => s.name)
      .join("g")
      .attr("class", (s) => `series ${s.className}`);
    groups
      .selectAll<SVGPathElement, Series>("path")
      .data((s) => [s])
      .join("path")
      .attr("d", (s) => path(s.points) ?? "");
    groups
      .selectAll<SVGCircleElement, readonly [number, number]>("circle")
      .data((s) => s.points)
      .join("circle")
      .attr("r", 2.5)
      .attr("cx", (p) => x(p[0]))
      .attr("cy", (p) => yOf(p[1]));
  }
}

/** Log-axis labels at 1, 2 and 5 times a power of ten, short enough for a phone ("0.01",
 * "1e-5", "20"); the ticks between stay unlabelled. */
export function formatLogTick(v: number): string {
  const mantissa = v / 10 ** Math.floor(Math.log10(v) + 1e-9);
  if (![1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6)) return "";
  if (v >= 1e-3 && v < 1e4) return String(Number(v.toPrecision(3)));
  return v.toExponential(0).replace("+", "");
}
