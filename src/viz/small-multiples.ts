/**
 * The reverse process at a few chosen steps, side by side, like the seed's scatter plots at
 * noise scales 10, 5 and 0: 2D samples as a scatter, 1D samples as a jittered column, every
 * panel on the same [-3, 3] range so the shrinking cloud compares at a glance.
 */
import { select } from "d3-selection";
import { renderAxes } from "./axes";
import { cssColour, drawDots, fitCanvas, jitter } from "./canvas";
import { createPanel, type Panel } from "./panel";
import { boxOf, planeScales, type Frame } from "./scales";

/** One small panel's frame. */
export const SMALL_FRAME: Frame = {
  width: 160,
  height: 160,
  margin: { top: 6, right: 8, bottom: 22, left: 26 },
};

/** One panel: the step it shows and x_t there, [n, dim] row-major. */
export interface Multiple {
  readonly t: number;
  readonly points: Float32Array;
}

/** The steps to show for a chain of T steps: T, half, a quarter and 0, without repeats. */
export function multipleSteps(T: number): number[] {
  return [...new Set([T, Math.round(T / 2), Math.round(T / 4), 0])];
}

/** A row of small panels. */
export class SmallMultiples {
  private panels = new Map<HTMLElement, Panel>();

  constructor(
    private readonly container: HTMLElement,
    private readonly dim: number,
  ) {}

  /** Draws one panel per multiple, in order, reusing the panels already there. */
  render(multiples: readonly Multiple[], T: number): void {
    const dim = this.dim;
    const figures = select(this.container)
      .selectAll<HTMLElement, Multiple>("figure")
      .data(multiples)
      .join((enter) => {
        const figure = enter.append("figure");
        figure.append("div").attr("class", "plot");
        figure.append("figcaption");
        return figure;
      });
    figures.select("figcaption").text((m) => caption(m.t, T));
    figures.each((m, i, nodes) => {
      const figure = nodes[i]!;
      let panel = this.panels.get(figure);
      if (!panel) {
        panel = createPanel(figure.querySelector<HTMLElement>(".plot")!, SMALL_FRAME, {
          label: "",
          canvas: true,
          className: "small",
        });
        const { x, y } = planeScales(SMALL_FRAME);
        const xSpec =
          dim === 2 ? { scale: x, ticks: 3, title: "" } : { scale: x, ticks: 0, title: "" };
        renderAxes(panel, xSpec, { scale: y, ticks: 3, title: "" });
        this.panels.set(figure, panel);
      }
      panel.svg.attr("aria-label", `Samples x_t at step t = ${m.t}`);
      draw(panel, m.points, dim);
    });
  }

  /** Draws every panel again, in the colours the page now has. */
  repaint(multiples: readonly Multiple[]): void {
    [...this.panels.values()].forEach((panel, i) => {
      const m = multiples[i];
      if (m) draw(panel, m.points, this.dim);
    });
  }
}

/** The panel's dots: a scatter in 2D; in 1D a column with the value up, as the seed plots it. */
function draw(panel: Panel, points: Float32Array, dim: number): void {
  const f = panel.frame;
  const { x, y } = planeScales(f);
  const context = fitCanvas(panel.canvas!, f);
  const colour = cssColour(panel.canvas!);
  const style = { radius: 1.2, opacity: 0.5 };
  if (dim === 2) {
    drawDots(
      context,
      f,
      points.length / 2,
      (i) => x(points[2 * i]!),
      (i) => y(points[2 * i + 1]!),
      colour,
      style,
    );
    return;
  }
  const b = boxOf(f);
  const mid = (b.left + b.right) / 2;
  const spread = (b.right - b.left) / 2 - 6;
  drawDots(
    context,
    f,
    points.length,
    (i) => mid + spread * jitter(i),
    (i) => y(points[i]!),
    colour,
    style,
  );
}

/** "t = 50 · noise" at the start of the chain, "t = 0 · samples" at its end. */
function caption(t: number, T: number): string {
  if (t === T) return `t = ${t} · noise`;
  if (t === 0) return "t = 0 · samples";
  return `t = ${t}`;
}
