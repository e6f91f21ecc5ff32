import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { CHAPTERS, foreignRequests, label, squash, visit, watch, type Chapter } from "./helpers";

/** The module whose real source chapter 3 shows. */
const DDPM_SOURCE = fileURLToPath(new URL("../src/ddpm/ddpm.ts", import.meta.url));

/**
 * Fewest marks (circles or paths) the static forward-process figure must hold. The seed's
 * scatter plots show 2,000 samples per noise scale; a few hundred per panel still reads as a
 * cloud, and axes alone add fewer than a dozen paths.
 */
const MIN_SAMPLE_MARKS = 50;

/** The chapter's MDX source with code removed, or "" if the file is missing. */
function proseOf(chapter: Chapter): string {
  const name = chapter.path === "" ? "index" : chapter.path.replace(/\/$/, "");
  const file = fileURLToPath(new URL(`../content/${name}.mdx`, import.meta.url));
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8")
    .replace(/^```[\s\S]*?^```/gm, "")
    .replace(/`[^`\n]*`/g, "");
}

/** Whether MDX prose holds TeX: display math `$$…$$` or inline `$…$`. */
function hasMath(prose: string): boolean {
  return prose.includes("$$") || /\$[^\s$][^$\n]*\$/.test(prose);
}

test.describe("every chapter", () => {
  for (const chapter of CHAPTERS) {
    test(`${label(chapter)} loads with no console error and no failed request`, async ({
      page,
    }) => {
      const log = watch(page);
      await visit(page, chapter);
      expect(log.problems).toEqual([]);
    });

    test(`${label(chapter)} asks nothing of another origin`, async ({ page }) => {
      const log = watch(page);
      await visit(page, chapter);
      expect(log.requests.length).toBeGreaterThan(0);
      expect(foreignRequests(log.requests, page.url())).toEqual([]);
    });

    test(`${label(chapter)} is titled "${chapter.title}"`, async ({ page }) => {
      await page.goto(chapter.path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(chapter.title);
    });

    test(`${label(chapter)} has its math typeset at build time`, async ({ page, request }) => {
      // The HTML as served, before any script runs: KaTeX must already have turned TeX into markup.
      const response = await request.get(chapter.path);
      expect(response.status()).toBe(200);
      const html = await response.text();
      if (hasMath(proseOf(chapter))) expect(html).toContain('class="katex"');

      await page.goto(chapter.path);
      await expect(page.locator(".katex-error")).toHaveCount(0);
      expect(await page.locator("main").innerText()).not.toContain("$$");
    });
  }
});

test("the sidebar lists the chapters in reading order", async ({ page }) => {
  await page.goto("");
  const sidebar = page.getByRole("navigation", { name: "Main" });
  await expect(sidebar.getByRole("link")).toHaveText(CHAPTERS.map((chapter) => chapter.title));
});

test("each sidebar link opens its chapter", async ({ page, baseURL }) => {
  await page.goto("");
  for (const chapter of CHAPTERS) {
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", {
        name: chapter.title,
        exact: true,
      })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(chapter.title);
    expect(page.url()).toBe(new URL(chapter.path, baseURL).href);
  }
});

test("some chapter has math, so the math checks are not vacuous", () => {
  expect(CHAPTERS.filter((chapter) => hasMath(proseOf(chapter)))).not.toEqual([]);
});

test("chapter 3 shows the DDPM module's real source", async ({ page }) => {
  expect(existsSync(DDPM_SOURCE), "src/ddpm/ddpm.ts should exist").toBe(true);
  const exported = readFileSync(DDPM_SOURCE, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("export "))
    .map(squash);
  expect(exported.length, "src/ddpm/ddpm.ts should export something").toBeGreaterThan(0);

  await page.goto("ddpm-in-100-lines/");
  // Expressive Code renders each block as a <pre>; a reader copies what it shows.
  const shown = squash((await page.locator("main pre").allInnerTexts()).join("\n"));
  expect(exported.filter((line) => !shown.includes(line))).toEqual([]);
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the forward-process figure is drawn at build time", async ({ page }) => {
    await page.goto("what-are-diffusion-models/");
    const figures = page.locator('svg[data-figure="forward-process"]');
    await expect(figures.first()).toBeVisible();

    // A sample is a <circle>, or a subpath ("M x,y …") when many dots share one <path>.
    const circles = await figures.locator("circle").count();
    const paths = await figures
      .locator("path")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("d") ?? ""));
    const subpaths = paths.reduce((n, d) => n + (d.match(/[Mm]/g) ?? []).length, 0);
    expect(circles + subpaths).toBeGreaterThanOrEqual(MIN_SAMPLE_MARKS);
  });
});
