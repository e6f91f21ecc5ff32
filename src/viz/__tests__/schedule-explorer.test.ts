import { describe, expect, it } from "vitest";
import { explorerView, formatNumber, parseSteps, powerOfTen } from "../schedule-explorer";

describe("parseSteps", () => {
  it("takes a whole number from 1 to 1000, spaces around it allowed", () => {
    expect(parseSteps("1")).toEqual({ ok: true, T: 1 });
    expect(parseSteps(" 250 ")).toEqual({ ok: true, T: 250 });
    expect(parseSteps("1000")).toEqual({ ok: true, T: 1000 });
  });

  it("refuses 0, fractions, signs, exponents, words and too many steps, quoting the input", () => {
    for (const typed of ["0", "1.5", "-3", "+3", "1e2", "ten", "1001"]) {
      const parsed = parseSteps(typed);
      expect(parsed.ok, typed).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain(`“${typed}”`);
    }
  });

  it("asks for T when the field is empty", () => {
    expect(parseSteps("  ")).toEqual({
      ok: false,
      message: "Enter T, a whole number from 1 to 1000.",
    });
  });
});

describe("formatNumber", () => {
  it("prints three significant digits, in powers of ten below 0.01", () => {
    expect(formatNumber(3.4061)).toBe("3.41");
    expect(formatNumber(0.028654)).toBe("0.0287");
    expect(formatNumber(1.1366e-5)).toBe("1.14 × 10⁻⁵");
    expect(formatNumber(2.43e-9)).toBe("2.43 × 10⁻⁹");
    expect(formatNumber(0)).toBe("0");
  });
});

describe("powerOfTen", () => {
  it("writes exponents as superscripts, and 10⁰ and 10¹ as 1 and 10", () => {
    expect([1e-10, 1e-2, 1, 10].map(powerOfTen)).toEqual(["10⁻¹⁰", "10⁻²", "1", "10"]);
  });
});

describe("explorerView", () => {
  it("ends the seed's curve at ᾱ_10 ≈ 2.27e-5 and calls its gap negligible", () => {
    const view = explorerView("seed", 10);
    expect(view.alphaBarT).toBe("2.27 × 10⁻⁵");
    expect(view.gap).toBe("1.14 × 10⁻⁵");
    expect(view.zone).toBe("negligible");
    expect(view.end.inside).toBe(true);
    expect(view.xTicks.map((k) => k.label)).toEqual(["0", "2", "4", "6", "8", "10"]);
  });

  it("calls one Karras step a large gap, and lets a curve below 1e-10 leave the plot", () => {
    expect(explorerView("karras", 1).zone).toBe("large");
    expect(explorerView("karras", 100).end.inside).toBe(false);
  });

  it("dots each step up to 50 steps only", () => {
    expect(explorerView("linear", 50).dots).toMatch(/^M/);
    expect(explorerView("linear", 51).dots).toBe("");
  });
});
