/**
 * Part 4: the bytes each chapter page ships before the reader touches anything (read to the
 * end, so whatever loads on scroll counts), and what a click on Train adds (the worker, tfjs
 * and the .wasm) on the chapters that hold an example.
 */
import type { Browser } from "@playwright/test";
import { CHAPTERS, visit } from "../../e2e/helpers";
import type { ExampleId } from "../../src/training/examples";
import { collectResources, type Resource } from "../lib/resources";
import { EXAMPLE_CHAPTER, EXAMPLE_IDS, islandSelector } from "./examples";

/** The longest to wait after Train for the run to end (by then everything it needs has
 * loaded), in ms. */
const AFTER_TRAIN_MS = 60_000;
/** Quiet time after the run ends, for late requests, in ms. */
const QUIET_MS = 500;

/** What one chapter page downloaded. */
export interface ChapterBytes {
  /** The chapter's path under the site's root, "/" for the introduction. */
  readonly chapter: string;
  /** The example on the page, if it has one. */
  readonly example?: ExampleId;
  /** Every file: phase "before" up to the click on Train, "after" from it on. */
  readonly resources: Resource[];
}

/** Visits every chapter, each in a fresh context (cold cache). */
export async function chapterBytes(browser: Browser, siteUrl: string): Promise<ChapterBytes[]> {
  const results: ChapterBytes[] = [];
  for (const chapter of CHAPTERS) {
    const example = EXAMPLE_IDS.find((id) => EXAMPLE_CHAPTER[id] === chapter.path);
    const context = await browser.newContext({ baseURL: siteUrl });
    try {
      let phase = "before";
      const { resources, settle } = collectResources(context, () => phase);
      const page = await context.newPage();
      await visit(page, chapter);
      if (example) {
        const island = page.locator(islandSelector(example));
        phase = "after";
        await island.getByRole("button", { name: "Train", exact: true }).click();
        await page
          .waitForFunction(
            (selector) => {
              const state = document.querySelector<HTMLElement>(selector)?.dataset["state"];
              return state !== "training" && state !== "idle";
            },
            islandSelector(example),
            { timeout: AFTER_TRAIN_MS, polling: 250 },
          )
          .catch(() => undefined);
        await page.waitForTimeout(QUIET_MS);
      }
      await settle();
      results.push({ chapter: `/${chapter.path}`, ...(example ? { example } : {}), resources });
    } finally {
      await context.close();
    }
  }
  return results;
}
