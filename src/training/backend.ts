/**
 * Starts a tfjs backend in the worker: WebAssembly first, plain JavaScript if it cannot start.
 */
import "@tensorflow/tfjs-backend-cpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import simd from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import threadedSimd from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url";
import plain from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import { tf } from "../ddpm/tf";
import type { BackendName } from "./messages";

/** The backend in use, and why the preferred one was not, if it was not. */
export interface BackendChoice {
  readonly backend: BackendName;
  readonly fallbackReason?: string;
}

/**
 * Tries the backends in order and keeps the first that starts. The .wasm files are emitted by
 * the bundler under the site's base path, so a copy deployed under /<repo>/ finds them.
 * @param order backends to try, best first
 */
export async function startBackend(
  order: readonly BackendName[] = ["wasm", "cpu"],
): Promise<BackendChoice> {
  setWasmPaths({
    "tfjs-backend-wasm.wasm": plain,
    "tfjs-backend-wasm-simd.wasm": simd,
    "tfjs-backend-wasm-threaded-simd.wasm": threadedSimd,
  });
  const failures: string[] = [];
  for (const name of order) {
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        const fallbackReason = failures.length ? failures.join("; ") : undefined;
        return fallbackReason ? { backend: name, fallbackReason } : { backend: name };
      }
      failures.push(`${name} did not start`);
    } catch (error) {
      failures.push(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`No tfjs backend could start (${failures.join("; ")})`);
}
