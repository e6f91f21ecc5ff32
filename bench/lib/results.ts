/**
 * Writes a run's results as JSON under bench/results/ (git-ignored).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** The results folder, beside this file's parent. */
const RESULTS_DIR = fileURLToPath(new URL("../results/", import.meta.url));

/** Writes `data` to bench/results/bench-<timestamp>.json and latest.json; returns the first
 * file's path. */
export function writeResults(data: unknown, date: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = date.replace(/[:.]/g, "-").replace(/-\d+Z$/, "Z");
  const file = join(RESULTS_DIR, `bench-${stamp}.json`);
  const text = `${JSON.stringify(data, null, 2)}\n`;
  writeFileSync(file, text);
  writeFileSync(join(RESULTS_DIR, "latest.json"), text);
  return file;
}
