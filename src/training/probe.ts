/**
 * The network measured against the exact answer it is trained towards. For mixture data the
 * ideal ε-prediction E[ε | x_t] is known (`idealEps`), and since it is the conditional mean,
 * the training loss at step t splits in two:
 *   E‖ε - ε_θ(x_t, t)‖² = E‖ε - E[ε | x_t]‖² + E‖E[ε | x_t] - ε_θ(x_t, t)‖².
 * The first part no network can remove; the second is what training can still win at step t.
 */
import { sampleMixture, type Mixture } from "../ddpm/data";
import { qSample, type EpsPredictor } from "../ddpm/ddpm";
import { idealEps } from "../ddpm/ideal";
import { createRng } from "../ddpm/random";
import type { Schedule } from "../ddpm/schedule";

/** Points per step in the probe: the heatmap needs a stable colour, not a precise value. */
export const PROBE_POINTS = 64;

/** A fixed set of noisy points at every step t, with the ideal prediction at each. */
export class OracleProbe {
  /** xt[t - 1] holds PROBE_POINTS points [m, d] drawn from q(x_t); ideal[t - 1] E[ε | x_t]. */
  private readonly xt: Float32Array[] = [];
  private readonly ideal: Float32Array[] = [];

  constructor(
    private readonly data: Mixture,
    private readonly s: Schedule,
    seed: number,
    private readonly m = PROBE_POINTS,
  ) {
    // Its own generator, so probing never shifts the training run's random stream.
    const rng = createRng((seed ^ 0x5bd1e995) >>> 0);
    const best = idealEps(data, s);
    for (let t = 1; t <= s.T; t++) {
      const x0 = sampleMixture(data, m, rng);
      const eps = rng.normals(new Float32Array(x0.length));
      const xt = qSample(s, x0, new Int32Array(m).fill(t), eps);
      this.xt.push(xt);
      this.ideal.push(best(xt, t));
    }
  }

  /** E‖ε_θ(x_t, t) - E[ε | x_t]‖² / d for t = 1 … T: the loss at each step above the lowest
   * any network can reach, averaged over coordinates like the training loss. */
  excess(eps: EpsPredictor): Float32Array {
    const out = new Float32Array(this.s.T);
    for (let t = 1; t <= this.s.T; t++) {
      const predicted = eps(this.xt[t - 1]!, t);
      const ideal = this.ideal[t - 1]!;
      let sq = 0;
      for (let k = 0; k < ideal.length; k++) sq += (predicted[k]! - ideal[k]!) ** 2;
      out[t - 1] = sq / ideal.length;
    }
    return out;
  }

  /** The probe's points at step t, [m, d], for drawing or for a predictor of one's own. */
  points(t: number): Float32Array {
    return this.xt[t - 1]!;
  }

  /** The number of points per step, and their dimension. */
  get shape(): { readonly m: number; readonly dim: number } {
    return { m: this.m, dim: this.data.dim };
  }
}
