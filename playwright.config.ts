import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/** The base path the site was built with; `astro preview` reads the same variable. */
const BASE_PATH = process.env["BASE_PATH"] ?? "/";

/**
 * Port for `astro preview`. Not Astro's default 4321, so a running `astro dev` is never reused
 * by mistake, and another one for a build under a base path, for the same reason.
 */
const PORT = Number(process.env["E2E_PORT"] ?? (BASE_PATH === "/" ? 4327 : 4328));

/** Where `npm run build` wrote the site; `npm run test:e2e:base` builds into another folder. */
const OUT_DIR = process.env["E2E_OUT_DIR"] ?? "dist";

/** Debian's Chromium, used when it is installed and CHROMIUM_PATH does not say otherwise. */
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/**
 * Which Chromium to launch. CHROMIUM_PATH wins when it is set; set to an empty string it asks
 * for Playwright's own browser (`npx playwright install chromium`) even where Debian's exists,
 * which is what the GitHub workflow does. Undefined means Playwright's own browser.
 */
function chromiumPath(): string | undefined {
  const fromEnv = process.env["CHROMIUM_PATH"];
  if (fromEnv !== undefined) return fromEnv === "" ? undefined : fromEnv;
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}

const executablePath = chromiumPath();

export default defineConfig({
  testDir: "e2e",
  // The examples train on the CPU; one worker keeps timings steady on a two-core machine.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env["CI"]),
  // `list` ends with a summary line: "N passed", "N failed", "N skipped" and the time taken.
  reporter: "list",
  // Training tests wait up to 180 s for a run to converge; leave room for page load around it.
  timeout: 240_000,
  expect: { timeout: 10_000 },
  use: {
    // A trailing slash, so that `page.goto("what-are-diffusion-models/")` keeps the base path.
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH.endsWith("/") ? BASE_PATH : `${BASE_PATH}/`}`,
    // A missing button or link fails in seconds; only `expect` calls that wait for training
    // pass their own, longer timeout.
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(executablePath === undefined ? {} : { executablePath }),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
          ],
        },
      },
    },
  ],
  // The site is built beforehand (`npm run build`); this only serves it.
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${PORT} --outDir ${OUT_DIR}`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: !process.env["CI"],
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
