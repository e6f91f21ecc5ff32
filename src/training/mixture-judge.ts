/**
 * What "converged" means for any 2D mixture, worked out from the mixture alone, so that the
 * playground can judge a dataset the reader drew as fairly as the four spikes. Two questions,
 * as in the four-spike chapter: is every sample on the data, and does every part of the data
 * get its share of samples?
 */
import type { Mixture } from "../ddpm/data";
import { meanSqDistToNearest, shares } from "../ddpm/metrics";
import { regions } from "../ddpm/regions";
import type { Figure } from "./examples";

/**
 * Spread τ per axis that samples may have beyond the data's own. A sample of component k is
 * μ_k + σ_k z, so perfect samples score E‖x − μ_k‖² = 2σ_k² in the plane (less where
 * neighbouring components overlap, since the nearest mean may be a neighbour's); a model that
 * adds independent error of std τ per axis scores 2(σ² + τ²). The four-spike chapter's
 * target, 0.005 with σ = 0.01, is this bound with τ ≈ 0.049; the playground keeps that
 * absolute sharpness, three pixels of its scatter, whatever the data's width.
 */
export const EXTRA_STD = 0.05;

/** Standard errors a region's share may stray from its weight. With at most eight regions,
 * a perfect model fails the full check by chance about 2 % of the time (eight two-sided
 * 0.27 % tails), and only on the check where it happens: the next check draws anew. */
export const SHARE_Z = 3;

/** A number as a target cell shows it: at most two significant digits. */
const short = (v: number) => String(Number(v.toPrecision(2)));

/** A coordinate to one decimal, without the "-0.0" that rounding a small negative gives. */
const coord = (v: number) => (Math.round(v * 10) / 10 + 0).toFixed(1);

/**
 * The judge of samples [n, 2] from a model of `data`: the mean squared distance to the
 * nearest component mean against 2(σ̄² + τ²), with σ̄² the weight-averaged component
 * variance, and the share of samples in each region (see `regions`) against the region's
 * weight p, within SHARE_Z · √(p(1 − p)/n) times `slack`, the binomial sampling noise of a
 * check on n samples. The figures' labels and targets depend only on `data`, so the table
 * has the same rows whatever the samples.
 * @param n samples of the full check
 */
export function mixtureJudge(data: Mixture, n: number) {
  if (data.dim !== 2) throw new Error(`mixtureJudge: expected 2D data, got ${data.dim}D`);
  const variance = data.stds.reduce((s, sd, k) => s + data.weights[k]! * sd * sd, 0);
  const bound = 2 * (variance + EXTRA_STD ** 2);
  const parts = regions(data);

  return (samples: Float32Array, slack = 1): Figure[] => {
    const msd = meanSqDistToNearest(samples, 2, data.means);
    const byComponent = shares(samples, 2, data.means);
    const figures: Figure[] = [
      {
        label: "mean squared distance to nearest component",
        value: msd,
        target: `≤ ${short(bound)}`,
        ok: msd <= bound,
      },
    ];
    for (const { centre, weight: p, members } of parts) {
      const share = members.reduce((s, k) => s + byComponent[k]!, 0);
      const tol = SHARE_Z * Math.sqrt((p * (1 - p)) / n) * slack;
      figures.push({
        label: `share near (${coord(centre[0]!)}, ${coord(centre[1]!)})`,
        value: share,
        target: `${p.toFixed(3)} ± ${short(tol)}`,
        ok: Math.abs(share - p) <= tol,
      });
    }
    return figures;
  };
}
