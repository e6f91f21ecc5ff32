/**
 * The view of a set of samples that fits the example: a scatter over the target's centres in
 * the plane, or the strip and histogram on the line.
 */
import type { ExampleSpec } from "../../training/examples";
import { Scatter2D } from "../../viz/scatter-2d";
import { View1D } from "../../viz/view-1d";

/** A view of samples [n, dim]. */
export interface SamplesView {
  render(points: Float32Array): void;
  repaint(): void;
  /** Marks other centres [x, y] as the target (2D views only). */
  setTargets?(targets: readonly (readonly number[])[]): void;
}

/** Builds the example's samples view in `container`; `label` names a 2D scatter. */
export function samplesView(container: HTMLElement, spec: ExampleSpec, label: string): SamplesView {
  const { data } = spec;
  return data.dim === 1
    ? new View1D(container, { mean: data.means[0]![0]!, std: data.stds[0]! })
    : new Scatter2D(container, { targets: data.means, label });
}
