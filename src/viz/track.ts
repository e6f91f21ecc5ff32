/**
 * One sample followed through the reverse process, drawn over a scatter: its path from x_T to
 * x_0, where it is now, and two arrows from there: the network's step μ_θ(x_t, t) and the true
 * posterior mean E[x_{t-1} | x_t], the step the ideal denoiser would take.
 */
import type { Group } from "./panel";
import type { planeScales } from "./scales";

/** A point of the plane [x, y]. */
export type Point = readonly [number, number];

/** What to draw of the followed sample. */
export interface Track {
  /** x_T, …, x_0 of the sample. */
  readonly path: readonly Point[];
  /** x_t, the sample at the step on show. */
  readonly here: Point;
  /** The means of its next step, when there is one (t ≥ 1). */
  readonly model?: Point;
  readonly ideal?: Point;
}

/** The plane's scales, as the scatter uses them. */
type PlaneScales = ReturnType<typeof planeScales>;

/** Draws `track` into `group`, or clears the group for null. */
export function renderTrack(group: Group, { x, y }: PlaneScales, track: Track | null): void {
  const at = (p: Point) => `${x(p[0])},${y(p[1])}`;
  group
    .selectAll<SVGPolylineElement, Track>("polyline.track-path")
    .data(track ? [track] : [])
    .join("polyline")
    .attr("class", "track-path")
    .attr("points", (d) => d.path.map(at).join(" "));
  const steps = track
    ? (["model", "ideal"] as const).flatMap((kind) =>
        track[kind] ? [{ kind, from: track.here, to: track[kind]! }] : [],
      )
    : [];
  group
    .selectAll<SVGLineElement, (typeof steps)[number]>("line.track-step")
    .data(steps, (d) => d.kind)
    .join("line")
    .attr("class", (d) => `track-step ${d.kind}`)
    .attr("x1", (d) => x(d.from[0]))
    .attr("y1", (d) => y(d.from[1]))
    .attr("x2", (d) => x(d.to[0]))
    .attr("y2", (d) => y(d.to[1]));
  group
    .selectAll<SVGCircleElement, Point>("circle.track-here")
    .data(track ? [track.here] : [])
    .join("circle")
    .attr("class", "track-here")
    .attr("r", 4)
    .attr("cx", (p) => x(p[0]))
    .attr("cy", (p) => y(p[1]));
}
