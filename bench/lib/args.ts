/**
 * The benchmark's command line: `npm run bench -- [--quick] [--runs=N] [--only=parts]
 * [--no-build]`.
 */
import type { ThroughputOptions } from "./throughput";

/** The parts that can run, in the order they run. */
export const PARTS = ["node", "browser", "converge", "bytes"] as const;
export type Part = (typeof PARTS)[number];

/** What to run and how long to measure. */
export interface BenchArgs {
  readonly parts: ReadonlySet<Part>;
  /** Click-to-converged runs per example. */
  readonly runs: number;
  readonly throughput: ThroughputOptions;
  /** Serve the site built by an earlier run instead of building it again. */
  readonly build: boolean;
  readonly quick: boolean;
}

/** Throughput windows: five of a second after a second's warm-up, or a quick look. */
const FULL: ThroughputOptions = { warmupMs: 1000, windowMs: 1000, windows: 5 };
const QUICK: ThroughputOptions = { warmupMs: 300, windowMs: 300, windows: 3 };

export const USAGE = `npm run bench -- [options]
  --quick         short throughput windows and one run per example (a smoke test)
  --runs=N        click-to-converged runs per example (default 3; 1 with --quick)
  --only=LIST     comma-separated parts: ${PARTS.join(",")} (default: all)
  --no-build      serve the site built by the previous run instead of building it again
  --help          this text`;

/** Parses argv (without node and the script); throws with the usage on anything unknown. */
export function parseArgs(argv: readonly string[]): BenchArgs | "help" {
  let quick = false;
  let runs: number | undefined;
  let parts: Part[] = [...PARTS];
  let build = true;
  for (const arg of argv) {
    const [flag, value] = arg.split("=", 2) as [string, string | undefined];
    if (arg === "--") continue;
    else if (flag === "--help" || flag === "-h") return "help";
    else if (flag === "--quick") quick = true;
    else if (flag === "--no-build") build = false;
    else if (flag === "--runs" && value && /^[1-9]\d*$/.test(value)) runs = Number(value);
    else if (flag === "--only" && value) {
      parts = value.split(",") as Part[];
      const unknown = parts.filter((p) => !PARTS.includes(p));
      if (unknown.length) throw new Error(`Unknown part ${unknown.join(", ")}.\n${USAGE}`);
    } else throw new Error(`Unknown argument ${arg}.\n${USAGE}`);
  }
  return {
    parts: new Set(parts),
    runs: runs ?? (quick ? 1 : 3),
    throughput: quick ? QUICK : FULL,
    build,
    quick,
  };
}
