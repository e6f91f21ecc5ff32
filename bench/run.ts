/**
 * `npm run bench`: how fast the examples train and what the pages cost, against issue 4's
 * goals. Not a test: it prints tables and writes JSON to bench/results/.
 *
 *   1. training steps per second per backend, in Node and in headless Chromium (main thread
 *      and worker), on a benchmark page of its own (bench/page);
 *   2. click on Train to converged in the built site, several runs per example;
 *   3. the longest main-thread task meanwhile;
 *   4. the bytes each chapter ships before interaction, and what Train adds.
 *
 * `npm run bench -- --help` lists the options.
 */
import type { Browser } from "@playwright/test";
import { parseArgs, USAGE } from "./lib/args";
import { launchChromium } from "./lib/chromium";
import { describeMachine } from "./lib/machine";
import { servePage } from "./lib/page-server";
import { writeResults } from "./lib/results";
import { buildSite, serveSite, SITE_OUT_DIR, type Server } from "./lib/site-server";
import { printTable } from "./lib/table";
import { browserThroughput, type BrowserThroughput } from "./parts/browser-throughput";
import { chapterBytes, type ChapterBytes } from "./parts/bytes";
import { convergeRuns, type ConvergeRun } from "./parts/converge";
import { nodeThroughput, type PlacedResult } from "./parts/node-throughput";
import { bytesAfterTable, bytesBeforeTable } from "./report/bytes-tables";
import { convergeTable, longTaskTable } from "./report/converge-tables";
import { evaluateGoals, goalsTable } from "./report/goals";
import { throughputTable } from "./report/throughput-table";

const args = parseArgs(process.argv.slice(2));
if (args === "help") {
  console.log(USAGE);
  process.exit(0);
}

/** Runs `work`, saying what it is and how long it took. */
async function step<T>(what: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  process.stdout.write(`· ${what} … `);
  const result = await work();
  console.log(`${((performance.now() - start) / 1000).toFixed(0)} s`);
  return result;
}

const machine = describeMachine();
console.log(
  `Benchmark of ${machine.commit}${machine.dirty ? " with uncommitted changes" : ""}, ` +
    `${machine.date}\n${machine.cpu}, ${machine.cores} cores, load ${machine.load.toFixed(2)}, ` +
    `Node ${machine.node}${args.quick ? "; --quick: short windows, one run each" : ""}`,
);

const { parts } = args;
let node: { results: PlacedResult[]; skipped: string[] } | undefined;
let browserResults: BrowserThroughput | undefined;
let runs: ConvergeRun[] | undefined;
let chapters: ChapterBytes[] | undefined;
let browser: Browser | undefined;
let chromiumVersion = "";
const servers: Server[] = [];

try {
  if (parts.has("node"))
    node = await step("Node throughput (wasm, cpu)", () => nodeThroughput(args.throughput));

  if (parts.has("browser") || parts.has("converge") || parts.has("bytes")) {
    browser = await launchChromium();
    chromiumVersion = browser.version();
    console.log(`· Chromium ${chromiumVersion}, headless, --disable-gpu`);
  }

  if (browser && parts.has("browser")) {
    const page = await step("Building the benchmark page", servePage);
    servers.push(page);
    browserResults = await step("Chromium throughput (main thread, worker)", () =>
      browserThroughput(browser!, page.url, args.throughput),
    );
  }

  if (browser && (parts.has("converge") || parts.has("bytes"))) {
    if (args.build) await step(`Building the site into ${SITE_OUT_DIR}`, buildSite);
    const site = await step("Starting astro preview", serveSite);
    servers.push(site);
    if (parts.has("converge"))
      runs = await step(`Click to converged, ${args.runs} run(s) per example`, () =>
        convergeRuns(browser!, site.url, args.runs),
      );
    if (parts.has("bytes"))
      chapters = await step("Bytes per chapter", () => chapterBytes(browser!, site.url));
  }
} finally {
  await browser?.close();
  for (const server of servers) await server.close();
}

const throughput = [...(node?.results ?? []), ...(browserResults?.results ?? [])];
if (throughput.length) {
  const notes = [...(node?.skipped ?? []), ...(browserResults?.skipped ?? [])].map(
    (line) => `Not measured: ${line}.`,
  );
  if (browserResults)
    notes.push(
      `WebGL in this Chromium renders with: ${browserResults.webglRenderer} (no GPU here; ` +
        "SwiftShader is a software rasteriser, so webgl figures would not be a GPU's).",
    );
  printTable(throughputTable(throughput, notes));
}
if (runs) {
  printTable(convergeTable(runs));
  printTable(longTaskTable(runs));
}
if (chapters) {
  printTable(bytesBeforeTable(chapters));
  printTable(bytesAfterTable(chapters));
}
const goals = evaluateGoals(runs, chapters);
printTable(goalsTable(goals));

const file = writeResults(
  {
    machine,
    chromium: chromiumVersion,
    options: { ...args, parts: [...args.parts] },
    throughput,
    skipped: [...(node?.skipped ?? []), ...(browserResults?.skipped ?? [])],
    webglRenderer: browserResults?.webglRenderer,
    converge: runs,
    bytes: chapters,
    goals,
  },
  machine.date,
);
console.log(`\nResults written to ${file}`);
