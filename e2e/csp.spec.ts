/**
 * The Content-Security-Policy each page carries in a <meta> tag (`experimental.csp` in
 * `astro.config.mjs`): what it allows, and that the site runs inside it.
 */
import { expect, test, type Page } from "@playwright/test";
import { CHAPTERS, label, visit } from "./helpers";
import { EXAMPLE_1D, open, trainToConvergence } from "./train-helpers";

/** A policy as directive name → its sources, in the order the page lists them. */
type Policy = Map<string, string[]>;

/** The sources script-src may hold: the site itself, WebAssembly and hashes of inline scripts. */
const SCRIPT_SOURCE = /^'(self|wasm-unsafe-eval|sha(256|384|512)-[A-Za-z0-9+/]+=*)'$/;

/** Where the init script collects violations, on the page's `window`. */
const VIOLATIONS = "__cspViolations";

/** Splits a policy's text ("default-src 'self'; img-src 'self' data:") into its directives. */
function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const directive of text.split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The page's CSP <meta> tags, and the policy the first one sets. */
async function policyOf(page: Page, path: string): Promise<{ count: number; policy: Policy }> {
  await page.goto(path);
  const contents = await page
    .locator('meta[http-equiv="content-security-policy" i]')
    .evaluateAll((metas) => metas.map((meta) => meta.getAttribute("content") ?? ""));
  return { count: contents.length, policy: parsePolicy(contents[0] ?? "") };
}

/**
 * Records every `securitypolicyviolation` from the first script on; call before `goto`. The
 * event is how a page learns that its policy blocked something, console aside.
 */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript((key) => {
    const seen: string[] = [];
    Object.defineProperty(window, key, { value: seen });
    document.addEventListener(
      "securitypolicyviolation",
      (event) => {
        const where = `${event.sourceFile || "the page"}:${event.lineNumber}`;
        seen.push(
          `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${where}`,
        );
      },
      { capture: true },
    );
  }, VIOLATIONS);
}

/** The violations recorded so far; see `recordViolations`. */
function violations(page: Page): Promise<string[]> {
  return page.evaluate(
    (key) => [...((window as unknown as Record<string, string[]>)[key] ?? [])],
    VIOLATIONS,
  );
}

test.describe("every chapter", () => {
  for (const chapter of CHAPTERS) {
    test(`${label(chapter)} carries a policy that allows only the site itself`, async ({
      page,
    }) => {
      const { count, policy } = await policyOf(page, chapter.path);
      expect(count, "one CSP <meta> tag").toBe(1);

      expect(policy.get("default-src")).toEqual(["'self'"]);
      const scripts = policy.get("script-src") ?? [];
      expect(scripts).toContain("'self'");
      expect(scripts.filter((source) => !SCRIPT_SOURCE.test(source))).toEqual([]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'self'"]);
      expect(policy.get("form-action")).toEqual(["'self'"]);
      expect(policy.get("worker-src")).toEqual(["'self'"]);

      const sources = [...policy.values()].flat();
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources.filter((source) => /[*:]/.test(source) && source !== "data:")).toEqual([]);
      // Only style="" attributes may be inline without a hash (KaTeX, Expressive Code).
      const inline = [...policy].filter(([, list]) => list.includes("'unsafe-inline'"));
      expect(inline.map(([name]) => name)).toEqual(["style-src-attr"]);
    });

    test(`${label(chapter)} loads with no CSP violation`, async ({ page }) => {
      await recordViolations(page);
      await visit(page, chapter);
      expect(await violations(page)).toEqual([]);
    });
  }
});

test("the search finds a chapter inside the policy", async ({ page }) => {
  await recordViolations(page);
  await page.goto("");
  await page.getByRole("button", { name: "Search" }).click();
  const dialog = page.getByRole("dialog", { name: "Search" });
  await dialog.getByRole("textbox", { name: "Search" }).fill("denoising");
  await expect(dialog.getByRole("link", { name: CHAPTERS[0]!.title }).first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test("the 1D example trains on WebAssembly inside the policy", async ({ page }) => {
  await recordViolations(page);
  const region = await open(page, EXAMPLE_1D);
  await trainToConvergence(region);
  // A blocked .wasm would not fail the run: the worker falls back to the CPU backend.
  await expect(region.getByText(/^Backend: wasm/)).toBeVisible();
  expect(await violations(page)).toEqual([]);
});
