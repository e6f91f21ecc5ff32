/**
 * The schedule explorer in "What are diffusion models?", driven as a reader drives it: pick a
 * schedule, type T, read the gap. Every number shown is checked against the closed form,
 * worked out here from the betas alone.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { namedBetas, type ScheduleName } from "../src/ddpm/schedule";

const CHAPTER = "what-are-diffusion-models/";

/** The chapter's 1D data N(μ, σ²). */
const MU = 1;
const SIGMA = 0.01;

/** The figure prints three significant digits, so a shown value is within half a unit of the
 * third; a little more allows for ᾱ_T being kept in float32 (a relative 1e-7). */
const RELATIVE = 0.005;

/** ᾱ_T = Π (1 - β_t), in float64. */
function alphaBarT(name: ScheduleName, T: number): number {
  return namedBetas(name, T).reduce((product, b) => product * (1 - b), 1);
}

/** D_KL(q(x_T) ‖ N(0, 1)) = ½ (v + m² - 1 - ln v), with q(x_T) = N(√ᾱ_T μ, ᾱ_T σ² + 1 - ᾱ_T). */
function gapOf(name: ScheduleName, T: number): number {
  const ab = alphaBarT(name, T);
  const m = Math.sqrt(ab) * MU;
  const v = ab * SIGMA * SIGMA + 1 - ab;
  return 0.5 * (v + m * m - 1 - Math.log(v));
}

/** A number as the figure prints it: "0.0287", "3.41" or "1.14 × 10⁻⁵". */
function parseShown(text: string): number {
  const superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  const plain = text
    .replace(/\s*×\s*10/, "e")
    .replace(/⁻/g, "-")
    .replace(/[⁰-⁹¹²³]/g, (c) => String(superscripts.indexOf(c)));
  const value = Number(plain);
  if (!Number.isFinite(value)) throw new Error(`expected a number, got "${text}"`);
  return value;
}

/** The explorer's controls and readouts, found as a reader finds them. */
function explorer(page: Page) {
  const root = page.locator("schedule-explorer");
  return {
    root,
    menu: root.getByRole("combobox", { name: "Schedule" }),
    steps: root.getByRole("textbox", { name: "Steps T" }),
    readout: root.getByRole("status"),
    gap: root.getByRole("status").locator('[data-field="gap"]'),
    alphaBar: root.getByRole("status").locator('[data-field="alphaBarT"]'),
    curve: root.locator('[data-layer="curve"]'),
  };
}

/** Waits until `shown` prints `expected` to display precision. */
async function expectShown(shown: Locator, expected: number, what: string): Promise<void> {
  await expect
    .poll(
      async () => Math.abs(parseShown((await shown.textContent()) ?? "") - expected) / expected,
      { message: `${what}: relative error of the shown value against ${expected.toPrecision(4)}` },
    )
    .toBeLessThanOrEqual(RELATIVE);
}

/** Picks a schedule and types T, as a reader would. */
async function choose(page: Page, name: ScheduleName, T: number): Promise<void> {
  const { menu, steps } = explorer(page);
  await menu.selectOption(name);
  await steps.fill(String(T));
}

test.describe("the schedule explorer", () => {
  let problems: string[];

  test.beforeEach(async ({ page }) => {
    problems = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(CHAPTER);
  });

  test.afterEach(() => expect(problems).toEqual([]));

  test("opens on the seed's ten scales, with T fixed at 10 and the closed form's gap", async ({
    page,
  }) => {
    const { menu, steps, readout, gap, alphaBar } = explorer(page);
    await expect(menu).toHaveValue("seed");
    await expect(steps).toBeDisabled();
    await expect(steps).toHaveValue("10");
    await expect(steps).toHaveAccessibleDescription(/exactly 10 steps/);
    await expect(readout).toContainText("T = 10");
    await expectShown(alphaBar, alphaBarT("seed", 10), "ᾱ_10");
    await expectShown(gap, gapOf("seed", 10), "gap");
  });

  test("shows the closed form's gap for each schedule and T the reader picks", async ({ page }) => {
    const { gap, alphaBar, readout, curve, root } = explorer(page);
    const cases: [ScheduleName, number][] = [
      ["linear", 1000],
      ["linear", 10],
      ["cosine", 1000],
      ["cosine", 7],
      ["karras", 20],
      ["karras", 1],
    ];
    let lastCurve = await curve.getAttribute("d");
    for (const [name, T] of cases) {
      await choose(page, name, T);
      await expect(readout).toContainText(new RegExp(`T = ${T}\\b`));
      await expectShown(alphaBar, alphaBarT(name, T), `${name}, T = ${T}: ᾱ_T`);
      await expectShown(gap, gapOf(name, T), `${name}, T = ${T}: gap`);
      // The drawing follows the numbers: a new curve, and a step axis that ends at T.
      await expect(curve).not.toHaveAttribute("d", lastCurve ?? "");
      lastCurve = await curve.getAttribute("d");
      await expect(root.locator('[data-layer="x-ticks"] text').last()).toHaveText(String(T));
    }
  });

  test("fewer steps raise the gap by what the formula says, for Karras and linear", async ({
    page,
  }) => {
    const { gap } = explorer(page);
    for (const [name, from, to] of [
      ["karras", 20, 5],
      ["linear", 1000, 5],
    ] as const) {
      await choose(page, name, from);
      await expectShown(gap, gapOf(name, from), `${name}, T = ${from}`);
      const before = parseShown((await gap.textContent()) ?? "");
      await choose(page, name, to);
      await expectShown(gap, gapOf(name, to), `${name}, T = ${to}`);
      const after = parseShown((await gap.textContent()) ?? "");

      const rise = gapOf(name, to) - gapOf(name, from);
      expect(rise).toBeGreaterThan(0);
      expect(Math.abs(after - before - rise)).toBeLessThanOrEqual(RELATIVE * (after + before));
    }
  });

  test("refuses T = 0, 1.5 and an empty field next to the control, keeping the last drawing", async ({
    page,
  }) => {
    const { steps, gap, curve, root } = explorer(page);
    await choose(page, "linear", 50);
    await expectShown(gap, gapOf("linear", 50), "linear, T = 50");
    const drawn = await curve.getAttribute("d");
    const shown = await gap.textContent();

    for (const typed of ["0", "1.5", "", "abc", "1001"]) {
      await steps.fill(typed);
      await expect(steps).toHaveAttribute("aria-invalid", "true");
      await expect(steps).toHaveAccessibleDescription(/whole number from 1 to 1000/);
      await expect(root.getByText(/whole number from 1 to 1000/)).toBeVisible();
      await expect(gap).toHaveText(shown ?? "");
      await expect(curve).toHaveAttribute("d", drawn ?? "");
    }

    // Fixed, the field is taken again and the figure carries on.
    await steps.fill("20");
    await expect(steps).not.toHaveAttribute("aria-invalid");
    await expect(root.getByText(/whole number from 1 to 1000/)).toBeHidden();
    await expectShown(gap, gapOf("linear", 20), "linear, T = 20");
  });

  test("the seed's schedule fixes T at ten, and leaving it gives back the T typed before", async ({
    page,
  }) => {
    const { menu, steps, gap } = explorer(page);
    await choose(page, "cosine", 300);
    await expectShown(gap, gapOf("cosine", 300), "cosine, T = 300");

    await menu.selectOption("seed");
    await expect(steps).toBeDisabled();
    await expect(steps).toHaveValue("10");
    await expectShown(gap, gapOf("seed", 10), "seed");

    await menu.selectOption("cosine");
    await expect(steps).toBeEnabled();
    await expect(steps).toHaveValue("300");
    await expectShown(gap, gapOf("cosine", 300), "cosine, T = 300 again");
  });
});

for (const theme of ["light", "dark"] as const) {
  test(`the explorer refusing a T has no serious or critical axe violation, ${theme} theme`, async ({
    page,
  }) => {
    await page.addInitScript((stored) => localStorage.setItem("starlight-theme", stored), theme);
    await page.goto(CHAPTER);
    await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
    await choose(page, "karras", 1);
    await explorer(page).steps.fill("1.5");
    await expect(explorer(page).steps).toHaveAttribute("aria-invalid", "true");
    const { violations } = await new AxeBuilder({ page }).include("schedule-explorer").analyze();
    const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
  });
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the explorer shows the seed's curve and gap, and hides controls that could not work", async ({
    page,
  }) => {
    await page.goto(CHAPTER);
    const { root, menu, gap, curve } = explorer(page);
    await expect(root.getByRole("img", { name: /ᾱ_t for the schedule/ })).toBeVisible();
    await expect(
      root.getByRole("img", { name: /Gap between q\(x_T\) and N\(0, 1\)/ }),
    ).toBeVisible();
    expect((await curve.getAttribute("d"))?.length ?? 0).toBeGreaterThan(20);
    await expectShown(gap, gapOf("seed", 10), "seed at build time");
    await expect(menu).toBeHidden();
  });
});
