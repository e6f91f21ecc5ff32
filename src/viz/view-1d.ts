/**
 * 1D samples two ways: the seed's strip of samples across [-3, 3], and a histogram of the
 * window around the target, where the target density N(μ, σ²) is drawn as a line to compare.
 */
import { range } from "d3-array";
import { line } from "d3-shape";
import { renderAxes } from "./axes";
import { cssColour, drawDots, fitCanvas, jitter } from "./canvas";
import { createPanel, type Panel } from "./panel";
import { boxOf, histogramScales, valueScale, type Frame } from "./scales";

/** The strip: one row of jittered dots with a value axis. */
export const STRIP_FRAME: Frame = {
  width: 400,
  height: 92,
  margin: { top: 8, right: 20, bottom: 42, left: 20 },
};

/** The histogram under it. */
export const HISTOGRAM_FRAME: Frame = {
  width: 400,
  height: 220,
  margin: { top: 12, right: 16, bottom: 44, left: 52 },
};

/** The histogram's window is the target's mean ± this many standard deviations. */
const WINDOW_SDS = 6;
/** Bars across the window: 48 bars of a quarter σ each. */
const BINS = 48;
/** Points of the target density's line. */
const CURVE_POINTS = 161;

/** The target of a 1D example. */
export interface Target1D {
  readonly mean: number;
  readonly std: number;
}

/** One bar of the histogram: its left and right edges and the samples' density there. */
interface Bar {
  readonly x0: number;
  readonly x1: number;
  readonly density: number;
}

/** The strip and the histogram of one set of 1D samples. */
export class View1D {
  private readonly strip: Panel;
  private readonly histogram: Panel;
  private readonly context: CanvasRenderingContext2D;
  private readonly window: [number, number];
  private readonly peak: number;
  private samples: Float32Array = new Float32Array(0);

  constructor(
    container: HTMLElement,
    private readonly target: Target1D,
  ) {
    const [top, bottom] = [document.createElement("div"), document.createElement("div")];
    container.replaceChildren(top, bottom);
    const { mean, std } = target;
    this.window = [mean - WINDOW_SDS * std, mean + WINDOW_SDS * std];
    this.peak = 1 / (std * Math.sqrt(2 * Math.PI));

    this.strip = createPanel(top, STRIP_FRAME, {
      label: "The samples along the line from -3 to 3, the window around the target shaded",
      canvas: true,
      className: "strip",
    });
    this.context = fitCanvas(this.strip.canvas!, STRIP_FRAME);
    const x = valueScale(STRIP_FRAME);
    renderAxes(this.strip, { scale: x, ticks: 6, title: "x" }, null);
    const b = boxOf(STRIP_FRAME);
    this.strip.marks
      .append("rect")
      .attr("class", "window")
      .attr("x", x(this.window[0]))
      .attr("width", Math.max(2, x(this.window[1]) - x(this.window[0])))
      .attr("y", b.top)
      .attr("height", b.bottom - b.top);

    this.histogram = createPanel(bottom, HISTOGRAM_FRAME, {
      label: `Histogram of the samples near ${mean}, with the target density N(${mean}, ${std}²)`,
      className: "histogram",
    });
    this.histogram.marks.append("path").attr("class", "density");
    this.histogram.marks
      .append("text")
      .attr("class", "note")
      .attr("x", boxOf(HISTOGRAM_FRAME).right)
      .attr("y", boxOf(HISTOGRAM_FRAME).top + 12)
      .attr("text-anchor", "end");
    this.render(this.samples);
  }

  /** Draws samples [n, 1], replacing the previous ones. */
  render(samples: Float32Array): void {
    this.samples = samples;
    const n = samples.length;
    const x = valueScale(STRIP_FRAME);
    const b = boxOf(STRIP_FRAME);
    const mid = (b.top + b.bottom) / 2;
    const spread = (b.bottom - b.top) / 2 - 4;
    drawDots(
      this.context,
      STRIP_FRAME,
      n,
      (i) => x(samples[i]!),
      (i) => mid + spread * jitter(i),
      cssColour(this.strip.canvas!),
      { radius: 1.5, opacity: 0.45 },
    );
    this.renderHistogram(samples);
  }

  /** Draws the same samples again, in the colours the page now has. */
  repaint(): void {
    this.render(this.samples);
  }

  private renderHistogram(samples: Float32Array): void {
    const [lo, hi] = this.window;
    const { bars, outside } = histogram(samples, lo, hi);
    const top = Math.max(this.peak * 1.15, ...bars.map((bar) => bar.density));
    const { x, y } = histogramScales(HISTOGRAM_FRAME, this.window, top);
    renderAxes(
      this.histogram,
      { scale: x, ticks: 5, title: "x" },
      { scale: y, ticks: 4, title: "density" },
    );

    this.histogram.marks
      .selectAll<SVGRectElement, Bar>("rect.bar")
      .data(bars)
      .join("rect")
      .attr("class", "bar")
      .attr("x", (bar) => x(bar.x0))
      .attr("width", (bar) => Math.max(0, x(bar.x1) - x(bar.x0) - 0.5))
      .attr("y", (bar) => y(bar.density))
      .attr("height", (bar) => y(0) - y(bar.density));

    const { mean, std } = this.target;
    const pdf = (v: number) => this.peak * Math.exp(-0.5 * ((v - mean) / std) ** 2);
    const curve = line<number>()
      .x((v) => x(v))
      .y((v) => y(pdf(v)));
    const values = range(CURVE_POINTS).map((k) => lo + ((hi - lo) * k) / (CURVE_POINTS - 1));
    this.histogram.marks
      .select("path.density")
      .attr("d", curve(values) ?? "")
      .raise();
    this.histogram.marks
      .select("text.note")
      .text(samples.length === 0 ? "" : `${outside} of ${samples.length} outside this window`);
  }
}

/** Bars of the samples in [lo, hi), as densities of all n samples, and how many fall outside. */
function histogram(samples: Float32Array, lo: number, hi: number) {
  const width = (hi - lo) / BINS;
  const counts = new Array<number>(BINS).fill(0);
  let outside = 0;
  for (const v of samples) {
    const k = Math.floor((v - lo) / width);
    if (k >= 0 && k < BINS) counts[k]! += 1;
    else outside += 1;
  }
  // Dividing by all n, not the count inside, keeps the area under the bars honest: samples
  // outside the window are missing mass, and the bars fall short of the target curve.
  const n = Math.max(1, samples.length);
  const bars: Bar[] = counts.map((c, k) => ({
    x0: lo + k * width,
    x1: lo + (k + 1) * width,
    density: c / (n * width),
  }));
  return { bars, outside };
}
