/**
 * Part 1a: training steps per second in Node, on the wasm and cpu backends.
 */
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
import { tf } from "../../src/ddpm/tf";
import {
  measureThroughput,
  type StepKind,
  type ThroughputOptions,
  type ThroughputResult,
} from "../lib/throughput";
import { EXAMPLE_IDS } from "./examples";

/** Backends measured in Node, best first. */
export const NODE_BACKENDS = ["wasm", "cpu"] as const;

/** Step kinds measured everywhere: the pure step first, since it is the headline figure. */
export const STEP_KINDS: readonly StepKind[] = ["trainStep", "withAverage"];

/** A measurement and where it ran. */
export interface PlacedResult extends ThroughputResult {
  readonly place: string;
}

/** Measures every example on every Node backend; a backend that cannot start is skipped
 * with its reason in `skipped`. */
export async function nodeThroughput(
  options: ThroughputOptions,
): Promise<{ results: PlacedResult[]; skipped: string[] }> {
  // In tfjs 4.22 this flag only mutes console warnings, here the advice to install tfjs-node.
  tf.env().set("PROD", true);
  const results: PlacedResult[] = [];
  const skipped: string[] = [];
  for (const backend of NODE_BACKENDS) {
    if (!(await tf.setBackend(backend))) {
      skipped.push(`node ${backend}: did not start`);
      continue;
    }
    await tf.ready();
    for (const example of EXAMPLE_IDS)
      for (const kind of STEP_KINDS)
        results.push({ place: "node", ...(await measureThroughput(example, kind, options)) });
  }
  return { results, skipped };
}
