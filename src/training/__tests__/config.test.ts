import { describe, expect, it } from "vitest";
import { checkConfig, checkField, LIMITS, parseNumber, type TrainConfig } from "../config";
import { configFromSearch, configToSearch } from "../config-url";
import { EXAMPLES } from "../examples";

const DEFAULTS = EXAMPLES["1d"].presets.fast;

describe("parseNumber", () => {
  it("reads blank as no number, not as zero", () => {
    expect(parseNumber("")).toBeNaN();
    expect(parseNumber("   ")).toBeNaN();
    expect(parseNumber(" 0.5 ")).toBe(0.5);
    expect(parseNumber("1e3")).toBe(1000);
    expect(parseNumber("abc")).toBeNaN();
  });
});

describe("checkField", () => {
  // What a reader might type, and the words the message must contain.
  const cases: [keyof typeof LIMITS, string, RegExp][] = [
    ["learningRate", "", /Enter a number from 0\.000001 to 10/],
    ["learningRate", "abc", /Enter a number/],
    ["learningRate", "-1", /Must be from .* to 10; got -1/],
    ["learningRate", "0", /got 0\b/],
    ["batchSize", "0", /Must be from 8 to 4096; got 0/],
    ["batchSize", "12.5", /Enter a whole number from 8 to 4096/],
    ["batchSize", "1e7", /got 10000000/],
    ["steps", "1e9", /Must be from 10 to 100000; got 1000000000/],
    ["width", "100000", /Must be from 4 to 256; got 100000/],
    ["width", "Infinity", /Enter a number/],
    ["T", "1001", /Must be from 2 to 1000/],
    ["T", "2.5", /whole number/],
    ["ema", "1", /Must be from 0 to 0\.9999; got 1/],
    ["seed", "-3", /got -3/],
  ];
  for (const [field, typed, message] of cases)
    it(`refuses ${field} = "${typed}", saying what is allowed`, () => {
      expect(checkField(field, parseNumber(typed))).toMatch(message);
    });

  it("accepts each limit itself and a value between", () => {
    for (const field of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
      const { min, max } = LIMITS[field];
      expect(checkField(field, min)).toBeNull();
      expect(checkField(field, max)).toBeNull();
    }
    expect(checkField("learningRate", 0.02)).toBeNull();
  });
});

describe("checkConfig", () => {
  it("accepts every example's presets", () => {
    for (const spec of Object.values(EXAMPLES)) {
      expect(checkConfig(spec.presets.fast)).toEqual({});
      expect(checkConfig(spec.presets.seed)).toEqual({});
    }
  });

  it("refuses more steps T than the seed's schedule has", () => {
    const errors = checkConfig({ ...EXAMPLES["1d"].presets.seed, T: 50 });
    expect(errors).toEqual({ T: "The seed's schedule has exactly 10 steps." });
  });

  it("refuses a word that names no option", () => {
    const config = { ...DEFAULTS, optimizer: "rmsprop" } as unknown as TrainConfig;
    expect(checkConfig(config).optimizer).toBe('Choose one of adam, sgd; got "rmsprop".');
  });
});

describe("configToSearch", () => {
  it("writes nothing for the default and only the fields that differ otherwise", () => {
    expect(configToSearch(DEFAULTS, DEFAULTS)).toBe("");
    expect(configToSearch({ ...DEFAULTS, seed: 7, optimizer: "sgd" }, DEFAULTS)).toBe(
      "optimizer=sgd&seed=7",
    );
  });

  it("keeps the link's other parameters and replaces its settings", () => {
    const search = "?ref=class&seed=3&width=16";
    expect(configToSearch({ ...DEFAULTS, seed: 7 }, DEFAULTS, search)).toBe("ref=class&seed=7");
  });
});

describe("configFromSearch", () => {
  it("restores the config a link was written from", () => {
    const config: TrainConfig = { ...EXAMPLES["1d"].presets.seed, seed: 42, learningRate: 5e-4 };
    const linked = configFromSearch(`?${configToSearch(config, DEFAULTS)}`, DEFAULTS);
    expect(linked).toEqual({ config, refused: {}, linked: true });
  });

  it("refuses each bad value with the form's message and keeps the default there", () => {
    const { config, refused, linked } = configFromSearch(
      "steps=1e9&width=abc&batchSize=&optimizer=rmsprop&seed=9",
      DEFAULTS,
    );
    expect(linked).toBe(true);
    expect(config).toEqual({ ...DEFAULTS, seed: 9 });
    expect(refused).toEqual({
      steps: checkField("steps", 1e9),
      width: checkField("width", Number.NaN),
      batchSize: checkField("batchSize", Number.NaN),
      optimizer: 'Choose one of adam, sgd; got "rmsprop".',
    });
  });

  it("falls back to the defaults whole when the values left do not fit together", () => {
    // The seed's ten scales with the default's T = 50.
    const { config, refused } = configFromSearch("schedule=seed", DEFAULTS);
    expect(config).toEqual(DEFAULTS);
    expect(refused.T).toMatch(/exactly 10 steps/);
  });

  it("never throws, whatever the query holds", () => {
    const junk = ["", "?", "%", "%E0%A4%A", "=&==&", "T=%00", `seed=${"9".repeat(400)}`, "a=1"];
    for (const search of junk) {
      const { config } = configFromSearch(search, DEFAULTS);
      expect(checkConfig(config)).toEqual({});
    }
    expect(configFromSearch("a=1&b=2", DEFAULTS).linked).toBe(false);
  });
});
