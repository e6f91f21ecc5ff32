/**
 * Data and geometry of the forward-process figure: samples of x_t drawn with the closed form
 * q(x_t | x_0) (Ho et al. 2020, eq. 4, https://arxiv.org/abs/2006.11239), the scales that place
 * them, and SVG path data. No DOM, so the same code draws the static figure at build time and
 * redraws it in the page when the reader moves the slider.
 */
import { range, ticks } from "d3-array";
import { area, line } from "d3-shape";
import { FOUR_SPIKES, GAUSSIAN_1D, sampleMixture, type Mixture } from "../ddpm/data";
import { createRng } from "../ddpm/random";
import { makeSchedule, SEED_BETAS, type Schedule } from "../ddpm/schedule";

/** Seed of every draw in the figure, so the build and the page show the same dots. */
export const FIGURE_SEED = 2020;
/** Dots per noise step in the 1D strip chart. */
export const STRIP_POINTS = 120;
/** Dots in the 2D panel, about a quarter of them per spike. */
export const PLANE_POINTS = 400;
/** Both panels show values in [-3, 3], as the seed's figures do. */
export const VALUE_DOMAIN: readonly [number, number] = [-3, 3];
/** The step the figure shows before the reader touches the slider. */
export const DEFAULT_STEP = 5;

/** The seed's ten noise scales, the schedule the whole figure uses. */
export const FIGURE_SCHEDULE: Schedule = makeSchedule(SEED_BETAS);

/** Size of a panel in viewBox units, and the margins that hold its axes. */
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

/** The 1D panel: step t across, x_t up. Same height as the 2D panel so they line up. */
export const STRIP_FRAME: Frame = {
  width: 520,
  height: 300,
  margin: { top: 12, right: 12, bottom: 46, left: 50 },
};
/** The 2D panel: a square plot area for the plane. */
export const PLANE_FRAME: Frame = {
  width: 300,
  height: 300,
  margin: { top: 12, right: 12, bottom: 46, left: 50 },
};

/** A linear map from data values to viewBox units, with the domain it was built on. */
export interface Scale {
  (v: number): number;
  readonly domain: readonly [number, number];
}

/**
 * The same affine map as d3-scale's scaleLinear, written out: the page's script needs only
 * this, and d3-scale would bring its number formatting and colour interpolation along.
 */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return Object.assign((v: number) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0), { domain });
}

/** The 1D panel's scales: `t` places a step (with room for jitter), `x` a value of x_t. */
export function stripScales(T: number, f: Frame = STRIP_FRAME) {
  return {
    t: linearScale([-0.5, T + 0.5], [f.margin.left, f.width - f.margin.right]),
    x: linearScale(VALUE_DOMAIN, [f.height - f.margin.bottom, f.margin.top]),
  };
}

/** The 2D panel's scales for the first and second coordinates. */
export function planeScales(f: Frame = PLANE_FRAME) {
  return {
    x: linearScale(VALUE_DOMAIN, [f.margin.left, f.width - f.margin.right]),
    y: linearScale(VALUE_DOMAIN, [f.height - f.margin.bottom, f.margin.top]),
  };
}

/** Clean points x_0 and the noise ε that each point keeps at every step. */
export interface Draws {
  readonly dim: number;
  readonly x0: Float32Array;
  readonly eps: Float32Array;
}

/** Draws n points of `data` and one ε per coordinate, from a seeded generator. */
export function drawPoints(data: Mixture, n: number, seed: number): Draws {
  const rng = createRng(seed);
  const x0 = sampleMixture(data, n, rng);
  return { dim: data.dim, x0, eps: rng.normals(new Float32Array(x0.length)) };
}

/** x_t = √ᾱ_t x_0 + √(1 - ᾱ_t) ε (eq. 4) for every point; step 0 gives x_0 itself. */
export function noisedAt(s: Schedule, draws: Draws, t: number): Float32Array {
  if (t === 0) return Float32Array.from(draws.x0);
  const a = s.sqrtAlphaBar[t - 1];
  const b = s.sqrtOneMinusAlphaBar[t - 1];
  if (a === undefined || b === undefined)
    throw new Error(`noisedAt: expected a step in 0…${s.T}, got ${t}`);
  return draws.x0.map((x, i) => a * x + b * draws.eps[i]!);
}

/** One column of the strip chart: x_t for the 1D data, and a sideways jitter in [-1, 1]. */
export function stripColumn(s: Schedule, t: number): { x: Float32Array; jitter: Float32Array } {
  // Each step gets its own draws, as separate scatter plots per noise scale would.
  const rng = createRng(FIGURE_SEED + 1 + t);
  const x0 = sampleMixture(GAUSSIAN_1D, STRIP_POINTS, rng);
  const eps = rng.normals(new Float32Array(STRIP_POINTS));
  const jitter = Float32Array.from(x0, () => 2 * rng.uniform() - 1);
  return { x: noisedAt(s, { dim: 1, x0, eps }, t), jitter };
}

/** The four spikes' points and noise, shared by the build and the page. */
export function planeDraws(): Draws {
  return drawPoints(FOUR_SPIKES, PLANE_POINTS, FIGURE_SEED);
}

/**
 * Dots as one path of zero-length round-capped segments: a few bytes per dot, where a
 * `<circle>` each would make the page's HTML several times larger. Points outside the
 * panel's domain (a fraction of a percent at large t) are left out rather than piled on an edge.
 */
export function dotsPath(points: Iterable<readonly [number, number]>): string {
  let d = "";
  for (const [x, y] of points) {
    if (Number.isFinite(x) && Number.isFinite(y)) d += `M${x.toFixed(1)},${y.toFixed(1)}h0`;
  }
  return d;
}

/** Path data of the 1D column at step t, using the strip chart's scales. */
export function stripDots(s: Schedule, t: number, scales = stripScales(s.T)): string {
  const { x, jitter } = stripColumn(s, t);
  return dotsPath(
    range(x.length)
      .filter((i) => inDomain(x[i]!))
      .map((i) => [scales.t(t + 0.3 * jitter[i]!), scales.x(x[i]!)] as const),
  );
}

/** Path data of the 2D points at step t. */
export function planeDots(s: Schedule, draws: Draws, t: number, scales = planeScales()): string {
  const xt = noisedAt(s, draws, t);
  return dotsPath(
    range(xt.length / 2)
      .filter((i) => inDomain(xt[2 * i]!) && inDomain(xt[2 * i + 1]!))
      .map((i) => [scales.x(xt[2 * i]!), scales.y(xt[2 * i + 1]!)] as const),
  );
}

/**
 * The 1D marginal's mean and a ±2 standard deviation band across steps. For x_0 ~ N(μ, σ²),
 * q(x_t) = N(√ᾱ_t μ, ᾱ_t σ² + 1 - ᾱ_t); the band joins the steps with straight segments.
 */
export function marginalBand(s: Schedule, scales = stripScales(s.T)) {
  const mu = GAUSSIAN_1D.means[0]![0]!;
  const sigma = GAUSSIAN_1D.stds[0]!;
  const rows = range(s.T + 1).map((t) => {
    const ab = t === 0 ? 1 : s.alphaBar[t - 1]!;
    return { t, mean: Math.sqrt(ab) * mu, sd: Math.sqrt(ab * sigma * sigma + 1 - ab) };
  });
  const x = (r: (typeof rows)[number]) => scales.t(r.t);
  return {
    band:
      area<(typeof rows)[number]>()
        .x(x)
        .y0((r) => scales.x(r.mean - 2 * r.sd))
        .y1((r) => scales.x(r.mean + 2 * r.sd))(rows) ?? "",
    mean:
      line<(typeof rows)[number]>()
        .x(x)
        .y((r) => scales.x(r.mean))(rows) ?? "",
  };
}

/** The readout for step t: t, β_t and ᾱ_t as short strings (β_0 does not exist), and all
 * three in one line for the slider's accessible value. */
export function stepText(s: Schedule, t: number) {
  const beta = t === 0 ? "–" : formatValue(s.betas[t - 1]!);
  const alphaBar = t === 0 ? "1" : formatValue(s.alphaBar[t - 1]!);
  return { t: String(t), beta, alphaBar, line: `t = ${t}, β_t = ${beta}, ᾱ_t = ${alphaBar}` };
}

/** Three decimals, or two significant digits in exponent form below 0.001. */
export function formatValue(v: number): string {
  return v >= 0.001 ? v.toFixed(3) : v.toExponential(1);
}

/** About `count` round values across a scale's domain, with their positions, for axes. */
export function ticksOf(scale: Scale, count: number) {
  return ticks(scale.domain[0], scale.domain[1], count).map((value) => ({
    value,
    at: scale(value),
  }));
}

function inDomain(v: number): boolean {
  return v >= VALUE_DOMAIN[0] && v <= VALUE_DOMAIN[1];
}
