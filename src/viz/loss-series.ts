/**
 * A run's loss history: every step's loss as the worker reports it, a smoothed copy for the
 * line, and an evenly thinned view for drawing. No DOM, so it can be tested on its own.
 */

/** Weight of the past in the smoothed line, per step (an exponential moving average). */
export const LOSS_SMOOTHING = 0.98;

/** One point of the loss chart: the raw loss at a step, and the smoothed loss there. */
export interface LossPoint {
  readonly step: number;
  readonly loss: number;
  readonly smooth: number;
}

/** The losses of one run, in step order. */
export class LossSeries {
  private readonly points: LossPoint[] = [];
  /** Running average of log-loss and the number of losses in it, for the bias correction. */
  private average = 0;
  private count = 0;
  private min = Infinity;
  private max = -Infinity;

  /** Number of steps recorded. */
  get length(): number {
    return this.points.length;
  }

  /** The latest step recorded, or 0 before the first. */
  get lastStep(): number {
    return this.points.at(-1)?.step ?? 0;
  }

  /** Adds a snapshot's losses; non-finite or non-positive ones (a diverging run) are dropped,
   * since neither the log scale nor the average can hold them. */
  append(steps: ArrayLike<number>, losses: ArrayLike<number>): void {
    for (let i = 0; i < steps.length; i++) {
      const loss = losses[i]!;
      if (!(loss > 0 && Number.isFinite(loss))) continue;
      // Smoothed in log space: the loss falls over decades and its noise is multiplicative.
      this.count += 1;
      this.average = LOSS_SMOOTHING * this.average + (1 - LOSS_SMOOTHING) * Math.log(loss);
      const smooth = Math.exp(this.average / (1 - LOSS_SMOOTHING ** this.count));
      this.points.push({ step: steps[i]!, loss, smooth });
      this.min = Math.min(this.min, loss);
      this.max = Math.max(this.max, loss);
    }
  }

  /** Smallest and largest loss so far, or null before the first. */
  extent(): [number, number] | null {
    return this.points.length === 0 ? null : [this.min, this.max];
  }

  /** At most `limit` points, evenly spaced over the run and always ending at the latest. */
  thinned(limit: number): LossPoint[] {
    const n = this.points.length;
    if (n <= limit) return this.points.slice();
    const stride = (n - 1) / (limit - 1);
    return Array.from({ length: limit }, (_, k) => this.points[Math.round(k * stride)]!);
  }

  /** Forgets every loss, for a new run. */
  clear(): void {
    this.points.length = 0;
    this.average = 0;
    this.count = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }
}
