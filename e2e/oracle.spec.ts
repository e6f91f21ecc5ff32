/**
 * What a trained example shows beside the ideal denoiser, driven as a reader drives it: the
 * loss per step above the ideal during training, the two samplers against the best any
 * training could do, and the learned field next to the ideal one.
 */
import { expect, test, type Locator } from "@playwright/test";
import { pMean } from "../src/ddpm/ddpm";
import { idealEps } from "../src/ddpm/ideal";
import { makeSchedule, namedBetas } from "../src/ddpm/schedule";
import { CHECK_EVERY, EXAMPLES } from "../src/training/examples";
import { FIELD_SIZE } from "../src/training/field";
import { compareSamplers, samplerSteps } from "../src/training/samplers";
import {
  button,
  EXAMPLE_PLAYGROUND,
  EXAMPLE_SPIKES,
  open,
  trainToConvergence,
} from "./train-helpers";

const spec = EXAMPLES.spikes;
const config = spec.presets.fast;
const schedule = makeSchedule(namedBetas(config.schedule, config.T));

/** The table cell of one sampler run. */
function cell(region: Locator, steps: number, run: string): Locator {
  return region.locator(
    `[data-field="sampler-table"] tr[data-steps="${steps}"] td[data-run="${run}"]`,
  );
}

test.describe("the ideal denoiser beside the network, four spikes", () => {
  test("the loss per step above the ideal is probed at every check and falls", async ({ page }) => {
    const region = await open(page, EXAMPLE_SPIKES);
    await trainToConvergence(region);
    const heatmap = region.locator(".heatmap svg");
    const step = Number(
      (await region.locator('[data-field="step"]').textContent())!
        .match(/Step ([\d,]+)/)![1]!
        .replace(/,/g, ""),
    );
    // One column per check, and a run only converges at a check.
    await expect(heatmap).toHaveAttribute("data-columns", String(step / CHECK_EVERY));
    const first = Number(await heatmap.getAttribute("data-first"));
    const latest = Number(await heatmap.getAttribute("data-latest"));
    // A network that meets the targets predicts ε far closer to the ideal than after 50 steps.
    expect(latest).toBeLessThan(0.5 * first);
  });

  test("the ideal denoiser's runs are exactly those the module computes from the same seed", async ({
    page,
  }) => {
    const region = await open(page, EXAMPLE_SPIKES);
    await trainToConvergence(region);
    const samplers = region.locator('[data-view="samplers"]');
    await expect(samplers).toBeVisible({ timeout: 30_000 });

    // The island seeds its sweep with the run's seed + 2; 2,000 samples, as the check uses.
    const runs = compareSamplers(
      spec,
      schedule,
      idealEps(spec.data, schedule),
      2000,
      config.seed + 2,
    );
    for (const run of runs.filter((r) => r.predictor === "ideal")) {
      const shown = cell(region, run.steps, `ideal-${run.sampler}`);
      const msd = Number(await shown.getAttribute("data-msd"));
      expect(Math.abs(msd - run.msd)).toBeLessThanOrEqual(1e-6 * run.msd + 1e-12);
      await expect(shown).toHaveAttribute("data-ok", String(run.figures.every((f) => f.ok)));
    }
    await expect(samplers.locator("tbody tr")).toHaveCount(samplerSteps(config.T).length);

    // One step predicts E[x_0 | x_T], nearly the origin: squared distance 2 from every spike.
    for (const sampler of ["ddpm", "ddim"]) {
      const oneStep = Number(await cell(region, 1, `ideal-${sampler}`).getAttribute("data-msd"));
      expect(Math.abs(oneStep - 2)).toBeLessThan(0.05);
    }
    // With every step, both samplers meet the targets with the ideal denoiser.
    for (const run of ["ideal-ddpm", "ideal-ddim"])
      await expect(cell(region, config.T, run)).toHaveAttribute("data-ok", "true");
  });

  test("picking a sampler and a number of steps redraws both sides", async ({ page }) => {
    const region = await open(page, EXAMPLE_SPIKES);
    await trainToConvergence(region);
    const samplers = region.locator('[data-view="samplers"]');
    await expect(samplers).toBeVisible({ timeout: 30_000 });
    const learned = samplers.locator('[data-field="sampler-learned-caption"]');
    const ideal = samplers.locator('[data-field="sampler-ideal-caption"]');
    await expect(learned).toContainText(`DDPM in ${config.T} steps`);

    await samplers.getByLabel("Sampler", { exact: true }).selectOption("ddim");
    await samplers.getByLabel("Sampling steps S").selectOption("1");
    await expect(learned).toContainText("The trained network, DDIM in 1 steps");
    await expect(ideal).toContainText("The ideal denoiser, DDIM in 1 steps");
    // Every sample lands in the middle, so the chapter's first target is missed.
    await expect(ideal).toContainText("misses");
    await expect(ideal).toContainText("mean squared distance to nearest spike");
  });

  test("the field slider redraws the learned and the ideal arrows at each step", async ({
    page,
  }) => {
    const region = await open(page, EXAMPLE_SPIKES);
    await trainToConvergence(region);
    const field = region.locator('[data-view="field"]');
    await expect(field).toBeVisible({ timeout: 30_000 });
    for (const panel of ["field-learned", "field-ideal"])
      await expect(field.locator(`[data-view="${panel}"] line.arrow`)).toHaveCount(FIELD_SIZE ** 2);

    const slider = field.getByRole("slider", { name: "Step t" });
    const arrows = () =>
      field
        .locator('[data-view="field-ideal"] line.arrow')
        .evaluateAll((lines) =>
          lines.map((l) => `${l.getAttribute("x2")},${l.getAttribute("y2")}`).join(" "),
        );
    await slider.fill("2");
    await expect(field.locator("output")).toHaveText(`t = 2 of ${config.T}`);
    const early = await arrows();
    await slider.fill(String(config.T));
    await expect(field.locator("output")).toHaveText(`t = ${config.T} of ${config.T}`);
    expect(await arrows()).not.toEqual(early);

    // The error shown at t is the network's squared distance from the ideal ε there: positive,
    // and below the ideal's own mean square, which a network that predicted 0 would score.
    const error = Number(await field.getAttribute("data-error"));
    expect(error).toBeGreaterThan(0);
    expect(error).toBeLessThan(1);
  });

  test("clicking a sample follows it, with the network's step and the true posterior mean", async ({
    page,
  }) => {
    const region = await open(page, EXAMPLE_SPIKES);
    await trainToConvergence(region);
    const slider = region.getByRole("slider", { name: "Reverse step t" });
    await expect(slider).toBeVisible();
    const readout = region.locator('[data-field="follow-readout"]');

    // At t = 0 the samples sit on the spikes: click the one at (1, 1), 2/3 across and 1/3 down
    // the plot area of the [-3, 3] square.
    const plot = region.locator('[data-view="samples"] svg');
    const box = (await plot.boundingBox())!;
    const [width, height, left, right, top, bottom] = [340, 340, 48, 14, 12, 44];
    const fx = left + ((1 + 3) / 6) * (width - left - right);
    const fy = top + ((3 - 1) / 6) * (height - top - bottom);
    await plot.click({ position: { x: (fx * box.width) / width, y: (fy * box.height) / height } });
    await expect(readout).toHaveAttribute("data-t", "0");
    await expect(readout).toContainText("That is where it ended");
    await expect(region.locator("polyline.track-path")).toHaveCount(1);
    const path = await region.locator("polyline.track-path").getAttribute("points");
    expect(path!.trim().split(/\s+/)).toHaveLength(config.T + 1);

    const t = 20;
    await slider.fill(String(t));
    await expect(readout).toHaveAttribute("data-t", String(t));
    const here = JSON.parse((await readout.getAttribute("data-here"))!) as [number, number];
    const shown = JSON.parse((await readout.getAttribute("data-ideal"))!) as [number, number];
    const model = JSON.parse((await readout.getAttribute("data-model"))!) as [number, number];
    // E[x_{t-1} | x_t] from eq. 11 with the ideal ε, computed here from the shown x_t.
    const xt = Float32Array.from(here);
    const exact = pMean(schedule, xt, t, idealEps(spec.data, schedule)(xt, t));
    for (const j of [0, 1]) expect(Math.abs(shown[j]! - exact[j]!)).toBeLessThan(1e-5);
    // A converged network steps close to it, but not exactly there.
    const gap = Math.hypot(model[0] - shown[0], model[1] - shown[1]);
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThan(0.2);
    await expect(region.locator("line.track-step")).toHaveCount(2);

    // Typing a number follows that sample instead; Stop following clears the plot.
    await region.getByLabel("Follow sample").fill("7");
    await region.getByLabel("Follow sample").press("Enter");
    await expect(readout).toContainText(`Sample 7 at t = ${t}`);
    await button(region, "Stop following").click();
    await expect(region.locator("polyline.track-path")).toHaveCount(0);
    await expect(readout).not.toHaveAttribute("data-t");
  });
});

test("on the two moons, DDIM meets every target with fewer steps than DDPM, both on the ideal denoiser", async ({
  page,
}) => {
  await page.goto(`${EXAMPLE_PLAYGROUND.path}?dataset=moons`);
  const region = page.getByRole("region", { name: EXAMPLE_PLAYGROUND.region });
  await trainToConvergence(region);
  const moons = EXAMPLES.playground.presets.fast;
  const table = region.locator('[data-field="sampler-table"]');
  await expect(table).toBeVisible({ timeout: 30_000 });

  /** The fewest listed steps at which a run meets every target, or Infinity. */
  const fewest = async (run: string) => {
    for (const S of samplerSteps(moons.T))
      if ((await cell(region, S, run).getAttribute("data-ok")) === "true") return S;
    return Infinity;
  };
  const [ddim, ddpm] = [await fewest("ideal-ddim"), await fewest("ideal-ddpm")];
  // Data with an extent of its own is where DDIM's deterministic steps keep what DDPM's noise
  // blurs: with an exact noise prediction, only the sampler is being compared.
  expect(ddim).toBeLessThan(moons.T);
  expect(ddim).toBeLessThan(ddpm);
});
