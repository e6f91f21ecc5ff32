/**
 * Samples in the plane: the points on a canvas, axes and the target's centres (rings) in SVG
 * on top. Used for the live samples while training and for every step of the reverse process.
 */
import { renderAxes } from "./axes";
import { cssColour, drawDots, fitCanvas } from "./canvas";
import { createPanel, type Group, type Panel } from "./panel";
import { planeScales, type Frame } from "./scales";
import { renderTrack, type Track } from "./track";

/** The main scatter's frame: a square plot area. */
export const SCATTER_FRAME: Frame = {
  width: 340,
  height: 340,
  margin: { top: 12, right: 14, bottom: 44, left: 48 },
};

/** Radius of a target ring, in frame units: the target's spread (0.01) is far below a pixel,
 * so the ring marks where samples should land rather than how wide they should be. */
const RING_RADIUS = 7;

/** Above this many centres (the playground's curves), rings of RING_RADIUS would merge into a
 * thick band hiding the samples, so each centre is marked by a small ring instead. */
export const MANY_TARGETS = 12;
const SMALL_RING_RADIUS = 2.5;

/** Options of a scatter. */
export interface ScatterOptions {
  /** Centres of the target's components, each [x, y]. */
  readonly targets: readonly (readonly number[])[];
  readonly label: string;
  readonly frame?: Frame;
  /** Draw tick labels and titles (small multiples leave them to the caption). */
  readonly axes?: boolean;
  readonly dotRadius?: number;
}

/** A 2D scatter of samples over the target. */
export class Scatter2D {
  private readonly panel: Panel;
  private readonly context: CanvasRenderingContext2D;
  private readonly scales: ReturnType<typeof planeScales>;
  private readonly dotRadius: number;
  private points: Float32Array = new Float32Array(0);
  /** Made on first use, above the target rings. */
  private trackLayer: Group | null = null;

  constructor(container: HTMLElement, options: ScatterOptions) {
    const f = options.frame ?? SCATTER_FRAME;
    this.panel = createPanel(container, f, {
      label: options.label,
      canvas: true,
      className: "scatter",
    });
    this.context = fitCanvas(this.panel.canvas!, f);
    this.scales = planeScales(f);
    this.dotRadius = options.dotRadius ?? 1.6;
    const { x, y } = this.scales;
    if (options.axes ?? true)
      renderAxes(
        this.panel,
        { scale: x, ticks: 6, title: "x" },
        { scale: y, ticks: 6, title: "y" },
      );

    this.setTargets(options.targets);
  }

  /** Marks these centres [x, y] as the target, replacing the previous ones. */
  setTargets(targets: readonly (readonly number[])[]): void {
    const { x, y } = this.scales;
    this.panel.marks
      .selectAll<SVGCircleElement, readonly number[]>("circle.target")
      .data(targets)
      .join("circle")
      .attr("class", "target")
      .attr("r", targets.length > MANY_TARGETS ? SMALL_RING_RADIUS : RING_RADIUS)
      .attr("cx", (c) => x(c[0]!))
      .attr("cy", (c) => y(c[1]!));
  }

  /** Draws samples [n, 2] row-major, replacing the previous ones. */
  render(points: Float32Array): void {
    this.points = points;
    const { x, y } = this.scales;
    drawDots(
      this.context,
      this.panel.frame,
      points.length / 2,
      (i) => x(points[2 * i]!),
      (i) => y(points[2 * i + 1]!),
      cssColour(this.panel.canvas!),
      { radius: this.dotRadius, opacity: 0.55 },
    );
  }

  /** Draws the same points again, in the colours the page now has (after a theme switch). */
  repaint(): void {
    this.render(this.points);
  }

  /** Draws one followed sample over the points, or removes it for null. */
  track(track: Track | null): void {
    this.trackLayer ??= this.panel.marks.append("g").attr("class", "track");
    renderTrack(this.trackLayer, this.scales, track);
  }

  /** The index of the drawn point nearest to a click or tap, if one is within reach. */
  pick(event: MouseEvent): number | null {
    const box = this.panel.svg.node()!.getBoundingClientRect();
    const f = this.panel.frame;
    const fx = ((event.clientX - box.left) * f.width) / box.width;
    const fy = ((event.clientY - box.top) * f.height) / box.height;
    const { x, y } = this.scales;
    let best: number | null = null;
    let bestDist = PICK_RADIUS ** 2;
    for (let i = 0; i < this.points.length / 2; i++) {
      const d = (x(this.points[2 * i]!) - fx) ** 2 + (y(this.points[2 * i + 1]!) - fy) ** 2;
      if (d < bestDist) [best, bestDist] = [i, d];
    }
    return best;
  }

  /** The element that receives clicks on the plot. */
  get target(): Element {
    return this.panel.svg.node()!;
  }
}

/** How far from a point a click may land and still pick it, in frame units. */
const PICK_RADIUS = 12;
