/**
 * The examples as the benchmark visits them: which chapter holds each, and the order of rows.
 */
import type { ExampleId } from "../../src/training/examples";

/** Example ids in the order the tables list them, the order a reader meets them. */
export const EXAMPLE_IDS: readonly ExampleId[] = ["1d", "2d", "spikes"];

/** The chapter (path under the site's root) whose page holds each example's island. */
export const EXAMPLE_CHAPTER: Readonly<Record<ExampleId, string>> = {
  "1d": "ddpm-in-100-lines/",
  "2d": "diffusion-in-2d/",
  spikes: "multimodal-2d/",
  playground: "playground/",
};

/** How a row names an example. */
export const EXAMPLE_LABEL: Readonly<Record<ExampleId, string>> = {
  "1d": "1D Gaussian",
  "2d": "2D Gaussian",
  spikes: "four spikes",
  playground: "playground (ring)",
};

/** The island of an example, for a Playwright or DOM selector. */
export function islandSelector(example: ExampleId): string {
  return `train-example[data-example="${example}"] > section`;
}
