/**
 * Functions that run inside the site's pages, handed to Playwright's `addInitScript` and
 * `evaluate`. Each is self-contained: Playwright sends its source text, not its closure.
 */

/** A main-thread task longer than 50 ms, as the Long Tasks API reports it. */
export interface LongTask {
  /** Start, in ms on the page's `performance.now()` clock. */
  readonly start: number;
  readonly duration: number;
}

/** One run's marks: when Train was clicked and when the island left "training". */
export interface RunMarks {
  click: number;
  end: number;
  /** The island's data-state at `end`. */
  state: string;
}

/** What the benchmark keeps on the page's window. */
export interface MarkedWindow {
  benchLongTasks?: LongTask[];
  benchRun?: RunMarks;
}

/** Records every long task from the page's start; install with `addInitScript` so that the
 * observer exists before any of the page's own scripts run. */
export function observeLongTasks(): void {
  const tasks: LongTask[] = [];
  (window as MarkedWindow).benchLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
}

/** Marks, on the page's own clock, the click on the island's Train button (in the capture
 * phase, before the island's handler runs) and the first state after "training". */
export function markRun(island: HTMLElement): void {
  const marks: RunMarks = { click: 0, end: 0, state: "" };
  (window as MarkedWindow).benchRun = marks;
  const train = island.querySelector('[data-action="train"]')!;
  const onClick = () => (marks.click = performance.now());
  train.addEventListener("click", onClick, { capture: true, once: true });
  new MutationObserver(() => {
    const state = island.dataset["state"] ?? "";
    if (marks.end || !marks.click || state === "training" || state === "idle") return;
    marks.end = performance.now();
    marks.state = state;
  }).observe(island, { attributes: true, attributeFilter: ["data-state"] });
}

/** Whether the marked run has ended. */
export function runEnded(): boolean {
  return ((window as MarkedWindow).benchRun?.end ?? 0) > 0;
}

/** The marks and every long task so far. */
export function readMarks(): { marks: RunMarks; tasks: LongTask[] } {
  const w = window as MarkedWindow;
  return { marks: w.benchRun!, tasks: w.benchLongTasks ?? [] };
}
