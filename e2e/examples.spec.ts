import { expect, test } from "@playwright/test";
import { CHAPTERS, visit, watch } from "./helpers";
import {
  button,
  download,
  EXAMPLE_1D,
  EXAMPLE_2D,
  EXAMPLE_SPIKES,
  expectWeights,
  moments,
  open,
  parseCsv,
  startLongRun,
  stepText,
  trainToConvergence,
} from "./train-helpers";

/** Requests that belong to training: the worker's bundle (tfjs) and the wasm backend. */
const TRAINING_CODE = /\/worker-[^/]*\.js$|\.wasm$/;

test.describe("each example trains to its target in the page", () => {
  test("1D: samples have mean 1 ± 0.01 and std ≤ 0.02", async ({ page }) => {
    const region = await open(page, EXAMPLE_1D);
    const seconds = await trainToConvergence(region);
    console.log(`1D converged ${seconds.toFixed(1)} s after Train`);

    const { header, rows } = parseCsv(await download(page, region, "Download samples (CSV)"));
    expect(header).toBe("x");
    expect(rows).toHaveLength(2000);
    const { mean, std } = moments(rows, 0);
    expect(Math.abs(mean - 1)).toBeLessThanOrEqual(0.01);
    expect(std).toBeLessThanOrEqual(0.02);
    await expectWeights(page, region);
  });

  test("2D: each coordinate is within 0.01 of (-1, 1) with std ≤ 0.02", async ({ page }) => {
    const region = await open(page, EXAMPLE_2D);
    const seconds = await trainToConvergence(region);
    console.log(`2D converged ${seconds.toFixed(1)} s after Train`);

    const { header, rows } = parseCsv(await download(page, region, "Download samples (CSV)"));
    expect(header).toBe("x,y");
    expect(rows).toHaveLength(2000);
    [-1, 1].forEach((target, column) => {
      const { mean, std } = moments(rows, column);
      expect(Math.abs(mean - target)).toBeLessThanOrEqual(0.01);
      expect(std).toBeLessThanOrEqual(0.02);
    });
    await expectWeights(page, region);
  });

  test("four spikes: samples sit on the spikes, a quarter on each", async ({ page }) => {
    const region = await open(page, EXAMPLE_SPIKES);
    const seconds = await trainToConvergence(region);
    console.log(`four spikes converged ${seconds.toFixed(1)} s after Train`);

    const { header, rows } = parseCsv(await download(page, region, "Download samples (CSV)"));
    expect(header).toBe("x,y");
    expect(rows).toHaveLength(2000);
    const centres = [
      [-1, -1],
      [-1, 1],
      [1, -1],
      [1, 1],
    ];
    const counts = centres.map(() => 0);
    let squared = 0;
    for (const [x = 0, y = 0] of rows) {
      const distances = centres.map(([cx = 0, cy = 0]) => (x - cx) ** 2 + (y - cy) ** 2);
      const nearest = distances.indexOf(Math.min(...distances));
      counts[nearest]! += 1;
      squared += distances[nearest]!;
    }
    expect(squared / rows.length).toBeLessThanOrEqual(0.005);
    for (const count of counts)
      expect(Math.abs(count / rows.length - 0.25)).toBeLessThanOrEqual(0.02);
    await expectWeights(page, region);
  });
});

test.describe("the 1D example's controls", () => {
  test("reading the chapter loads no TensorFlow.js until the reader reaches for Train", async ({
    page,
  }) => {
    const log = watch(page);
    const chapter = CHAPTERS.find((c) => c.path === EXAMPLE_1D.path)!;
    await visit(page, chapter);
    const training = () => log.requests.filter((url) => TRAINING_CODE.test(url));
    expect(training()).toEqual([]);

    const region = page.getByRole("region", { name: EXAMPLE_1D.region });
    await button(region, "Train").hover();
    await expect.poll(() => training().length).toBeGreaterThan(0);
  });

  test("Train and Pause work from the keyboard", async ({ page }) => {
    const region = await open(page, EXAMPLE_1D);
    await button(region, "Train").focus();
    await page.keyboard.press("Enter");
    await expect(region).toHaveAttribute("data-state", "training");
    // Train is disabled while training, so focus moves on to Pause.
    await expect(button(region, "Pause")).toBeFocused();
    await page.keyboard.press("Space");
    await expect(region).toHaveAttribute("data-state", /paused|converged/);
    await expect(button(region, "Train")).toBeFocused();
  });

  test("Pause stops the step counter and Train resumes it", async ({ page }) => {
    const region = await open(page, EXAMPLE_1D);
    // The fast default converges within a second, too soon to pause.
    await startLongRun(region);
    await expect(region).toHaveAttribute("data-state", "training");

    await button(region, "Pause").click();
    await expect(region).toHaveAttribute("data-state", "paused");
    const paused = await stepText(region).textContent();
    await page.waitForTimeout(1000);
    await expect(stepText(region)).toHaveText(paused!);

    await button(region, "Train").click();
    await expect(stepText(region)).not.toHaveText(paused!, { timeout: 30_000 });
  });

  test("Reset returns to idle with an empty loss chart, and Train converges again", async ({
    page,
  }) => {
    const region = await open(page, EXAMPLE_1D);
    const lossPoints = region.locator(".loss-chart circle");
    await startLongRun(region);
    await expect(lossPoints.first()).toBeAttached();

    await button(region, "Reset").click();
    await expect(region).toHaveAttribute("data-state", "idle");
    await expect(lossPoints).toHaveCount(0);
    await expect(stepText(region)).toHaveText(/^Step 0 /);

    await button(region, "Fast default").click();
    await trainToConvergence(region);
    expect(await lossPoints.count()).toBeGreaterThan(0);
  });

  test("the reverse-process slider redraws the samples", async ({ page }) => {
    const region = await open(page, EXAMPLE_1D);
    await trainToConvergence(region);
    const slider = region.getByRole("slider", { name: "Reverse step t" });
    await expect(slider).toBeVisible();
    const canvas = region.locator('[data-view="samples"] canvas');
    const drawn = () => canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());

    const atZero = await drawn();
    await slider.fill(String(await slider.getAttribute("max")));
    await expect(region.getByText(/^t = \d+ of \d+$/)).not.toHaveText(/^t = 0 /);
    expect(await drawn()).not.toBe(atZero);
  });

  test("weights saved by Download load back with Import, and training goes on from them", async ({
    page,
  }) => {
    const region = await open(page, EXAMPLE_1D);
    await trainToConvergence(region);
    const saved = await download(page, region, "Download weights (JSON)");
    await button(region, "Reset").click();
    await expect(region).toHaveAttribute("data-state", "idle");

    const choose = async (name: string, text: string) => {
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        button(region, "Import weights (JSON)").click(),
      ]);
      await chooser.setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
    };
    await choose("ddpm-1d-weights.json", saved);
    await expect(region).toHaveAttribute("data-state", "paused");
    await expect(region.getByText(/^Loaded saved weights/)).toBeVisible();
    // The same tensors come back out, and the model they make samples the target.
    const again = JSON.parse(await download(page, region, "Download weights (JSON)")) as unknown;
    expect(again).toEqual(JSON.parse(saved));
    const { rows } = parseCsv(await download(page, region, "Download samples (CSV)"));
    expect(Math.abs(moments(rows, 0).mean - 1)).toBeLessThanOrEqual(0.01);

    // A file that is not weights changes nothing.
    await choose("notes.json", "not json");
    await expect(
      region.getByText("notes.json could not be loaded. The file is not JSON."),
    ).toBeVisible();
    await expect(region).toHaveAttribute("data-state", "paused");

    await trainToConvergence(region);
  });

  for (const bad of ["abc", "-1", ""]) {
    test(`a learning rate of "${bad}" is refused next to its field and disables Train`, async ({
      page,
    }) => {
      const region = await open(page, EXAMPLE_1D);
      const field = region.getByLabel("Learning rate");
      const train = button(region, "Train");
      await expect(train).toBeEnabled();

      await field.fill(bad);
      await expect(field).toHaveAttribute("aria-invalid", "true");
      // The message sits under the field and is its accessible description.
      await expect(field).toHaveAccessibleDescription(/from .+ to /);
      await expect(field.locator("xpath=..").getByText(/from .+ to /)).toBeVisible();
      await expect(train).toBeDisabled();

      await field.fill("0.01");
      await expect(field).not.toHaveAttribute("aria-invalid", "true");
      await expect(train).toBeEnabled();
    });
  }
});
