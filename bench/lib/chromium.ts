/**
 * Headless Chromium launched as the e2e tests launch it (see playwright.config.ts).
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";

/** Debian's Chromium, used when it is installed and CHROMIUM_PATH does not say otherwise. */
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** The e2e tests' flags: no GPU, and no background traffic to disturb timings. */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
];

/** CHROMIUM_PATH when set (an empty string asks for Playwright's own browser), else Debian's
 * Chromium if present, else Playwright's own. */
function executablePath(): string | undefined {
  const fromEnv = process.env["CHROMIUM_PATH"];
  if (fromEnv !== undefined) return fromEnv === "" ? undefined : fromEnv;
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
}

/** Launches headless Chromium. */
export function launchChromium(): Promise<Browser> {
  const path = executablePath();
  return chromium.launch({ ...(path === undefined ? {} : { executablePath: path }), args: FLAGS });
}
