/**
 * The layered skeleton every figure of a trained example shares: an optional canvas for dense
 * points at the bottom, then one SVG holding grid, axes and marks in their own groups, each
 * group drawn by its own function (STYLE.md guideline 13).
 */
import { select, type Selection } from "d3-selection";
import type { Frame } from "./scales";

/** An SVG group, as d3 selects it. */
export type Group = Selection<SVGGElement, unknown, null, undefined>;

/** The layers of one panel. */
export interface Panel {
  readonly frame: Frame;
  readonly root: HTMLDivElement;
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** Present when the panel draws dense points. */
  readonly canvas: HTMLCanvasElement | null;
  readonly grid: Group;
  readonly xAxis: Group;
  readonly yAxis: Group;
  /** Marks drawn over the canvas: lines, rings, bars. */
  readonly marks: Group;
}

/** Options of `createPanel`. */
export interface PanelOptions {
  /** What the figure shows, for screen readers (the SVG is an image with this name). */
  readonly label: string;
  readonly canvas?: boolean;
  /** A class on the panel's root, for styling. */
  readonly className?: string;
}

/**
 * Builds a panel inside `container`, replacing what the server rendered there. The root keeps
 * the frame's aspect ratio, so the canvas and the SVG scale together and stay aligned.
 */
export function createPanel(container: HTMLElement, f: Frame, options: PanelOptions): Panel {
  const root = document.createElement("div");
  root.className = `viz-panel ${options.className ?? ""}`.trim();
  root.style.aspectRatio = `${f.width} / ${f.height}`;

  let canvas: HTMLCanvasElement | null = null;
  if (options.canvas) {
    canvas = document.createElement("canvas");
    canvas.setAttribute("aria-hidden", "true");
    root.append(canvas);
  }

  const svg = select(root)
    .append("svg")
    .attr("viewBox", `0 0 ${f.width} ${f.height}`)
    .attr("role", "img")
    .attr("aria-label", options.label);
  const layer = (name: string) => svg.append("g").attr("class", name).attr("aria-hidden", "true");
  const panel: Panel = {
    frame: f,
    root,
    svg,
    canvas,
    grid: layer("grid"),
    xAxis: layer("axis x"),
    yAxis: layer("axis y"),
    marks: layer("marks"),
  };
  container.replaceChildren(root);
  return panel;
}

/** Sets an axis title; the part after "_" becomes a subscript, so "x_t" reads as xₜ. */
export function axisTitle(axis: Group, text: string, x: number, y: number, rotate = false): void {
  const [main = "", sub] = text.split("_");
  const title = axis
    .selectAll<SVGTextElement, string>("text.axis-title")
    .data([main])
    .join("text")
    .attr("class", "axis-title")
    .attr("text-anchor", "middle")
    .attr("transform", `translate(${x} ${y})${rotate ? " rotate(-90)" : ""}`)
    .text((d) => d);
  if (sub) title.append("tspan").attr("class", "sub").attr("dy", "0.3em").text(sub);
}
