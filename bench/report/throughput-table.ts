/**
 * Part 1's table: steps per second per place, backend and example.
 */
import type { PlacedResult } from "../parts/node-throughput";
import { EXAMPLE_LABEL } from "../parts/examples";
import { spread } from "../lib/stats";
import { withRange, type Table } from "../lib/table";

/** One row per place, backend and example; a column per step kind, median (min–max) of the
 * timed windows. */
export function throughputTable(results: readonly PlacedResult[], notes: readonly string[]): Table {
  const keys = [...new Set(results.map((r) => `${r.place}|${r.backend}|${r.example}`))];
  const rows = keys.map((key) => {
    const same = results.filter((r) => `${r.place}|${r.backend}|${r.example}` === key);
    const cell = (kind: string) => {
      const result = same.find((r) => r.kind === kind);
      return result ? withRange(spread(result.windows)) : "–";
    };
    const leaked = same.reduce((n, r) => n + r.leakedTensors, 0);
    const [place, backend] = key.split("|");
    return [
      place!,
      backend!,
      EXAMPLE_LABEL[same[0]!.example],
      cell("trainStep"),
      cell("withAverage"),
      String(leaked),
    ];
  });
  return {
    title: "1. Training steps per second, default model of each example (fast preset)",
    headers: ["place", "backend", "example", "trainStep/s", "+ weight average/s", "leaked"],
    rows,
    notes: [
      "Median (min–max) of the timed windows, after a warm-up; losses read back every 10",
      "steps, as the worker does. '+ weight average' adds the EMA update the Trainer makes",
      "after each step. 'leaked': tensors alive after a measurement that were not before.",
      ...notes,
    ],
  };
}
