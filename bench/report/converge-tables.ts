/**
 * Parts 2 and 3's tables: click to converged, and the longest main-thread task meanwhile.
 */
import type { ExampleId } from "../../src/training/examples";
import type { LongTask } from "../lib/in-page";
import type { ConvergeRun } from "../parts/converge";
import { EXAMPLE_IDS, EXAMPLE_LABEL } from "../parts/examples";
import { spread } from "../lib/stats";
import { fixed, withRange, type Table } from "../lib/table";

/** The runs of one example. */
function runsOf(runs: readonly ConvergeRun[], example: ExampleId): ConvergeRun[] {
  return runs.filter((r) => r.example === example);
}

/** Counts of each end state, as "3 converged" or "2 converged, 1 timeout". */
function states(runs: readonly ConvergeRun[]): string {
  const counts = new Map<string, number>();
  runs.forEach((r) => counts.set(r.state, (counts.get(r.state) ?? 0) + 1));
  return [...counts].map(([state, n]) => `${n} ${state}`).join(", ");
}

/** Part 2: per example, the runs' end states and median (min–max) of time and steps. */
export function convergeTable(runs: readonly ConvergeRun[]): Table {
  const rows = EXAMPLE_IDS.filter((id) => runsOf(runs, id).length).map((id) => {
    const mine = runsOf(runs, id);
    return [
      EXAMPLE_LABEL[id],
      states(mine),
      withRange(spread(mine.map((r) => r.seconds)), 2),
      withRange(spread(mine.map((r) => r.steps))),
      withRange(spread(mine.map((r) => r.trainingSeconds)), 1),
      [...new Set(mine.map((r) => r.backend))].join(", "),
    ];
  });
  return {
    title: "2. Click on Train to converged, in the built site (headless Chromium)",
    headers: ["example", "runs", "click→end s", "steps", "worker training s", "backend"],
    rows,
    notes: [
      "Median (min–max) over the runs. Each run opens the chapter in a fresh context (cold",
      "cache), so the time includes starting the worker, loading tfjs and compiling the",
      ".wasm. 'click→end' is on the page's clock, from the click on Train to data-state",
      "leaving 'training'. 'steps' and 'worker training s' are what the island's status line",
      "reports (the worker's training time alone, to 0.1 s).",
    ],
  };
}

/** Tasks printed per example in part 3, longest first. */
const LISTED_TASKS = 6;

/** The longest tasks as "288@1462" (ms, at ms after the click), and how many more. */
function listed(tasks: readonly LongTask[]): string {
  const longest = [...tasks].sort((a, b) => b.duration - a.duration);
  const shown = longest.slice(0, LISTED_TASKS).map((t) => `${fixed(t.duration)}@${fixed(t.start)}`);
  const more = longest.length - shown.length;
  return shown.join(" ") + (more > 0 ? ` +${more} more` : "") || "–";
}

/** Part 3: per example, the longest long task while training and after, over all runs. */
export function longTaskTable(runs: readonly ConvergeRun[]): Table {
  const longest = (tasks: readonly { duration: number }[]) =>
    tasks.length ? fixed(Math.max(...tasks.map((t) => t.duration))) : "none";
  const rows = EXAMPLE_IDS.filter((id) => runsOf(runs, id).length).map((id) => {
    const mine = runsOf(runs, id);
    const during = mine.flatMap((r) => r.longTasks);
    const after = mine.flatMap((r) => r.longTasksAfter);
    return [
      EXAMPLE_LABEL[id],
      longest(during),
      String(during.length),
      listed(during),
      longest(after),
    ];
  });
  return {
    title: "3. Longest main-thread task while training (Long Tasks API, all runs)",
    headers: ["example", "longest ms", "count", "longest: ms@ms after click", "after end ms"],
    rows,
    notes: [
      "The Long Tasks API reports only tasks over 50 ms; 'none' means every task was shorter.",
      "'after end' covers the 1.5 s after the run ends, when the island opens the reverse",
      "process; it is not part of the goal, which is about training.",
    ],
  };
}
