/**
 * Axes and grid lines of a panel, each in its own group, redrawn when a scale's domain changes.
 */
import { axisBottom, axisLeft, type AxisScale } from "d3-axis";
import { axisTitle, type Panel } from "./panel";
import { boxOf } from "./scales";

/** A scale an axis can draw, with the ticks it suggests. */
interface TickScale extends AxisScale<number> {
  ticks(count?: number): number[];
  tickFormat(count?: number): (value: number) => string;
}

/** What to draw along one axis. */
export interface AxisSpec {
  readonly scale: TickScale;
  readonly ticks: number;
  readonly title: string;
  readonly format?: (value: number) => string;
}

/** Space between the plot area and an axis title, in frame units. */
const TITLE_GAP = 30;

/** Draws the x axis, the y axis unless it is null (a strip has none), their titles, and
 * light grid lines behind the marks. */
export function renderAxes(panel: Panel, x: AxisSpec, y: AxisSpec | null): void {
  const b = boxOf(panel.frame);
  const xValues = x.scale.ticks(x.ticks);
  const yValues = y ? y.scale.ticks(y.ticks) : [];
  // Formats matched to the tick count: the scale's default assumes ten ticks and would write
  // "-3.0" where "-3" is meant.
  const xFormat = x.format ?? x.scale.tickFormat(x.ticks);
  const yFormat = y ? (y.format ?? y.scale.tickFormat(y.ticks)) : String;
  const bottom = axisBottom(x.scale).tickValues(xValues).tickSizeOuter(0);
  bottom.tickFormat((v) => xFormat(Number(v)));
  panel.xAxis.attr("transform", `translate(0 ${b.bottom})`).call(bottom);
  axisTitle(panel.xAxis, x.title, (b.left + b.right) / 2, TITLE_GAP);
  if (y) {
    const left = axisLeft(y.scale).tickValues(yValues).tickSizeOuter(0);
    left.tickFormat((v) => yFormat(Number(v)));
    panel.yAxis.attr("transform", `translate(${b.left} 0)`).call(left);
    axisTitle(panel.yAxis, y.title, -b.left + 12, (b.top + b.bottom) / 2, true);
  }

  // Grid lines only where a label is: a log axis leaves its in-between ticks unlabelled.
  panel.grid
    .selectAll<SVGLineElement, number>("line.h")
    .data(yValues.filter((v) => yFormat(v) !== ""))
    .join("line")
    .attr("class", "h")
    .attr("x1", b.left)
    .attr("x2", b.right)
    .attr("y1", (v) => y?.scale(v) ?? 0)
    .attr("y2", (v) => y?.scale(v) ?? 0);
  panel.grid
    .selectAll<SVGLineElement, number>("line.v")
    .data(xValues)
    .join("line")
    .attr("class", "v")
    .attr("y1", b.top)
    .attr("y2", b.bottom)
    .attr("x1", (v) => x.scale(v) ?? 0)
    .attr("x2", (v) => x.scale(v) ?? 0);
}
