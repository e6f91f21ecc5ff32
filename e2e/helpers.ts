import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";

/** One chapter of the tutorial, as a reader finds it in the sidebar. */
export interface Chapter {
  /** Path relative to the base URL, so the suite also runs against a build under a prefix. */
  path: string;
  /** The page's h1 and its sidebar label. */
  title: string;
}

/** The chapters in reading order, which is also the sidebar's order, and the playground after
 * them: every page the sweeps (site, a11y, csp, links, reading) go through. */
export const CHAPTERS: readonly Chapter[] = [
  { path: "", title: "Introduction to diffusion models" },
  { path: "what-are-diffusion-models/", title: "What are diffusion models?" },
  { path: "ddpm-in-100-lines/", title: "How to implement a diffusion model in 100 lines" },
  { path: "diffusion-in-2d/", title: "Diffusion models in 2D" },
  { path: "multimodal-2d/", title: "Diffusion models in 2D with multimodalities" },
  { path: "playground/", title: "Playground" },
];

/** How a chapter reads in a test title: its path from the site's root, as a reader types it. */
export function label(chapter: Chapter): string {
  return `/${chapter.path}`;
}

/** What went wrong while a page was open, and every URL it asked for. */
export interface PageLog {
  /** Console errors, uncaught exceptions, failed requests and HTTP errors, one line each. */
  problems: string[];
  /** Every request URL, in the order the page made them. */
  requests: string[];
}

/**
 * Starts recording on `page`; call before the first `goto`. The arrays fill while the page
 * lives, so read them once the page has settled (see `visit`).
 */
export function watch(page: Page): PageLog {
  const log: PageLog = { problems: [], requests: [] };
  page.on("console", (message) => {
    if (message.type() === "error") log.problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => log.problems.push(`uncaught: ${error.message}`));
  page.on("request", (request) => log.requests.push(request.url()));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "unknown reason";
    log.problems.push(`request failed (${reason}): ${request.url()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) log.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return log;
}

/** How long the network must stay quiet before a page counts as settled, in ms. */
const QUIET_MS = 500;

/** The longest a page may keep the network busy before `visit` reads it anyway, in ms. */
const SETTLE_LIMIT_MS = 15_000;

/**
 * Opens a chapter and reads it to the end: scrolls one screen at a time, so that anything
 * loaded as it comes into view is asked for, then waits until no request has been in flight
 * for `QUIET_MS`. (`waitForLoadState("networkidle")` would not do: once reached, it resolves
 * at once, and misses what scrolling starts.)
 */
export async function visit(page: Page, chapter: Chapter): Promise<void> {
  let inFlight = 0;
  let lastChange = Date.now();
  const start = () => {
    inFlight += 1;
    lastChange = Date.now();
  };
  const end = () => {
    inFlight -= 1;
    lastChange = Date.now();
  };
  page.on("request", start);
  page.on("requestfinished", end);
  page.on("requestfailed", end);
  try {
    await page.goto(chapter.path);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const screen = page.viewportSize()?.height ?? 720;
    for (let y = screen; y < height + screen; y += screen) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
    }
    const deadline = Date.now() + SETTLE_LIMIT_MS;
    while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastChange < QUIET_MS)) {
      await page.waitForTimeout(100);
    }
  } finally {
    page.off("request", start);
    page.off("requestfinished", end);
    page.off("requestfailed", end);
  }
}

/** Requests that left the page's origin; `data:` and `blob:` URLs never reach a network. */
export function foreignRequests(requests: readonly string[], pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  return requests.filter((url) => {
    const { protocol, origin: requestOrigin } = new URL(url);
    return protocol !== "data:" && protocol !== "blob:" && requestOrigin !== origin;
  });
}

/** Collapses every run of whitespace to one space, so code compares as text, not layout. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The chapter's MDX source, as written in `content/`. */
export function sourceOf(chapter: Chapter): string {
  const name = chapter.path === "" ? "index" : chapter.path.replace(/\/$/, "");
  return readFileSync(fileURLToPath(new URL(`../content/${name}.mdx`, import.meta.url)), "utf8");
}
