/**
 * What the benchmark page offers the Playwright driver, shared by both sides so that the
 * messages stay typed.
 */
import type { ExampleId } from "../../src/training/examples";
import type { StepKind, ThroughputOptions, ThroughputResult } from "../lib/throughput";

/** One throughput measurement to make. */
export interface ThroughputRequest {
  readonly example: ExampleId;
  /** A tfjs backend name; the page knows "wasm" and "cpu". */
  readonly backend: string;
  readonly kind: StepKind;
  readonly options: ThroughputOptions;
}

/** The measurement, or why it could not be made (a backend that did not start). */
export type ThroughputReply =
  | { readonly ok: true; readonly result: ThroughputResult }
  | { readonly ok: false; readonly error: string };

/** The page's API, installed as `window.benchPage`. */
export interface BenchPage {
  /** Measures on the page's main thread, which is blocked meanwhile. */
  onMainThread(request: ThroughputRequest): Promise<ThroughputReply>;
  /** Measures in a fresh Web Worker, ended afterwards. */
  inWorker(request: ThroughputRequest): Promise<ThroughputReply>;
}

/** The global the page sets once its script has run. */
export interface BenchWindow {
  benchPage?: BenchPage;
}
