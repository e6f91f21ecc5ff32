/**
 * Reading in other conditions than a desktop browser with scripts on: with JavaScript off, on
 * a phone-width screen, and with reduced motion asked for.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import { CHAPTERS, label, sourceOf, squash, visit, type Chapter } from "./helpers";
import { button, EXAMPLE_1D, open, trainToConvergence } from "./train-helpers";

/** A phone's viewport in CSS pixels, as narrow as the common ones get. */
const PHONE = { width: 375, height: 740 };

/** How long a still figure must stay unchanged to count as not animating, in ms. */
const STILL_MS = 1000;

/** What a chapter's MDX source promises its page will show. */
function promisesOf(chapter: Chapter) {
  const source = sourceOf(chapter);
  const prose = source.replace(/^---[\s\S]*?^---$/m, "").replace(/^```[\s\S]*?^```/gm, "");
  return {
    // Lines of plain text: no math, code, emphasis, link or markup that would change as it
    // is rendered. Each is one sentence or a heading, so together they cover the prose.
    sentences: prose
      .split("\n")
      .map((line) => line.replace(/^#+ /, ""))
      .filter((line) => /^[A-Z(][^$`*<>_{}[\]|#]*$/.test(line)),
    math: prose.includes("$"),
    code: (source.match(/^```/gm) ?? []).length / 2 + (source.match(/<Code /g) ?? []).length,
    islands: (source.match(/<TrainExample /g) ?? []).length,
    forwardFigure: source.includes("<ForwardProcessFigure"),
    introStills: source.includes("<IntroSpikes"),
  };
}

/** Text as a reader compares it: straight quotes, single spaces (Astro curls the quotes). */
function plain(text: string): string {
  return squash(text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"'));
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  for (const chapter of CHAPTERS) {
    test(`${label(chapter)} reads whole: prose, math, code, figures, and a note on each example`, async ({
      page,
    }) => {
      const promised = promisesOf(chapter);
      await page.goto(chapter.path);
      const main = page.locator("main");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(chapter.title);

      const text = plain(await main.innerText());
      expect(promised.sentences.length).toBeGreaterThan(5);
      expect(promised.sentences.filter((sentence) => !text.includes(plain(sentence)))).toEqual([]);

      if (promised.math) await expect(main.locator(".katex").first()).toBeVisible();
      await expect(main.locator(".katex-error")).toHaveCount(0);

      const code = main.locator("pre");
      expect(await code.count()).toBeGreaterThanOrEqual(promised.code);
      for (const block of await code.all()) await expect(block).not.toBeEmpty();

      if (promised.forwardFigure) {
        await expect(main.locator('svg[data-figure="forward-process"]')).toBeVisible();
        // Its slider needs the script to redraw anything, so it stays out of the way.
        await expect(main.getByRole("slider")).toHaveCount(0);
      }
      if (promised.introStills) {
        const stills = main.locator('svg[data-figure="intro-still"]');
        await expect(stills).toHaveCount(3);
        for (const still of await stills.all()) await expect(still).toBeVisible();
      }

      const islands = main.locator("train-example section");
      await expect(islands).toHaveCount(promised.islands);
      for (const island of await islands.all())
        await expect(island.locator("[data-needs-script]")).toContainText("needs JavaScript");
    });
  }

  test("the chapters hold prose, math, code, the forward-process figure and examples", () => {
    const all = CHAPTERS.map(promisesOf);
    expect(all.some((chapter) => chapter.math)).toBe(true);
    expect(all.some((chapter) => chapter.code > 0)).toBe(true);
    expect(all.some((chapter) => chapter.forwardFigure)).toBe(true);
    expect(all.some((chapter) => chapter.introStills)).toBe(true);
    expect(all.reduce((n, chapter) => n + chapter.islands, 0)).toBe(4);
  });
});

/**
 * How wide the page is against the viewport, and every figure (SVG or canvas in the main
 * content) that sticks out of it. KaTeX's stretchy glyphs are left out: each is a very wide
 * SVG cropped by its own box, and its equation scrolls inside itself (site.css).
 */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const figures = [...document.querySelectorAll("main :is(svg, canvas)")].filter(
      (figure) => !figure.closest(".katex"),
    );
    const wide = figures
      .map((figure) => ({ figure, box: figure.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.left < -0.5 || box.right > width + 0.5))
      .map(({ figure, box }) => `${figure.outerHTML.slice(0, 60)}… ${Math.round(box.width)} px`);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      width,
      figures: figures.length,
      wide,
    };
  });
}

test.describe(`on a ${PHONE.width} px phone`, () => {
  test.use({ viewport: PHONE });

  for (const chapter of CHAPTERS) {
    test(`${label(chapter)} does not scroll sideways and its figures fit`, async ({ page }) => {
      await visit(page, chapter);
      const found = await overflow(page);
      expect(found.width).toBe(PHONE.width);
      expect(found.scrollWidth).toBeLessThanOrEqual(found.width);
      expect(found.wide).toEqual([]);
    });
  }

  test("the 1D example still fits once trained and showing its reverse process", async ({
    page,
  }) => {
    const region = await open(page, EXAMPLE_1D);
    const before = await overflow(page);
    expect(before.scrollWidth).toBeLessThanOrEqual(before.width);
    expect(before.wide).toEqual([]);
    await trainToConvergence(region);
    await expect(region.locator(".multiples .viz-panel").first()).toBeVisible();
    await expect(region.locator('[data-view="samplers"]')).toBeVisible();

    const after = await overflow(page);
    expect(after.figures).toBeGreaterThan(before.figures);
    expect(after.scrollWidth).toBeLessThanOrEqual(after.width);
    expect(after.wide).toEqual([]);
  });
});

/** Every canvas under `root` as an image, to tell whether anything was drawn in between. */
async function pixels(root: Locator): Promise<string[]> {
  return root
    .locator("canvas")
    .evaluateAll((canvases) => canvases.map((c) => (c as HTMLCanvasElement).toDataURL()));
}

/** Starts recording each text `output` shows; read the record with `jsonValue()`. */
function record(output: Locator) {
  return output.evaluateHandle((element) => {
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(element.textContent ?? ""));
    observer.observe(element, { childList: true, characterData: true, subtree: true });
    return seen;
  });
}

test.describe("with reduced motion", () => {
  test.beforeEach(async ({ page }) => page.emulateMedia({ reducedMotion: "reduce" }));

  test("the landing page shows the denoised spikes at once, without animating", async ({
    page,
  }) => {
    await page.goto("", { waitUntil: "domcontentloaded" });
    const intro = page.locator("intro-spikes");
    // Read at once, not awaited with retries: the animation would also end at t = 0. Module
    // scripts have run by DOMContentLoaded, so an animation would be under way by now.
    expect(await intro.locator("[data-step-text]").textContent()).toBe("t = 0");
    const first = await pixels(intro);
    expect(first).toHaveLength(1);
    await page.waitForTimeout(STILL_MS);
    expect(await pixels(intro)).toEqual(first);
    await expect(intro.locator("[data-step-text]")).toHaveText("t = 0");
  });

  test("a trained example holds still, and Play steps only through the small multiples", async ({
    page,
  }) => {
    const region = await open(page, EXAMPLE_1D);
    await trainToConvergence(region);
    const slider = region.getByRole("slider", { name: "Reverse step t" });
    await expect(slider).toBeVisible();
    // The sampler comparison is the last thing a finished run draws.
    await expect(region.locator('[data-view="samplers"]')).toBeVisible();
    const first = await pixels(region);
    await page.waitForTimeout(STILL_MS);
    expect(await pixels(region)).toEqual(first);
    await expect(slider).toHaveValue("0");

    const shown = await record(region.locator("output"));
    await button(region, "Play").click();
    await expect(button(region, "Play")).toBeVisible({ timeout: 10_000 });
    const multiples = (await region.locator(".multiples figcaption").allInnerTexts()).map(
      (caption) => caption.match(/t = (\d+)/)![1]!,
    );
    const steps = (await shown.jsonValue()).map((text) => text.match(/t = (\d+)/)![1]!);
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.filter((t) => !multiples.includes(t))).toEqual([]);
  });

  test("no chapter runs a CSS animation or transition by itself", async ({ page }) => {
    for (const chapter of CHAPTERS) {
      await visit(page, chapter);
      const running = await page.evaluate(() =>
        document
          .getAnimations()
          .filter((animation) => animation.playState === "running")
          .map((animation) => String(animation.effect?.getComputedTiming().duration)),
      );
      expect(running, label(chapter)).toEqual([]);
    }
  });
});

test.describe("without reduced motion", () => {
  test.beforeEach(async ({ page }) => page.emulateMedia({ reducedMotion: "no-preference" }));

  test("the landing page animates the spikes out of noise on load", async ({ page }) => {
    await page.goto("", { waitUntil: "domcontentloaded" });
    const intro = page.locator("intro-spikes");
    const first = await pixels(intro);
    expect(first).toHaveLength(1);
    await expect.poll(() => pixels(intro)).not.toEqual(first);
    await expect(intro.locator("[data-step-text]")).toHaveText("t = 0");
  });

  test("Play runs a trained example's reverse process through every step", async ({ page }) => {
    const region = await open(page, EXAMPLE_1D);
    await trainToConvergence(region);
    await expect(region.getByRole("slider")).toBeVisible();
    const shown = await record(region.locator("output"));
    await button(region, "Play").click();
    await expect(button(region, "Play")).toBeVisible({ timeout: 10_000 });
    const multiples = await region.locator(".multiples figcaption").count();
    expect((await shown.jsonValue()).length).toBeGreaterThan(multiples);
  });
});
