/**
 * Starts the requested backend the way the site's worker does, then measures on it. Runs on
 * the page's main thread and inside the benchmark worker alike.
 */
import { startBackend } from "../../src/training/backend";
import type { BackendName } from "../../src/training/messages";
import { measureThroughput } from "../lib/throughput";
import type { ThroughputReply, ThroughputRequest } from "./api";

/** The backends the site can start; anything else is refused with a reason. */
const KNOWN: readonly string[] = ["wasm", "cpu"] satisfies BackendName[];

/** Measures `request`, or says why it could not. Never throws. */
export async function measure(request: ThroughputRequest): Promise<ThroughputReply> {
  try {
    if (!KNOWN.includes(request.backend))
      return { ok: false, error: `the site has no ${request.backend} backend` };
    // A single-entry order: no silent fallback to another backend.
    await startBackend([request.backend as BackendName]);
    const result = await measureThroughput(request.example, request.kind, request.options);
    return { ok: true, result };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
