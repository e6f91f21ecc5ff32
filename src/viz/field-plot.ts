/**
 * A denoising field: at each point of a grid, an arrow along -ε(x_t, t), the way a reverse
 * step moves a point there. Arrow lengths share one scale across the panels of a figure, so
 * the learned and the ideal field compare by eye; the data's centres are rings underneath.
 */
import { renderAxes } from "./axes";
import { createPanel, type Panel } from "./panel";
import { MANY_TARGETS } from "./scatter-2d";
import { planeScales, type Frame } from "./scales";

/** A field panel's frame: square, smaller than the samples view so two fit side by side. */
export const FIELD_FRAME: Frame = {
  width: 300,
  height: 300,
  margin: { top: 10, right: 10, bottom: 40, left: 44 },
};

/** The plane shown: the grid's square and a margin for the arrows leaving it. */
const FIELD_DOMAIN: readonly [number, number] = [-2.5, 2.5];

/** One arrow, in frame units. */
interface Arrow {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** A field drawn into a container. */
export class FieldPlot {
  private readonly panel: Panel;
  private readonly scales: ReturnType<typeof planeScales>;

  constructor(container: HTMLElement, label: string, targets: readonly (readonly number[])[]) {
    this.panel = createPanel(container, FIELD_FRAME, { label, className: "field-plot" });
    this.scales = planeScales(FIELD_FRAME, FIELD_DOMAIN);
    const { x, y } = this.scales;
    renderAxes(this.panel, { scale: x, ticks: 5, title: "x" }, { scale: y, ticks: 5, title: "y" });
    this.setTargets(targets);
  }

  /** Marks these centres [x, y] of the data, replacing the previous ones. */
  setTargets(targets: readonly (readonly number[])[]): void {
    const { x, y } = this.scales;
    this.panel.marks
      .selectAll("circle.target")
      .data(targets)
      .join("circle")
      .attr("class", "target")
      .attr("r", targets.length > MANY_TARGETS ? 2 : 5)
      .attr("cx", (c) => x(c[0]!))
      .attr("cy", (c) => y(c[1]!));
  }

  /**
   * Draws arrows from each grid point along -ε, `unit` frame units long per unit of |ε|.
   * @param grid points [n, 2]; @param eps ε at each, [n, 2]
   */
  render(grid: Float32Array, eps: Float32Array, unit: number): void {
    const { x, y } = this.scales;
    const arrows: Arrow[] = [];
    for (let i = 0; i < grid.length / 2; i++) {
      const [px, py] = [x(grid[2 * i]!), y(grid[2 * i + 1]!)];
      // Frame y grows downwards, so the plane's -ε_y is +ε_y on screen.
      arrows.push({ x1: px, y1: py, x2: px - unit * eps[2 * i]!, y2: py + unit * eps[2 * i + 1]! });
    }
    this.panel.marks
      .selectAll<SVGLineElement, Arrow>("line.arrow")
      .data(arrows)
      .join("line")
      .attr("class", "arrow")
      .attr("x1", (a) => a.x1)
      .attr("y1", (a) => a.y1)
      .attr("x2", (a) => a.x2)
      .attr("y2", (a) => a.y2);
    this.panel.marks
      .selectAll<SVGCircleElement, Arrow>("circle.tip")
      .data(arrows)
      .join("circle")
      .attr("class", "tip")
      .attr("r", 1.6)
      .attr("cx", (a) => a.x2)
      .attr("cy", (a) => a.y2);
  }
}

/** Frame units per unit of |ε| so that the longest arrow of either field spans `cell` units. */
export function arrowUnit(cell: number, ...fields: Float32Array[]): number {
  let longest = 0;
  for (const eps of fields)
    for (let i = 0; i < eps.length / 2; i++)
      longest = Math.max(longest, Math.hypot(eps[2 * i]!, eps[2 * i + 1]!));
  return longest > 0 ? cell / longest : 0;
}

/** The frame-unit distance between neighbouring grid points for a grid of `size` per side. */
export function cellSize(size: number, extent: number): number {
  const { x } = planeScales(FIELD_FRAME, FIELD_DOMAIN);
  return ((x(extent) - x(-extent)) / (size - 1)) * 0.9;
}
