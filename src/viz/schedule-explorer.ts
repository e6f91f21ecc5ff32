/**
 * Geometry and words of the schedule explorer: ᾱ_t over the steps of a named schedule, and
 * how far q(x_T) ends from the prior N(0, 1) for the chapter's 1D data. No DOM, so the same
 * code draws the figure at build time and redraws it in the page when the reader edits it.
 */
import { scaleLinear, scaleLog } from "d3-scale";
import { line } from "d3-shape";
import { GAUSSIAN_1D } from "../ddpm/data";
import { noisedGaussian, priorGap } from "../ddpm/prior";
import { makeSchedule, namedBetas, SEED_BETAS, type ScheduleName } from "../ddpm/schedule";
import { dotsPath } from "./forward-process";
import { boxOf, type Frame } from "./scales";

/** The schedules on offer, in the order of the menu, with the words the menu shows. */
export const SCHEDULES: readonly { readonly name: ScheduleName; readonly label: string }[] = [
  { name: "seed", label: "Seed's ten scales" },
  { name: "linear", label: "Linear (Ho et al. 2020)" },
  { name: "cosine", label: "Cosine (Nichol and Dhariwal 2021)" },
  { name: "karras", label: "Karras spacing, ρ = 4" },
];

/** Most steps the reader may ask for: the paper's T. */
export const MAX_STEPS = 1000;
/** The seed's schedule has exactly this many steps; T is fixed to it. */
export const SEED_STEPS = SEED_BETAS.length;
/** What the figure shows before the reader touches it: the chapter's own schedule. */
export const DEFAULT_VIEW = { name: "seed", T: SEED_STEPS } as const;

/**
 * ᾱ_t is drawn on a log axis from 1 down to this floor. ᾱ_T spans dozens of decades across
 * schedules, and on a linear axis (or as √ᾱ_t) every schedule's end looks alike, pressed
 * onto 0, although 1e-3 and 1e-7 leave a hundredfold different gap. Below the floor the gap is
 * under 1e-10 nats, so the curve may leave the plot there without hiding anything.
 */
export const ALPHA_BAR_FLOOR = 1e-10;
/** The gauge's log axis, in nats; a single step of the Karras spacing reaches 3.4. */
export const GAP_DOMAIN: readonly [number, number] = [1e-10, 10];
/** Gaps below this are negligible, below `LARGE_GAP` noticeable, and large above. */
export const NEGLIGIBLE_GAP = 1e-3;
/** See `NEGLIGIBLE_GAP`. */
export const LARGE_GAP = 0.1;
/** Up to this many steps, each ᾱ_t also gets a dot; beyond it the dots merge into a line. */
const MAX_DOTTED_STEPS = 50;

/** The ᾱ_t chart: step t across, ᾱ_t up on a log axis. */
export const CURVE_FRAME: Frame = {
  width: 520,
  height: 264,
  margin: { top: 12, right: 16, bottom: 50, left: 66 },
};
/** The gauge: one bar on a log axis of nats, with the verdict's zones named above it. */
export const GAUGE_FRAME: Frame = {
  width: 520,
  height: 100,
  margin: { top: 26, right: 24, bottom: 50, left: 24 },
};

/** A tick: where it sits along its axis and what it reads. */
export interface Tick {
  readonly at: number;
  readonly label: string;
}

/** The chart's scales for T steps: t ∈ [0, T] across, ᾱ ∈ [floor, 1] up. */
export function curveScales(T: number) {
  const b = boxOf(CURVE_FRAME);
  return {
    t: scaleLinear().domain([0, T]).range([b.left, b.right]),
    alphaBar: scaleLog().domain([ALPHA_BAR_FLOOR, 1]).range([b.bottom, b.top]),
  };
}

/** The gauge's scale: nats across, on a log axis. */
export function gapScale() {
  const b = boxOf(GAUGE_FRAME);
  return scaleLog().domain(GAP_DOMAIN).range([b.left, b.right]).clamp(true);
}

/** The chart's step ticks for T steps: whole steps only, about six of them. */
export function stepTicks(T: number): Tick[] {
  const t = curveScales(T).t;
  return t
    .ticks(6)
    .filter(Number.isInteger)
    .map((v) => ({ at: t(v), label: String(v) }));
}

/** The chart's ᾱ ticks, one every two decades from 1 down to the floor. */
export function alphaBarTicks(): Tick[] {
  const y = curveScales(1).alphaBar;
  return decades(ALPHA_BAR_FLOOR, 1, 2).map((v) => ({ at: y(v), label: powerOfTen(v) }));
}

/** The gauge's ticks, one every two decades across `GAP_DOMAIN`. */
export function gapTicks(): Tick[] {
  const x = gapScale();
  return decades(GAP_DOMAIN[0], GAP_DOMAIN[1], 2).map((v) => ({ at: x(v), label: powerOfTen(v) }));
}

/** The gauge's three zones, from the left edge or a threshold to the next. */
export function gapZones() {
  const x = gapScale();
  const edges = [GAP_DOMAIN[0], NEGLIGIBLE_GAP, LARGE_GAP, GAP_DOMAIN[1]];
  return ["negligible", "noticeable", "large"].map((name, i) => ({
    name,
    from: x(edges[i]!),
    to: x(edges[i + 1]!),
  }));
}

/** The T a text field holds, or why it cannot be used. */
export type StepsInput = { ok: true; T: number } | { ok: false; message: string };

/** Reads T from what the reader typed: a whole number from 1 to `MAX_STEPS`. */
export function parseSteps(text: string): StepsInput {
  const typed = text.trim();
  const wanted = `a whole number from 1 to ${MAX_STEPS}`;
  if (typed === "") return { ok: false, message: `Enter T, ${wanted}.` };
  const T = /^\d+$/.test(typed) ? Number(typed) : NaN;
  if (!(T >= 1 && T <= MAX_STEPS))
    return { ok: false, message: `T must be ${wanted}, not “${typed}”.` };
  return { ok: true, T };
}

/**
 * Everything the figure shows for one schedule: path data, the end point, the gauge's bar and
 * the readout. Computed from the same `Schedule` the examples train with.
 */
export function explorerView(name: ScheduleName, T: number) {
  const s = makeSchedule(namedBetas(name, T));
  const { t, alphaBar: y } = curveScales(T);
  const ab = (k: number) => (k === 0 ? 1 : s.alphaBar[k - 1]!);
  const steps = Array.from({ length: T + 1 }, (_, k) => k);
  // float32 ᾱ_t underflows to 0 after a few hundred large steps; a log axis has no 0.
  const shown = steps.filter((k) => ab(k) > 0);

  const alphaBarT = ab(T);
  const gap = priorGap(GAUSSIAN_1D, s);
  const q = noisedGaussian(GAUSSIAN_1D, alphaBarT);
  const label = SCHEDULES.find((option) => option.name === name)!.label;
  const text = readout(gap, alphaBarT, q.mean[0]!, Math.sqrt(q.variance));

  return {
    curve:
      line<number>()
        .x((k) => t(k))
        .y((k) => y(ab(k)))(shown) ?? "",
    dots: T <= MAX_DOTTED_STEPS ? dotsPath(shown.map((k) => [t(k), y(ab(k))] as const)) : "",
    end: {
      x: t(T),
      y: y(Math.max(alphaBarT, Number.MIN_VALUE)),
      inside: alphaBarT >= ALPHA_BAR_FLOOR,
    },
    xTicks: stepTicks(T),
    bar: Math.max(0, gapScale()(Math.max(gap, GAP_DOMAIN[0])) - boxOf(GAUGE_FRAME).left),
    which: `${label}, T = ${T}`,
    ...text,
    curveTitle:
      `ᾱ_t for the schedule “${label}” over t = 0 to ${T}, on a log axis from 1 down to ` +
      `${powerOfTen(ALPHA_BAR_FLOOR)}; it ends at ᾱ_T = ${text.alphaBarT}.`,
    gaugeTitle:
      `Gap between q(x_T) and N(0, 1): ${text.gap} nats, ${text.zone}, on a log axis from ` +
      `${powerOfTen(GAP_DOMAIN[0])} to ${powerOfTen(GAP_DOMAIN[1])} nats.`,
  };
}

/** The figure's words for a gap, ᾱ_T and the mean and standard deviation of q(x_T). */
function readout(gap: number, alphaBarT: number, mean: number, sd: number) {
  const zone = gap < NEGLIGIBLE_GAP ? "negligible" : gap < LARGE_GAP ? "noticeable" : "large";
  const signal = formatNumber(Math.sqrt(alphaBarT));
  const kept =
    `At the last step a sample keeps a fraction ${signal} of its clean value, so the noisy ` +
    `samples have mean ${formatNumber(mean)} and standard deviation ${sd.toFixed(3)}; the ` +
    `sampler starts from mean 0 and standard deviation 1.`;
  const verdict = {
    negligible: "Negligible: starting the reverse chain from N(0, 1) loses almost nothing.",
    noticeable:
      "Noticeable: the last step still remembers the data, so a sampler that starts from " +
      "N(0, 1) starts slightly off.",
    large:
      "Large: the reverse chain would start from the wrong distribution, and its samples " +
      "inherit the error.",
  }[zone];
  return {
    gap: formatNumber(gap),
    alphaBarT: formatNumber(alphaBarT),
    signal,
    zone,
    meaning: `${kept} ${verdict}`,
  };
}

/**
 * Three significant digits: "0.0526", "3.41", or "1.14 × 10⁻⁵" below 0.01. An exact 0 is a ᾱ_T
 * below float32's smallest number, 1.4 × 10⁻⁴⁵, which no digit shown here could tell from 0.
 */
export function formatNumber(v: number): string {
  if (v === 0) return "0";
  if (v >= 0.01) return v.toPrecision(3);
  const [mantissa, exponent] = v.toExponential(2).split("e");
  return `${mantissa} × ${powerOfTen(10 ** Number(exponent))}`;
}

/** A power of ten as it is printed: "1", "10", "10⁻⁴". */
export function powerOfTen(v: number): string {
  const exponent = Math.round(Math.log10(v));
  if (exponent === 0) return "1";
  if (exponent === 1) return "10";
  return `10${String(exponent).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

const SUPERSCRIPT: Record<string, string> = {
  "-": "⁻",
  ...Object.fromEntries([..."⁰¹²³⁴⁵⁶⁷⁸⁹"].map((c, i) => [String(i), c])),
};

/** Powers of ten from `lo` to `hi`, every `every` decades. */
function decades(lo: number, hi: number, every: number): number[] {
  const out: number[] = [];
  for (let e = Math.round(Math.log10(lo)); e <= Math.log10(hi) + 1e-9; e += every)
    out.push(10 ** e);
  return out;
}
