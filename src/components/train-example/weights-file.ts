/**
 * Reading back a weights file that the download button wrote: `{ example, config, weights }`.
 * Everything a file could get wrong is caught here, in words, except whether the tensors' shapes
 * fit the network its config describes, which the worker checks as it loads them.
 */
import type { NamedWeights } from "../../ddpm/denoiser";
import { checkConfig, type TrainConfig } from "../../training/config";
import type { ExampleSpec } from "../../training/examples";
import { FIELDS } from "./fields";

/** A file's contents, or what is wrong with it. */
export type WeightsFile =
  { readonly config: TrainConfig; readonly weights: NamedWeights[] } | { readonly problem: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isFiniteNumbers = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((v) => typeof v === "number" && Number.isFinite(v));

/** One tensor as the download writes it: a name, a shape and its values, all finite. */
function isTensor(value: unknown): value is NamedWeights {
  if (!isObject(value) || typeof value["name"] !== "string") return false;
  return isFiniteNumbers(value["shape"]) && isFiniteNumbers(value["values"]);
}

/** The config and weights in `text`, for `spec`'s example, or the first thing wrong. */
export function readWeightsFile(text: string, spec: ExampleSpec): WeightsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: "The file is not JSON." };
  }
  if (!isObject(json) || !isObject(json["config"]) || !Array.isArray(json["weights"]))
    return { problem: "The file has no config and weights, as a downloaded weights file has." };
  if (json["example"] !== spec.id)
    return { problem: `The weights are for the "${String(json["example"])}" example.` };

  // Only the fields a config has: anything else in the file goes no further.
  const fields = json["config"];
  const config = Object.fromEntries(
    FIELDS.map((field) => [field.key, fields[field.key]]),
  ) as unknown as TrainConfig;
  const errors = checkConfig(config);
  const wrong = FIELDS.find((field) => errors[field.key] !== undefined);
  if (wrong) return { problem: `Its ${wrong.label.toLowerCase()}: ${errors[wrong.key]}` };

  const weights = json["weights"] as unknown[];
  if (!weights.every(isTensor))
    return { problem: "Its weights are not all tensors of finite numbers." };
  return { config, weights };
}
