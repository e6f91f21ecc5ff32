/**
 * The drawing area: an SVG square over [-EXTENT, EXTENT]² on which the reader presses and drags,
 * with a mouse, a pen or a finger, to lay down points. A stroke adds a point wherever the
 * pointer has moved DRAWN_SPACING from the last one, so a slow and a fast stroke give the same
 * points, and a click gives one. Drawing only; the picker decides what the points mean.
 */
import { select, type Selection } from "d3-selection";
import { DRAWN_SPACING, EXTENT } from "../../ddpm/datasets";

/** Most points a drawing may hold: each is a component that every training step samples from
 * and every check measures against, and a few hundred already fill the square with strokes. */
export const MAX_DRAWN = 300;

type Layer = Selection<SVGGElement, unknown, null, undefined>;

/** A point as data: [x, y], y up. */
type Point = readonly [number, number];

/** The pad inside one picker. */
export class DrawPad {
  /** The points drawn so far, in drawing order. */
  readonly points: Point[] = [];
  /** Whether strokes are taken; off while the island trains on the points already drawn. */
  enabled = true;
  private readonly guide: Layer;
  private readonly dots: Layer;
  private drawing: number | null = null;

  /**
   * @param svg the server-rendered square, its viewBox the data's extent with y down
   * @param stroked called when a stroke ends, with the points as they now are
   */
  constructor(
    private readonly svg: SVGSVGElement,
    private readonly stroked: (points: readonly Point[]) => void,
  ) {
    const root = select(svg);
    this.guide = root.append("g").attr("class", "guide").attr("aria-hidden", "true");
    this.dots = root.append("g").attr("class", "drawn").attr("aria-hidden", "true");
    svg.addEventListener("pointerdown", (event) => this.start(event));
    svg.addEventListener("pointermove", (event) => this.move(event));
    svg.addEventListener("pointerup", (event) => this.end(event));
    svg.addEventListener("pointercancel", (event) => this.end(event));
  }

  /** Forgets every point. */
  clear(): void {
    this.points.length = 0;
    this.render();
  }

  /** Shows centres [x, y] faintly under the drawing: the named dataset now chosen, or none. */
  showGuide(means: readonly (readonly number[])[]): void {
    this.guide
      .selectAll("circle")
      .data(means)
      .join("circle")
      .attr("r", 0.025)
      .attr("cx", (m) => m[0]!)
      .attr("cy", (m) => -m[1]!);
  }

  private start(event: PointerEvent): void {
    if (!this.enabled || event.button !== 0 || this.drawing !== null) return;
    event.preventDefault();
    this.svg.setPointerCapture(event.pointerId);
    this.drawing = event.pointerId;
    this.add(this.toData(event), true);
  }

  private move(event: PointerEvent): void {
    if (event.pointerId !== this.drawing) return;
    // Coalesced events carry the positions between two frames, so a fast stroke has no gaps.
    for (const e of event.getCoalescedEvents?.() ?? [event]) this.add(this.toData(e), false);
  }

  private end(event: PointerEvent): void {
    if (event.pointerId !== this.drawing) return;
    this.drawing = null;
    this.stroked(this.points);
  }

  /** Adds p if it is inside the square and, within a stroke, far enough from the last point. */
  private add(p: Point, first: boolean): void {
    if (this.points.length >= MAX_DRAWN) return;
    if (Math.abs(p[0]) > EXTENT || Math.abs(p[1]) > EXTENT) return;
    const last = this.points.at(-1);
    if (!first && last && Math.hypot(p[0] - last[0], p[1] - last[1]) < DRAWN_SPACING) return;
    this.points.push(p);
    this.render();
  }

  /** The pointer's position in data units, from the square's box on screen. */
  private toData(event: PointerEvent): Point {
    const box = this.svg.getBoundingClientRect();
    const u = (event.clientX - box.left) / box.width;
    const v = (event.clientY - box.top) / box.height;
    const round = (c: number) => Math.round(c * 1000) / 1000;
    return [round((2 * u - 1) * EXTENT), round((1 - 2 * v) * EXTENT)];
  }

  private render(): void {
    this.dots
      .selectAll("circle")
      .data(this.points)
      .join("circle")
      .attr("r", 0.03)
      .attr("cx", (p) => p[0])
      .attr("cy", (p) => -p[1]);
  }
}
