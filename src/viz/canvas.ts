/**
 * Canvas helpers for dense point clouds. Thousands of SVG circles would each be a DOM node to
 * lay out and style; on a canvas the 2,000 samples of a frame are one path and one fill.
 */
import { boxOf, type Frame } from "./scales";

/** Backing-store pixels per frame unit, at most: enough for a phone's screen, no more. */
export const MAX_PIXEL_RATIO = 2;

/** Where a dot goes, in frame units, for row i of a point set. */
export type Place = (i: number) => number;

/** Dot styling: radius in frame units and opacity in [0, 1]. */
export interface DotStyle {
  readonly radius: number;
  readonly opacity: number;
}

/**
 * Sizes `canvas` for `f` (CSS scales it with the page; the backing store follows the device's
 * pixel ratio so dots stay round and sharp) and returns a context drawing in frame units.
 */
export function fitCanvas(canvas: HTMLCanvasElement, f: Frame): CanvasRenderingContext2D {
  const ratio = Math.min(MAX_PIXEL_RATIO, Math.max(1, window.devicePixelRatio || 1));
  const width = Math.round(f.width * ratio);
  const height = Math.round(f.height * ratio);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("fitCanvas: expected a 2D canvas context, got none");
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}

/** Each canvas's resolved colour, with the theme it was read under. */
const colours = new WeakMap<
  Element,
  { readonly theme: string | undefined; readonly colour: string }
>();

/**
 * The colour CSS gives an element, resolved. Canvas cannot read CSS variables itself, so each
 * canvas takes `color` from a Starlight variable in CSS and the drawing reads it back here.
 * Reading it forces the browser to recompute styles, which cost more than drawing the dots
 * did, so it is read once per theme: Starlight's theme picker sets data-theme on <html>.
 */
export function cssColour(element: Element): string {
  const theme = document.documentElement.dataset["theme"];
  const cached = colours.get(element);
  if (cached && cached.theme === theme) return cached.colour;
  const colour = getComputedStyle(element).color;
  colours.set(element, { theme, colour });
  return colour;
}

/**
 * Clears the frame and draws n dots in one colour, leaving out any that fall outside the plot
 * area (far samples early in training would otherwise pile up on the axes).
 */
export function drawDots(
  context: CanvasRenderingContext2D,
  f: Frame,
  n: number,
  x: Place,
  y: Place,
  colour: string,
  style: DotStyle,
): void {
  const box = boxOf(f);
  const r = style.radius;
  context.clearRect(0, 0, f.width, f.height);
  context.globalAlpha = style.opacity;
  context.fillStyle = colour;
  context.beginPath();
  for (let i = 0; i < n; i++) {
    const px = x(i);
    const py = y(i);
    if (!(px >= box.left && px <= box.right && py >= box.top && py <= box.bottom)) continue;
    context.moveTo(px + r, py);
    context.arc(px, py, r, 0, 2 * Math.PI);
  }
  context.fill();
  context.globalAlpha = 1;
}

/**
 * A sideways offset in [-1, 1] for dot i, the same on every draw: a strip of samples keeps its
 * layout while the values change, so a moving slider moves dots instead of reshuffling them.
 */
export function jitter(i: number): number {
  // A fractional golden-ratio sequence: well spread, and needs no random generator.
  return ((i * 0.618033988749895) % 1) * 2 - 1;
}
