/**
 * What the download buttons save: the samples as CSV and the trained weights as JSON, both
 * built in the page and saved through a blob URL, so nothing leaves the reader's machine.
 */
import type { Weights } from "../../training/client";
import type { ExampleId, ExampleSpec } from "../../training/examples";

/** Significant digits written per value: float32 holds about seven. */
const DIGITS = 7;

/** Samples [n, dim] as CSV: a header `x` (1D) or `x,y` (2D), then one row per sample. */
export function samplesCsv(samples: Float32Array, dim: number): string {
  const header = dim === 1 ? "x" : "x,y";
  const rows: string[] = [header];
  for (let i = 0; i < samples.length; i += dim) {
    const row: string[] = [];
    for (let j = 0; j < dim; j++) row.push(String(Number(samples[i + j]!.toPrecision(DIGITS))));
    rows.push(row.join(","));
  }
  return `${rows.join("\n")}\n`;
}

/** The worker's weights with the config that trained them, as indented JSON. */
export function weightsJson(example: ExampleId, weights: Weights): string {
  const { config } = weights;
  const tensors = weights.weights.map(({ name, shape, values }) => ({ name, shape, values }));
  return `${JSON.stringify({ example, config, weights: tensors }, null, 2)}\n`;
}

/** Saves text as a file through the browser's download. */
export function saveFile(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the download starts asynchronously and still needs the URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves an example's samples as `ddpm-<example>-samples.csv`. */
export function saveSamples(spec: ExampleSpec, samples: Float32Array): void {
  saveFile(`ddpm-${spec.id}-samples.csv`, "text/csv", samplesCsv(samples, spec.data.dim));
}

/** Saves an example's weights as `ddpm-<example>-weights.json`. */
export function saveWeights(spec: ExampleSpec, weights: Weights): void {
  saveFile(`ddpm-${spec.id}-weights.json`, "application/json", weightsJson(spec.id, weights));
}
