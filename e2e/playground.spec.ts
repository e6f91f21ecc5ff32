/**
 * The playground as a reader uses it: pick each named dataset and see its target, draw a few
 * strokes and train on them, clear the drawing.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  button,
  EXAMPLE_PLAYGROUND,
  open,
  startLongRun,
  trainToConvergence,
} from "./train-helpers";

/** Each named dataset: its radio's label, its name in the link, and its component count. */
const DATASETS = [
  { label: "Four spikes", name: "spikes", components: 4 },
  { label: "Ring", name: "ring", components: 79 },
  { label: "Two moons", name: "moons", components: 80 },
  { label: "Spiral", name: "spiral", components: 82 },
  { label: "Checkerboard", name: "checkerboard", components: 200 },
];

/** Short strokes into three clusters, as fractions of the square: start and direction. */
const STROKES = [
  { x: 0.25, y: 0.3, dx: 0.03, dy: 0.01 },
  { x: 0.7, y: 0.35, dx: 0.01, dy: 0.03 },
  { x: 0.45, y: 0.75, dx: 0.03, dy: -0.01 },
];

/** Moves of the mouse per stroke: a few pixels each, about a fifth of the square in all. */
const MOVES = 6;

function picker(page: Page) {
  return {
    group: page.getByRole("group", { name: "Dataset" }),
    pad: page.getByRole("img", { name: /^Drawing area/ }),
    count: page.locator("dataset-picker").getByRole("status"),
    clear: page.getByRole("button", { name: "Clear drawing" }),
  };
}

/** Draws STROKES into the drawing area with the mouse. */
async function draw(page: Page, pad: Locator): Promise<void> {
  // The mouse moves in the viewport's coordinates, so the square must be on screen.
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  for (const { x, y, dx, dy } of STROKES) {
    await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
    await page.mouse.down();
    for (let i = 1; i <= MOVES; i++)
      await page.mouse.move(box.x + box.width * (x + dx * i), box.y + box.height * (y + dy * i));
    await page.mouse.up();
  }
}

test("picking each named dataset shows its components as the target and puts it in the link", async ({
  page,
}) => {
  const region = await open(page, EXAMPLE_PLAYGROUND);
  const { group } = picker(page);
  const targets = region.locator('[data-view="samples"] circle.target');
  for (const { label, name, components } of DATASETS) {
    await group.getByRole("radio", { name: label }).check();
    await expect(region).toHaveAttribute("data-components", String(components));
    await expect(targets).toHaveCount(components);
    expect(new URL(page.url()).searchParams.get("dataset")).toBe(name);
    await expect(button(region, "Train")).toBeEnabled();
  }
});

test("a link with ?dataset= opens that dataset, and the table lists its regions", async ({
  page,
}) => {
  await page.goto(`${EXAMPLE_PLAYGROUND.path}?dataset=spikes`);
  const region = page.getByRole("region", { name: EXAMPLE_PLAYGROUND.region });
  await expect(picker(page).group.getByRole("radio", { name: "Four spikes" })).toBeChecked();
  await expect(region.locator('[data-view="samples"] circle.target')).toHaveCount(4);
  // One row for the distance, one per spike.
  await expect(region.locator('[data-view="figures"] tbody tr')).toHaveCount(5);
});

test("a drawn dataset enables Train and trains to convergence", async ({ page }) => {
  const region = await open(page, EXAMPLE_PLAYGROUND);
  const { group, pad, count } = picker(page);
  await group.getByRole("radio", { name: "Your drawing" }).check();
  await expect(button(region, "Train")).toBeDisabled();
  await expect(count).toHaveText(/^0 points drawn; at least 3/);

  await draw(page, pad);
  await expect(group.getByRole("radio", { name: "Your drawing" })).toBeChecked();
  const drawn = Number((await count.textContent())!.match(/^(\d+) points/)![1]);
  expect(drawn).toBeGreaterThanOrEqual(STROKES.length * 2);
  await expect(region).toHaveAttribute("data-components", String(drawn));
  await expect(region.locator('[data-view="samples"] circle.target')).toHaveCount(drawn);
  expect(new URL(page.url()).searchParams.has("dataset")).toBe(false);

  const seconds = await trainToConvergence(region);
  console.log(`${drawn} drawn points converged ${seconds.toFixed(1)} s after Train`);
  const met = region.locator('[data-view="figures"] tbody tr[data-ok="true"]');
  // The distance row and one row per stroke, each far from the others.
  await expect(met).toHaveCount(1 + STROKES.length);
  await expect(region.locator('[data-view="figures"] tbody tr[data-ok="false"]')).toHaveCount(0);
});

test("clearing the drawing disables Train until points come back", async ({ page }) => {
  const region = await open(page, EXAMPLE_PLAYGROUND);
  const { group, pad, count, clear } = picker(page);
  await draw(page, pad);
  await expect(group.getByRole("radio", { name: "Your drawing" })).toBeChecked();
  await expect(button(region, "Train")).toBeEnabled();

  await clear.click();
  await expect(count).toHaveText(/^0 points drawn/);
  await expect(button(region, "Train")).toBeDisabled();
  await expect(region.locator('[data-view="samples"] circle.target')).toHaveCount(0);
  await expect(region).toHaveAttribute("data-state", "idle");
});

test("the data cannot change while the island trains on it, and can again once paused", async ({
  page,
}) => {
  const region = await open(page, EXAMPLE_PLAYGROUND);
  const { group, pad, count, clear } = picker(page);
  await startLongRun(region);
  const spiral = group.getByRole("radio", { name: "Spiral" });
  await expect(spiral).toBeDisabled();
  await expect(clear).toBeDisabled();
  await draw(page, pad);
  await expect(count).toHaveText(/^0 points drawn/);
  await expect(region).toHaveAttribute("data-state", "training");

  await button(region, "Pause").click();
  await expect(region).toHaveAttribute("data-state", "paused");
  await expect(spiral).toBeEnabled();
  await spiral.check();
  await expect(region).toHaveAttribute("data-state", "idle");
});
