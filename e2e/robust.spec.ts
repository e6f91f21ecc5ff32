/**
 * The examples under bad input, faults and long use: settings that cannot run, links that
 * carry them, a learning rate that diverges, a backend that fails to load, many runs on one
 * page, a hidden tab and a page left behind.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  button,
  download,
  EXAMPLE_1D,
  open,
  startLongRun,
  stepText,
  trainToConvergence,
} from "./train-helpers";

test.describe("settings that cannot run", () => {
  // Typed into a field: what the message must say, next to that field.
  const cases: [label: string, typed: string, message: RegExp][] = [
    ["Learning rate", "", /Enter a number from/],
    ["Learning rate", "fast", /Enter a number from/],
    ["Learning rate", "0", /Must be from 0\.000001 to 10; got 0/],
    ["Batch size", "-64", /Must be from 8 to 4096; got -64/],
    ["Batch size", "10000000", /Must be from 8 to 4096/],
    ["Batch size", "64.5", /Enter a whole number/],
    ["Training steps", "1e9", /Must be from 10 to 100000/],
    ["Network width", "100000", /Must be from 4 to 256/],
    ["Number of steps T", "5000", /Must be from 2 to 1000/],
  ];
  for (const [label, typed, message] of cases)
    test(`${label} = "${typed}" is refused beside the field and disables Train`, async ({
      page,
    }) => {
      const region = await open(page, EXAMPLE_1D);
      const field = region.getByLabel(label, { exact: true });
      await field.fill(typed);
      await expect(field).toHaveAttribute("aria-invalid", "true");
      await expect(field).toHaveAccessibleDescription(message);
      await expect(button(region, "Train")).toBeDisabled();
      await expect(region.getByText("Fix the settings marked above")).toBeVisible();
    });

  test("the seed's schedule refuses a T other than its ten steps", async ({ page }) => {
    const region = await open(page, EXAMPLE_1D);
    await region.getByLabel("Noise schedule").selectOption("seed");
    const T = region.getByLabel("Number of steps T", { exact: true });
    await expect(T).toHaveAccessibleDescription(/exactly 10 steps/);
    await expect(button(region, "Train")).toBeDisabled();
    await T.fill("10");
    await expect(button(region, "Train")).toBeEnabled();
  });

  test("the settings cannot change under a running model", async ({ page }) => {
    const region = await open(page, EXAMPLE_1D);
    await startLongRun(region);
    await expect(region.getByLabel("Learning rate")).toBeDisabled();
    await expect(button(region, "Fast default")).toBeDisabled();
    await button(region, "Pause").click();
    await expect(region.getByLabel("Learning rate")).toBeEnabled();
  });
});

test.describe("settings in the page's link", () => {
  test("are restored from the link and kept in it as they change", async ({ page }) => {
    await page.goto(`${EXAMPLE_1D.path}?learningRate=0.005&seed=7#train-it`);
    const region = page.getByRole("region", { name: EXAMPLE_1D.region });
    await expect(region.getByLabel("Learning rate")).toHaveValue("0.005");
    await expect(region.getByLabel("Random seed")).toHaveValue("7");
    await expect(button(region, "Fast default")).toHaveAttribute("aria-pressed", "false");

    await region.getByLabel("Random seed").fill("8");
    await expect.poll(() => new URL(page.url()).search).toBe("?learningRate=0.005&seed=8");
    expect(new URL(page.url()).hash).toBe("#train-it");
    await page.reload();
    await expect(region.getByLabel("Random seed")).toHaveValue("8");

    await button(region, "Fast default").click();
    await expect.poll(() => new URL(page.url()).search).toBe("");
  });

  test("with values that cannot run, fall back to the defaults and say why", async ({ page }) => {
    const log: string[] = [];
    page.on("pageerror", (error) => log.push(error.message));
    await page.goto(`${EXAMPLE_1D.path}?steps=1e9&width=abc&optimizer=rmsprop&seed=3`);
    const region = page.getByRole("region", { name: EXAMPLE_1D.region });
    const notice = region.getByRole("status").filter({ hasText: "cannot run" });
    await expect(notice).toBeVisible();
    await expect(notice.getByRole("listitem")).toHaveText([
      /^Optimizer: Choose one of adam, sgd; got "rmsprop"\.$/,
      /^Training steps: Must be from 10 to 100000; got 1000000000\.$/,
      /^Network width: Enter a number from 4 to 256\.$/,
    ]);
    await expect(region.getByLabel("Training steps")).toHaveValue("5000");
    await expect(region.getByLabel("Network width")).toHaveValue("32");
    await expect(region.getByLabel("Random seed")).toHaveValue("3");
    await expect(button(region, "Train")).toBeEnabled();
    expect(log).toEqual([]);
  });
});

test("a learning rate that diverges stops the run, says why, and keeps a model", async ({
  page,
}) => {
  const region = await open(page, EXAMPLE_1D);
  await region.getByLabel("Optimizer").selectOption("sgd");
  await region.getByLabel("Learning rate").fill("10");
  await button(region, "Train").click();
  await expect(region).toHaveAttribute("data-state", "diverged", { timeout: 30_000 });
  await expect(region.getByText(/^Diverged at step/)).toHaveText(/learning rate/);

  // The last good weights stay: they download, finite, and the reverse process samples them.
  const json = JSON.parse(await download(page, region, "Download weights (JSON)")) as {
    weights: { values: number[] }[];
  };
  expect(json.weights.flatMap((w) => w.values).every(Number.isFinite)).toBe(true);
  await expect(region.getByRole("slider", { name: "Reverse step t" })).toBeVisible();

  await button(region, "Reset").click();
  await expect(region).toHaveAttribute("data-state", "idle");
  await region.getByLabel("Learning rate").fill("0.001");
  await expect(button(region, "Train")).toBeEnabled();
});

test("without WebAssembly the example trains on the plain JavaScript backend", async ({ page }) => {
  await page.route(/\.wasm$/, (route) => route.abort());
  const region = await open(page, EXAMPLE_1D);
  await trainToConvergence(region);
  const backend = region.getByText(/^Backend: cpu/);
  await expect(backend).toHaveText(/WebAssembly could not start/);
  await expect(backend).toHaveAttribute("title", /^wasm (failed|did not start)/);
});

/** The island's worker tensor count, as its last snapshot reported it. */
async function tensors(region: Locator): Promise<number> {
  return Number(await region.getAttribute("data-tensors"));
}

/** Counts event listeners added and removed on every target, from before the page loads. */
async function countListeners(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const target = EventTarget.prototype;
    const [add, remove] = [target.addEventListener, target.removeEventListener];
    const live = { count: 0 };
    (window as unknown as { listeners: typeof live }).listeners = live;
    target.addEventListener = function (...args: Parameters<typeof add>) {
      live.count += 1;
      return add.apply(this, args);
    };
    target.removeEventListener = function (...args: Parameters<typeof remove>) {
      live.count -= 1;
      return remove.apply(this, args);
    };
  });
  return () =>
    page.evaluate(() => (window as unknown as { listeners: { count: number } }).listeners.count);
}

test("twenty Train and Reset cycles leave one worker, its tensors and the listeners flat", async ({
  page,
}) => {
  const listeners = await countListeners(page);
  const region = await open(page, EXAMPLE_1D);
  const cycle = async () => {
    await startLongRun(region);
    await button(region, "Reset").click();
    await expect(region).toHaveAttribute("data-state", "idle");
  };
  await cycle();
  const [tensorsAfterOne, listenersAfterOne] = [await tensors(region), await listeners()];
  expect(tensorsAfterOne).toBeGreaterThan(0);
  for (let i = 1; i < 20; i++) await cycle();

  expect(page.workers()).toHaveLength(1);
  expect(await tensors(region)).toBe(tensorsAfterOne);
  expect(await listeners()).toBe(listenersAfterOne);
  await button(region, "Fast default").click();
  await trainToConvergence(region);
});

test("leaving the page ends its worker", async ({ page }) => {
  const region = await open(page, EXAMPLE_1D);
  const [worker] = await Promise.all([page.waitForEvent("worker"), startLongRun(region)]);
  const closed = new Promise<void>((resolve) => worker.once("close", () => resolve()));
  await page.goto("multimodal-2d/");
  await closed;
  expect(page.workers()).toHaveLength(0);
});

test("a hidden tab keeps training without drawing, and draws at once when shown", async ({
  page,
}) => {
  // Headless pages are never hidden, so the test hides this one by hand.
  await page.addInitScript(() => {
    const hidden = { value: false };
    (window as unknown as { setHidden: (h: boolean) => void }).setHidden = (h) => {
      hidden.value = h;
      document.dispatchEvent(new Event("visibilitychange"));
    };
    Object.defineProperty(document, "hidden", { get: () => hidden.value });
    Object.defineProperty(document, "visibilityState", {
      get: () => (hidden.value ? "hidden" : "visible"),
    });
  });
  const setHidden = (hidden: boolean) =>
    page.evaluate(
      (h) => (window as unknown as { setHidden: (h: boolean) => void }).setHidden(h),
      hidden,
    );
  const region = await open(page, EXAMPLE_1D);
  await startLongRun(region);

  await setHidden(true);
  // A redraw already asked for may still land; after it, nothing changes while hidden.
  await page.waitForTimeout(500);
  const frozen = await stepText(region).textContent();
  await page.waitForTimeout(1500);
  await expect(stepText(region)).toHaveText(frozen!);

  await setHidden(false);
  await expect(stepText(region)).not.toHaveText(frozen!, { timeout: 1000 });
  const step = (text: string | null) =>
    Number(text!.match(/^Step ([\d,]+)/)![1]!.replace(/,/g, ""));
  // Trained on while hidden: at the seed's settings the worker runs hundreds of steps a second.
  expect(step(await stepText(region).textContent()) - step(frozen)).toBeGreaterThan(100);
  await button(region, "Pause").click();
});
