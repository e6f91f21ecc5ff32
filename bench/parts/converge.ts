/**
 * Parts 2 and 3: in the built site, the time and steps from a click on Train to the converged
 * state, and the longest main-thread task meanwhile, for each example, over several runs.
 * Each run opens the chapter in a fresh browser context (cold cache), as a first visit does.
 */
import type { Browser } from "@playwright/test";
import type { ExampleId } from "../../src/training/examples";
import { markRun, observeLongTasks, readMarks, runEnded, type LongTask } from "../lib/in-page";
import { EXAMPLE_CHAPTER, EXAMPLE_IDS, islandSelector } from "./examples";

/** The longest a run may take before it is recorded as timed out, in ms. */
const RUN_TIMEOUT_MS = 120_000;
/** Quiet time after the page loads and before the click, in ms. */
const SETTLE_MS = 500;
/** Long tasks are also watched this long after the run ends (the reverse process opens). */
const AFTER_MS = 1500;

/** One click-to-converged run. */
export interface ConvergeRun {
  readonly example: ExampleId;
  /** The island's state when the run ended: "converged" unless something went wrong. */
  readonly state: string;
  /** From the click to the end state, on the page's clock. */
  readonly seconds: number;
  /** The step the run ended at, as the island reports it. */
  readonly steps: number;
  /** The worker's own training time, as the island reports it (excludes start-up). */
  readonly trainingSeconds: number;
  /** The backend the island reports. */
  readonly backend: string;
  /** The island's status line at the end. */
  readonly status: string;
  /** Long tasks between the click and the end, start times relative to the click. */
  readonly longTasks: LongTask[];
  /** Long tasks in the AFTER_MS after the end, start times relative to the click. */
  readonly longTasksAfter: LongTask[];
}

/** Runs every example `runs` times against the site at `siteUrl`. */
export async function convergeRuns(
  browser: Browser,
  siteUrl: string,
  runs: number,
): Promise<ConvergeRun[]> {
  const results: ConvergeRun[] = [];
  for (const example of EXAMPLE_IDS)
    for (let r = 0; r < runs; r++) results.push(await convergeOnce(browser, siteUrl, example));
  return results;
}

async function convergeOnce(
  browser: Browser,
  siteUrl: string,
  example: ExampleId,
): Promise<ConvergeRun> {
  const context = await browser.newContext({ baseURL: siteUrl });
  try {
    await context.addInitScript(observeLongTasks);
    const page = await context.newPage();
    await page.goto(EXAMPLE_CHAPTER[example]);
    await page.waitForLoadState("networkidle");
    const island = page.locator(islandSelector(example));
    await island.scrollIntoViewIfNeeded();
    await island.evaluate(markRun);
    await page.waitForTimeout(SETTLE_MS);

    await island.getByRole("button", { name: "Train", exact: true }).click();
    const ended = await page
      .waitForFunction(runEnded, null, { timeout: RUN_TIMEOUT_MS, polling: 100 })
      .then(() => true)
      .catch(() => false);
    if (ended) await page.waitForTimeout(AFTER_MS);

    const { marks, tasks } = await page.evaluate(readMarks);
    const status = (await island.locator('[data-field="state"]').textContent()) ?? "";
    const backend = (await island.locator('[data-field="backend"]').textContent()) ?? "";
    const end = ended ? marks.end : Infinity;
    const relative = (t: LongTask) => ({ start: t.start - marks.click, duration: t.duration });
    return {
      example,
      state: ended ? marks.state : "timeout",
      seconds: ended ? (marks.end - marks.click) / 1000 : NaN,
      steps: Number(/step ([\d,]+)/.exec(status)?.[1]?.replace(/,/g, "") ?? NaN),
      trainingSeconds: Number(/after ([\d.]+) s/.exec(status)?.[1] ?? NaN),
      backend: backend.replace(/^Backend:\s*/, ""),
      status,
      longTasks: tasks
        .filter((t) => t.start < end && t.start + t.duration > marks.click)
        .map(relative),
      longTasksAfter: tasks.filter((t) => t.start >= end).map(relative),
    };
  } finally {
    await context.close();
  }
}
