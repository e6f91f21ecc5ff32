import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";

/** How long a run may take to converge on a slow two-core machine, in ms. */
const CONVERGE_MS = 180_000;

/** An example island: the chapter it lives in and the heading that names its region. */
interface Example {
  readonly path: string;
  readonly region: string;
}

const EXAMPLE_1D: Example = { path: "ddpm-in-100-lines/", region: "Train a 1D diffusion model" };
const EXAMPLE_2D: Example = { path: "diffusion-in-2d/", region: "Train a 2D diffusion model" };
const EXAMPLE_SPIKES: Example = { path: "multimodal-2d/", region: "Train on four spikes" };

/** Opens the chapter and returns the example's region. */
async function open(page: Page, example: Example): Promise<Locator> {
  await page.goto(example.path);
  const region = page.getByRole("region", { name: example.region });
  await expect(region).toBeVisible();
  return region;
}

/** Clicks Train and waits for the run to converge; returns the seconds it took. */
async function trainToConvergence(region: Locator): Promise<number> {
  const start = Date.now();
  await button(region, "Train").click();
  await expect(region).toHaveAttribute("data-state", "converged", { timeout: CONVERGE_MS });
  return (Date.now() - start) / 1000;
}

function button(region: Locator, name: string): Locator {
  return region.getByRole("button", { name, exact: true });
}

/** Clicks a download button and returns the saved file's text. */
async function download(page: Page, region: Locator, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), button(region, name).click()]);
  const path = await file.path();
  return readFile(path, "utf8");
}

/** The CSV's header and its rows as numbers. */
function parseCsv(text: string): { header: string; rows: number[][] } {
  const [header = "", ...lines] = text.trim().split("\n");
  return { header, rows: lines.map((line) => line.split(",").map(Number)) };
}

/** Mean and population standard deviation of one column. */
function moments(rows: number[][], column: number): { mean: number; std: number } {
  const values = rows.map((row) => row[column]!);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

/** The step counter's text, "Step 1,200 / 5,000". */
function stepText(region: Locator): Locator {
  return region.getByText(/^Step [\d,]+ \/ [\d,]+$/);
}

/** Saves the weights and checks the JSON: two hidden layers and an output, W and b each. */
async function expectWeights(page: Page, region: Locator): Promise<void> {
  const json = JSON.parse(await download(page, region, "Download weights (JSON)")) as {
    config: { width: number };
    weights: { name: string; shape: number[]; values: number[] }[];
  };
  expect(json.weights).toHaveLength(6);
  for (const tensor of json.weights)
    expect(tensor.values).toHaveLength(tensor.shape.reduce((a, b) => a * b, 1));
  expect(json.weights[0]!.shape[1]).toBe(json.config.width);
}

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
  test("Pause stops the step counter and Train resumes it", async ({ page }) => {
    const region = await open(page, EXAMPLE_1D);
    await button(region, "Train").click();
    await expect(region).toHaveAttribute("data-state", "training");
    await expect(stepText(region)).not.toHaveText(/^Step 0 /, { timeout: 60_000 });

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
    await button(region, "Train").click();
    await expect(lossPoints.first()).toBeAttached({ timeout: 60_000 });

    await button(region, "Reset").click();
    await expect(region).toHaveAttribute("data-state", "idle");
    await expect(lossPoints).toHaveCount(0);
    await expect(stepText(region)).toHaveText(/^Step 0 /);

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
