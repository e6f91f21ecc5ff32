/**
 * Frames and scales of the trained examples' figures. Pure functions of a domain and a frame,
 * so every panel that shows the same values places them the same way.
 */
import { scaleLinear, scaleLog, type ScaleLinear, type ScaleLogarithmic } from "d3-scale";

/** Size of a panel in its own units (viewBox and canvas alike), and the margins for axes. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly margin: {
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    readonly left: number;
  };
}

/** The plot area of a frame: where data may be drawn. */
export interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Values the sample views show, as the seed's scatter plots do: [-3, 3] on every axis. */
export const VALUE_DOMAIN: readonly [number, number] = [-3, 3];

/** The plot area inside a frame's margins. */
export function boxOf(f: Frame): Box {
  return {
    left: f.margin.left,
    right: f.width - f.margin.right,
    top: f.margin.top,
    bottom: f.height - f.margin.bottom,
  };
}

/** Scales of a square-ish plane: first coordinate across, second up. */
export function planeScales(f: Frame, domain: readonly [number, number] = VALUE_DOMAIN) {
  const b = boxOf(f);
  return {
    x: scaleLinear().domain(domain).range([b.left, b.right]),
    y: scaleLinear().domain(domain).range([b.bottom, b.top]),
  };
}

/** The loss chart's scales: step across (linear), loss up (logarithmic, rounded outwards).
 * @param lastStep the latest step drawn; the axis grows with the run
 * @param lossExtent smallest and largest positive loss, or null before the first one */
export function lossScales(
  f: Frame,
  lastStep: number,
  lossExtent: readonly [number, number] | null,
): { x: ScaleLinear<number, number>; y: ScaleLogarithmic<number, number> } {
  const b = boxOf(f);
  // Before any loss, show one decade around 1, where a fresh network starts.
  const [lo, hi] = lossExtent ?? [0.1, 1];
  // A flat run would give an empty domain; widen it so the log scale stays defined.
  const domain: [number, number] = lo === hi ? [lo / 2, hi * 2] : [lo, hi];
  return {
    x: scaleLinear()
      .domain([0, Math.max(lastStep, MIN_LOSS_STEPS)])
      .range([b.left, b.right])
      .nice(),
    y: scaleLog().domain(domain).range([b.bottom, b.top]).nice(),
  };
}

/** The loss chart's x axis never spans fewer steps than this, so the first points sit left. */
const MIN_LOSS_STEPS = 100;

/** A horizontal value axis across a frame's plot area (the 1D strip). */
export function valueScale(f: Frame, domain: readonly [number, number] = VALUE_DOMAIN) {
  const b = boxOf(f);
  return scaleLinear().domain(domain).range([b.left, b.right]);
}

/** A histogram's scales: value across the window, density up from 0 to `maxDensity`. */
export function histogramScales(f: Frame, window: readonly [number, number], maxDensity: number) {
  const b = boxOf(f);
  return {
    x: scaleLinear().domain(window).range([b.left, b.right]),
    y: scaleLinear().domain([0, maxDensity]).range([b.bottom, b.top]).nice(),
  };
}
