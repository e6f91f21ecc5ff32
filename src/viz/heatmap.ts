/**
 * The loss per step t above the ideal denoiser's, over training: one column per check, step
 * t up, colour on a log scale. Cells on a canvas, axes and the colour key in SVG on top.
 */
import { scaleLinear, scaleLog } from "d3-scale";
import { renderAxes } from "./axes";
import { fitCanvas } from "./canvas";
import { formatStep } from "./loss-chart";
import { createPanel, type Panel } from "./panel";
import { boxOf, type Frame } from "./scales";
import { formatLogTick } from "./series-chart";

/** The heatmap's frame: the loss chart's size, with room on the right for the key. */
export const HEATMAP_FRAME: Frame = {
  width: 400,
  height: 240,
  margin: { top: 12, right: 62, bottom: 44, left: 58 },
};

/** The colour key's range, fixed so that a colour means the same value all run long: a fresh
 * network sits near 1, a well-trained one goes below 10⁻³. */
export const EXCESS_DOMAIN: readonly [number, number] = [1e-4, 1];

/** Dark to light through a blue-green, readable on both themes' backgrounds. */
const colour = scaleLog<string>()
  .domain([EXCESS_DOMAIN[0], Math.sqrt(EXCESS_DOMAIN[0] * EXCESS_DOMAIN[1]), EXCESS_DOMAIN[1]])
  .range(["#2c1a5e", "#21908d", "#f3e43a"])
  .clamp(true);

/** The x axis never spans fewer steps than this, like the loss chart's. */
const MIN_HEATMAP_STEPS = 100;

/** Gradients made so far: each key's needs an id unique in the page. */
let keys = 0;

/** One column: the training step of the probe and the excess at t = 1 … T. */
export interface HeatColumn {
  readonly step: number;
  readonly values: Float32Array;
}

/** A heatmap drawn into a container. */
export class ExcessHeatmap {
  private readonly panel: Panel;
  private readonly context: CanvasRenderingContext2D;

  constructor(container: HTMLElement) {
    this.panel = createPanel(container, HEATMAP_FRAME, {
      label: "Loss above the ideal denoiser's at each step t, over training, colour on a log scale",
      canvas: true,
      className: "heatmap",
    });
    this.context = fitCanvas(this.panel.canvas!, HEATMAP_FRAME);
    this.renderKey();
    this.render([], 1);
  }

  /** Draws every column; the x axis spans the run's steps so far, as the loss chart's does. */
  render(columns: readonly HeatColumn[], T: number): void {
    const f = this.panel.frame;
    const b = boxOf(f);
    const last = columns.at(-1)?.step ?? 0;
    const x = scaleLinear()
      .domain([0, Math.max(last, MIN_HEATMAP_STEPS)])
      .range([b.left, b.right])
      .nice();
    const y = scaleLinear()
      .domain([0.5, T + 0.5])
      .range([b.bottom, b.top]);
    renderAxes(
      this.panel,
      { scale: x, ticks: 5, title: "training step", format: formatStep },
      {
        scale: y,
        ticks: Math.min(T, 5),
        title: "t",
        format: (v) => (Number.isInteger(v) ? String(v) : ""),
      },
    );
    // For scripts and tests: how many probes, and the mean excess of the first and the last.
    this.panel.svg
      .attr("data-columns", columns.length)
      .attr("data-first", columns.length ? mean(columns[0]!.values) : null)
      .attr("data-latest", columns.length ? mean(columns.at(-1)!.values) : null);

    const c = this.context;
    c.clearRect(0, 0, f.width, f.height);
    const rowHeight = (b.bottom - b.top) / T;
    columns.forEach((column, k) => {
      // Each column covers the steps since the previous probe.
      const from = x(k === 0 ? 0 : columns[k - 1]!.step);
      const width = Math.max(1, x(column.step) - from);
      column.values.forEach((value, i) => {
        c.fillStyle = colour(Math.max(value, EXCESS_DOMAIN[0]));
        c.fillRect(from, b.bottom - (i + 1) * rowHeight, width + 0.5, rowHeight + 0.5);
      });
    });
  }

  /** The colour key at the right: a gradient bar with three labelled values. */
  private renderKey(): void {
    const f = this.panel.frame;
    const b = boxOf(f);
    const id = `excess-key-${++keys}`;
    const key = this.panel.marks.append("g").attr("class", "key");
    const gradient = key
      .append("defs")
      .append("linearGradient")
      .attr("id", id)
      .attr("x1", 0)
      .attr("x2", 0)
      .attr("y1", 1)
      .attr("y2", 0);
    const ticks = [1e-4, 1e-3, 1e-2, 1e-1, 1];
    ticks.forEach((v, i) =>
      gradient
        .append("stop")
        .attr("offset", i / (ticks.length - 1))
        .attr("stop-color", colour(v)),
    );
    const left = b.right + 10;
    const y = scaleLog().domain(EXCESS_DOMAIN).range([b.bottom, b.top]);
    key
      .append("rect")
      .attr("x", left)
      .attr("y", b.top)
      .attr("width", 10)
      .attr("height", b.bottom - b.top)
      .attr("fill", `url(#${id})`);
    key
      .selectAll("text")
      .data([1e-4, 1e-2, 1])
      .join("text")
      .attr("x", left + 14)
      .attr("y", (v) => y(v))
      .attr("dy", "0.35em")
      .text(formatLogTick);
  }
}

/** The mean of a column's values. */
function mean(values: Float32Array): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
