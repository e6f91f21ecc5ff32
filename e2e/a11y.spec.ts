/**
 * Accessibility: an axe sweep of every chapter and of a trained island, in both of Starlight's
 * themes, and an island driven by the keyboard alone.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { CHAPTERS, label, visit } from "./helpers";
import {
  button,
  EXAMPLE_1D,
  EXAMPLE_PLAYGROUND,
  EXAMPLE_SPIKES,
  open,
  trainToConvergence,
  CONVERGE_MS,
} from "./train-helpers";

/** Starlight's two themes, as its theme picker stores them. */
const THEMES = ["light", "dark"] as const;
type Theme = (typeof THEMES)[number];

/** The axe impacts that fail a page; "minor" and "moderate" are advice, not barriers. */
const BLOCKING = new Set(["serious", "critical"]);

/** What a reader can Tab to inside an island, in document order (no control sets tabindex). */
const FOCUSABLE = "button, input, select, textarea, a[href], [tabindex]";

/** Most Tab presses from an island's first control to the control a test looks for. */
const MAX_TABS = 30;

/** Opens pages in `theme`: Starlight reads the stored choice before the page paints. */
async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.addInitScript((stored) => localStorage.setItem("starlight-theme", stored), theme);
}

/** Axe's serious and critical findings on the page, or inside `selector`, one line each. */
async function barriers(page: Page, selector?: string): Promise<string[]> {
  const axe = new AxeBuilder({ page });
  if (selector) axe.include(selector);
  const { violations } = await axe.analyze();
  return violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`),
    );
}

for (const theme of THEMES) {
  test.describe(`axe, ${theme} theme`, () => {
    test.beforeEach(async ({ page }) => useTheme(page, theme));

    for (const chapter of CHAPTERS) {
      test(`${label(chapter)} has no serious or critical violation`, async ({ page }) => {
        await visit(page, chapter);
        await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
        expect(await barriers(page)).toEqual([]);
      });
    }

    test("a trained 1D example has no serious or critical violation", async ({ page }) => {
      const region = await open(page, EXAMPLE_1D);
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      await trainToConvergence(region);
      // The reverse process comes a moment after convergence, with its slider and multiples.
      await expect(region.getByRole("slider", { name: "Reverse step t" })).toBeVisible();
      await expect(region.locator(".multiples .viz-panel").first()).toBeVisible();
      expect(await barriers(page, "train-example")).toEqual([]);
    });

    test("a trained four-spike example, with every part a run opens, has no serious or critical violation", async ({
      page,
    }) => {
      const region = await open(page, EXAMPLE_SPIKES);
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      await trainToConvergence(region);
      for (const part of ["reverse", "samplers", "field"])
        await expect(region.locator(`[data-view="${part}"]`)).toBeVisible();
      await region.getByLabel("Follow sample").fill("1");
      await region.getByLabel("Follow sample").press("Enter");
      await expect(region.locator("polyline.track-path")).toHaveCount(1);
      expect(await barriers(page, "train-example")).toEqual([]);
    });

    test("the playground, trained on its ring, has no serious or critical violation", async ({
      page,
    }) => {
      const region = await open(page, EXAMPLE_PLAYGROUND);
      await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
      await trainToConvergence(region);
      await expect(region.locator('[data-view="samplers"]')).toBeVisible();
      expect(await barriers(page, "main")).toEqual([]);
    });
  });
}

/** Whether `control` matches :focus-visible and draws an outline or a shadow there. */
async function focusRing(control: Locator) {
  return control.evaluate((element) => {
    const style = getComputedStyle(element);
    const outline =
      style.outlineStyle !== "none" &&
      parseFloat(style.outlineWidth) > 0 &&
      style.outlineColor !== "rgba(0, 0, 0, 0)";
    return {
      focusVisible: element.matches(":focus-visible"),
      indicator: outline || style.boxShadow !== "none",
    };
  });
}

/** Presses Tab until `target` has the focus; fails if focus leaves `region` first. */
async function tabTo(page: Page, region: Locator, target: Locator): Promise<void> {
  for (let i = 0; i < MAX_TABS; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
    const inside = await region.evaluate((root) => root.contains(document.activeElement));
    expect(inside, `Tab ${i + 1} left the island`).toBe(true);
  }
  await expect(target).toBeFocused();
}

test.describe("the 1D example by keyboard alone", () => {
  test("Tab reaches Train, Enter trains, and the arrow keys move the reverse-process slider", async ({
    page,
  }) => {
    const region = await open(page, EXAMPLE_1D);
    await region.locator(FOCUSABLE).first().focus();
    await tabTo(page, region, button(region, "Train"));
    await page.keyboard.press("Enter");
    await expect(region).toHaveAttribute("data-state", "converged", { timeout: CONVERGE_MS });

    const slider = region.getByRole("slider", { name: "Reverse step t" });
    await expect(slider).toBeVisible();
    await tabTo(page, region, slider);
    const caption = region.locator('[data-field="samples-caption"]');
    const T = Number(await slider.getAttribute("max"));
    expect(T).toBeGreaterThan(1);

    // The slider runs right to left, from noise at t = T to data at t = 0, so the key that
    // points toward the noise end raises t.
    await page.keyboard.press("ArrowLeft");
    await expect(slider).toHaveValue("1");
    await expect(region.locator("output")).toHaveText(`t = 1 of ${T}`);
    await expect(caption).toContainText(`step t = 1 of ${T}`);
    await page.keyboard.press("ArrowLeft");
    await expect(slider).toHaveValue("2");
    await page.keyboard.press("ArrowRight");
    await expect(slider).toHaveValue("1");
    await expect(caption).toContainText(`step t = 1 of ${T}`);
  });

  test("the focus moves to Train when a run started by keyboard ends", async ({ page }) => {
    const region = await open(page, EXAMPLE_1D);
    await button(region, "Train").focus();
    await page.keyboard.press("Enter");
    await expect(region).toHaveAttribute("data-state", "converged", { timeout: CONVERGE_MS });
    await expect(button(region, "Train")).toBeFocused();
  });

  test("every control shows where the focus is, and Tab reaches each of them", async ({ page }) => {
    const region = await open(page, EXAMPLE_1D);

    // Pause can take the focus only while a run trains; the seed's settings train long enough.
    await button(region, "Seed's settings").click();
    await button(region, "Train").focus();
    await page.keyboard.press("Enter");
    await expect(button(region, "Pause")).toBeFocused();
    expect(await focusRing(button(region, "Pause"))).toEqual({
      focusVisible: true,
      indicator: true,
    });
    await page.keyboard.press("Enter");
    await expect(region).toHaveAttribute("data-state", /paused|converged/);
    await button(region, "Reset").click();
    await button(region, "Fast default").click();

    // Trained, the island has every control it ever shows, and all but Pause are enabled.
    await trainToConvergence(region);
    await expect(region.getByRole("slider")).toBeVisible();
    const controls: Locator[] = [];
    for (const control of await region.locator(FOCUSABLE).all())
      if ((await control.isVisible()) && (await control.isEnabled())) controls.push(control);
    expect(controls.length).toBeGreaterThan(10);

    // Tab from the second control back to the first, so that every focus below comes from a key.
    await controls[1]!.focus();
    await page.keyboard.press("Shift+Tab");
    for (const control of controls) {
      await expect(control).toBeFocused();
      const name = await control.evaluate((element) => element.outerHTML.slice(0, 80));
      expect(await focusRing(control), name).toEqual({ focusVisible: true, indicator: true });
      await page.keyboard.press("Tab");
    }
    expect(await region.evaluate((root) => root.contains(document.activeElement))).toBe(false);
  });
});
