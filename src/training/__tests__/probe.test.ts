import { describe, expect, it } from "vitest";
import { expectClose } from "../../ddpm/__tests__/helpers";
import { FOUR_SPIKES, mixture, sampleMixture } from "../../ddpm/data";
import { qSample, type EpsPredictor } from "../../ddpm/ddpm";
import { idealEps, idealLossGaussian } from "../../ddpm/ideal";
import { createRng } from "../../ddpm/random";
import { cosineBetas, makeSchedule } from "../../ddpm/schedule";
import { OracleProbe } from "../probe";

const s = makeSchedule(cosineBetas(20));

/** A predictor no network would learn, so that its excess is large at every step. */
const shrink: EpsPredictor = (xt) => xt.map((v) => 0.5 * v);

describe("OracleProbe.excess", () => {
  it("is zero for the ideal denoiser itself, at every step", () => {
    const probe = new OracleProbe(FOUR_SPIKES, s, 1);
    expect(Array.from(probe.excess(idealEps(FOUR_SPIKES, s)))).toEqual(Array(s.T).fill(0));
  });

  it("is the mean squared ideal prediction for a predictor that always says 0", () => {
    const probe = new OracleProbe(FOUR_SPIKES, s, 2);
    const zero: EpsPredictor = (xt) => new Float32Array(xt.length);
    const ideal = idealEps(FOUR_SPIKES, s);
    const excess = probe.excess(zero);
    for (const t of [1, 10, 20]) {
      const e = ideal(probe.points(t), t);
      const meanSq = e.reduce((sum, v) => sum + v * v, 0) / e.length;
      expectClose(excess[t - 1]!, meanSq, 1e-6, `t = ${t}`);
    }
  });

  it("is the training loss minus the ideal loss, as the decomposition into ε's conditional mean says", () => {
    // Gaussian data, where the ideal loss has a closed form (idealLossGaussian).
    const data = mixture([[0.3]], 0.5);
    const m = 40_000;
    const probe = new OracleProbe(data, s, 3, m);
    const excess = probe.excess(shrink);
    const rng = createRng(4);
    for (const t of [2, 8, 15]) {
      const x0 = sampleMixture(data, m, rng);
      const eps = rng.normals(new Float32Array(m));
      const predicted = shrink(qSample(s, x0, new Int32Array(m).fill(t), eps), t);
      const sq = eps.map((e, k) => (e - predicted[k]!) ** 2);
      const loss = sq.reduce((a, b) => a + b, 0) / m;
      const sd = Math.sqrt(sq.reduce((a, v) => a + (v - loss) ** 2, 0) / m);
      // Both sides are Monte Carlo means over m points: five standard errors of each.
      const tolerance = 5 * (sd / Math.sqrt(m)) * Math.SQRT2;
      expectClose(loss, idealLossGaussian(0.5, s, t) + excess[t - 1]!, tolerance, `t = ${t}`);
    }
  });

  it("does not depend on the order it is called in, or move any other generator", () => {
    const a = new OracleProbe(FOUR_SPIKES, s, 5);
    const b = new OracleProbe(FOUR_SPIKES, s, 5);
    a.excess(shrink);
    expect(Array.from(a.excess(shrink))).toEqual(Array.from(b.excess(shrink)));
  });
});
