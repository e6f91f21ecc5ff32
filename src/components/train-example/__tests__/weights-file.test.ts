import { describe, expect, it } from "vitest";
import { EXAMPLES } from "../../../training/examples";
import { weightsJson } from "../downloads";
import { readWeightsFile } from "../weights-file";

const spec = EXAMPLES["1d"];
const config = spec.presets.fast;
const weights = [
  { name: "W1", shape: [2, 1], values: [0.5, -0.25] },
  { name: "b1", shape: [1], values: [0] },
];
const file = weightsJson("1d", { type: "weights", config, weights });

describe("readWeightsFile", () => {
  it("reads back what the download wrote", () => {
    expect(readWeightsFile(file, spec)).toEqual({ config, weights });
  });

  it("keeps only the config's own fields", () => {
    const extra = JSON.parse(file) as { config: Record<string, unknown> };
    extra.config["colour"] = "red";
    expect(readWeightsFile(JSON.stringify(extra), spec)).toEqual({ config, weights });
  });

  const broken: [string, string, RegExp][] = [
    ["text that is not JSON", "weights!", /not JSON/],
    ["JSON without weights", '{"config": {}}', /no config and weights/],
    ["another example's weights", file.replace('"1d"', '"spikes"'), /for the "spikes" example/],
    [
      "a setting that cannot run",
      file.replace('"width": 32', '"width": 100000'),
      /network width: Must be from 4 to 256/,
    ],
    ["a missing setting", file.replace('"seed": 1', '"sed": 1'), /random seed: Enter a number/],
    [
      "a value that is not finite",
      file.replace("-0.25", '"-"'),
      /not all tensors of finite numbers/,
    ],
  ];
  for (const [what, text, problem] of broken)
    it(`refuses ${what}, saying so`, () => {
      const read = readWeightsFile(text, spec);
      expect("problem" in read && read.problem).toMatch(problem);
    });
});
