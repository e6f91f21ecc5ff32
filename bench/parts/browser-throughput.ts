/**
 * Part 1b: training steps per second in headless Chromium, on the page's main thread and in
 * a Web Worker, per backend, on the benchmark's own page.
 */
import type { Browser, Page } from "@playwright/test";
import type { BenchWindow, ThroughputReply, ThroughputRequest } from "../page/api";
import type { ThroughputOptions } from "../lib/throughput";
import { EXAMPLE_IDS } from "./examples";
import { STEP_KINDS, type PlacedResult } from "./node-throughput";

/** Backends tried in the browser. webgl is asked for too, so the table says why it is absent
 * for as long as the site ships no webgl backend. */
export const BROWSER_BACKENDS = ["wasm", "cpu", "webgl"] as const;

/** Where in the page a measurement runs. */
export const PLACES = ["main", "worker"] as const;

/** The browser's measurements, the backends that could not run and why, and what WebGL
 * would run on in this browser. */
export interface BrowserThroughput {
  readonly results: PlacedResult[];
  readonly skipped: string[];
  readonly webglRenderer: string;
}

/** Measures every example, backend and place on the page served at `url`. */
export async function browserThroughput(
  browser: Browser,
  url: string,
  options: ThroughputOptions,
): Promise<BrowserThroughput> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForSelector("body[data-ready]");
    const webglRenderer = await page.evaluate(rendererName);
    const results: PlacedResult[] = [];
    const skipped: string[] = [];
    for (const place of PLACES)
      for (const backend of BROWSER_BACKENDS) {
        const error = await measureBackend(page, place, backend, options, results);
        if (error) skipped.push(`chromium ${place} ${backend}: ${error}`);
      }
    return { results, skipped, webglRenderer };
  } finally {
    await page.close();
  }
}

/** Measures every example and step kind on one backend, appending to `results`; returns why
 * the backend could not run (it fails alike for every example), or null. */
async function measureBackend(
  page: Page,
  place: (typeof PLACES)[number],
  backend: string,
  options: ThroughputOptions,
  results: PlacedResult[],
): Promise<string | null> {
  for (const example of EXAMPLE_IDS)
    for (const kind of STEP_KINDS) {
      const reply = await run(page, place, { example, backend, kind, options });
      if (!reply.ok) return reply.error;
      results.push({ place: `chromium ${place}`, ...reply.result });
    }
  return null;
}

/** Asks the page to measure one request on its main thread or in a worker. */
function run(
  page: Page,
  place: (typeof PLACES)[number],
  request: ThroughputRequest,
): Promise<ThroughputReply> {
  return page.evaluate(
    ([where, req]) => {
      const api = (window as BenchWindow).benchPage!;
      return where === "main" ? api.onMainThread(req) : api.inWorker(req);
    },
    [place, request] as const,
  );
}

/** The renderer behind WebGL in this browser (SwiftShader is a software rasteriser), or why
 * there is none. Runs in the page. */
function rendererName(): string {
  const gl = document.createElement("canvas").getContext("webgl2");
  if (!gl) return "none: WebGL 2 did not start";
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}
