/**
 * The training-loss chart: step across, loss on a log scale up, the raw losses as faint dots
 * and their moving average as a line, like the seed's training-loss curve.
 */
import { line } from "d3-shape";
import { renderAxes } from "./axes";
import type { LossPoint, LossSeries } from "./loss-series";
import { createPanel, type Panel } from "./panel";
import { lossScales, type Frame } from "./scales";

/** The chart's frame: wide and short, with room for tick labels like "0.001". */
export const LOSS_FRAME: Frame = {
  width: 400,
  height: 240,
  margin: { top: 12, right: 16, bottom: 44, left: 58 },
};

/** Raw losses drawn at most: beyond this the faint dots only blur into a band, and each
 * is an SVG node. */
export const MAX_RAW_POINTS = 400;

/** Points of the smoothed line at most; it is smooth, so thinning it costs nothing visible. */
const MAX_LINE_POINTS = 600;

/** A loss chart drawn into a container. */
export class LossChart {
  private readonly panel: Panel;

  constructor(container: HTMLElement) {
    this.panel = createPanel(container, LOSS_FRAME, {
      label: "Training loss against step, on a logarithmic scale",
      className: "loss-chart",
    });
    this.render(null);
  }

  /** Draws the series as it stands; an empty series leaves only the axes. */
  render(series: LossSeries | null): void {
    const f = this.panel.frame;
    const extent = series?.extent() ?? null;
    const { x, y } = lossScales(f, series?.lastStep ?? 0, extent);
    renderAxes(
      this.panel,
      { scale: x, ticks: 5, title: "step", format: formatStep },
      { scale: y, ticks: 4, title: "loss", format: formatLoss },
    );

    const raw = series?.thinned(MAX_RAW_POINTS) ?? [];
    const smooth = series?.thinned(MAX_LINE_POINTS) ?? [];
    this.panel.svg.attr("data-points", raw.length);

    this.panel.marks
      .selectAll<SVGCircleElement, LossPoint>("circle.raw")
      .data(raw)
      .join("circle")
      .attr("class", "raw")
      .attr("r", 1.6)
      .attr("cx", (p) => x(p.step))
      .attr("cy", (p) => y(p.loss));

    const path = line<LossPoint>()
      .x((p) => x(p.step))
      .y((p) => y(p.smooth));
    this.panel.marks
      .selectAll<SVGPathElement, LossPoint[]>("path.smooth")
      .data(smooth.length > 1 ? [smooth] : [])
      .join("path")
      .attr("class", "smooth")
      .attr("d", (points) => path(points) ?? "");
  }
}

/** Steps as "5k" once they pass a thousand, so tick labels stay short on a phone. */
export function formatStep(step: number): string {
  return step >= 1000 ? `${step / 1000}k` : String(step);
}

/** Losses as plain decimals from 0.001 to 1000, as powers of ten ("1e-5", "1e8") outside, so a
 * diverging run's labels stay short. */
function formatLoss(loss: number): string {
  // Only the decades are labelled: the log scale's in-between ticks would crowd the axis.
  const decade = Math.log10(loss);
  if (Math.abs(decade - Math.round(decade)) > 1e-9) return "";
  return Math.abs(decade) <= 3 ? String(Number(loss.toPrecision(1))) : `1e${Math.round(decade)}`;
}
