/**
 * Steps the example tests share: open a chapter's example, train it, save and read its files.
 */
import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page } from "@playwright/test";

/** How long a run may take to converge on a slow two-core machine, in ms. */
export const CONVERGE_MS = 180_000;

/** An example island: the chapter it lives in and the heading that names its region. */
export interface Example {
  readonly path: string;
  readonly region: string;
}

export const EXAMPLE_1D: Example = {
  path: "ddpm-in-100-lines/",
  region: "Train a 1D diffusion model",
};
export const EXAMPLE_2D: Example = {
  path: "diffusion-in-2d/",
  region: "Train a 2D diffusion model",
};
export const EXAMPLE_SPIKES: Example = { path: "multimodal-2d/", region: "Train on four spikes" };
export const EXAMPLE_PLAYGROUND: Example = { path: "playground/", region: "Train on your data" };

/** Opens the chapter and returns the example's region. */
export async function open(page: Page, example: Example): Promise<Locator> {
  await page.goto(example.path);
  const region = page.getByRole("region", { name: example.region });
  await expect(region).toBeVisible();
  return region;
}

/** Clicks Train and waits for the run to converge; returns the seconds it took. */
export async function trainToConvergence(region: Locator): Promise<number> {
  const start = Date.now();
  await button(region, "Train").click();
  await expect(region).toHaveAttribute("data-state", "converged", { timeout: CONVERGE_MS });
  return (Date.now() - start) / 1000;
}

/** Trains with the seed's settings, which run for minutes: long enough to interrupt. Returns
 * once the first steps show. */
export async function startLongRun(region: Locator): Promise<void> {
  await button(region, "Seed's settings").click();
  await button(region, "Train").click();
  await expect(stepText(region)).not.toHaveText(/^Step 0 /, { timeout: 60_000 });
}

/** The island's button with exactly this name. */
export function button(region: Locator, name: string): Locator {
  return region.getByRole("button", { name, exact: true });
}

/** Clicks a download button and returns the saved file's text. */
export async function download(page: Page, region: Locator, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), button(region, name).click()]);
  const path = await file.path();
  return readFile(path, "utf8");
}

/** The CSV's header and its rows as numbers. */
export function parseCsv(text: string): { header: string; rows: number[][] } {
  const [header = "", ...lines] = text.trim().split("\n");
  return { header, rows: lines.map((line) => line.split(",").map(Number)) };
}

/** Mean and population standard deviation of one column. */
export function moments(rows: number[][], column: number): { mean: number; std: number } {
  const values = rows.map((row) => row[column]!);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

/** The step counter's text, "Step 1,200 / 5,000". */
export function stepText(region: Locator): Locator {
  return region.getByText(/^Step [\d,]+ \/ [\d,]+$/);
}

/** Saves the weights and checks the JSON: two hidden layers and an output, W and b each. */
export async function expectWeights(page: Page, region: Locator): Promise<void> {
  const json = JSON.parse(await download(page, region, "Download weights (JSON)")) as {
    config: { width: number };
    weights: { name: string; shape: number[]; values: number[] }[];
  };
  expect(json.weights).toHaveLength(6);
  for (const tensor of json.weights)
    expect(tensor.values).toHaveLength(tensor.shape.reduce((a, b) => a * b, 1));
  expect(json.weights[0]!.shape[1]).toBe(json.config.width);
}
