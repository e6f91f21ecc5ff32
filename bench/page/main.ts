/**
 * The benchmark page's script: installs `window.benchPage` for the Playwright driver.
 */
import type { BenchPage, BenchWindow, ThroughputReply, ThroughputRequest } from "./api";
import { measure } from "./measure";

/** Runs one request in a worker of its own, so each starts from a fresh tfjs. */
function inWorker(request: ThroughputRequest): Promise<ThroughputReply> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
    const done = (reply: ThroughputReply) => {
      worker.terminate();
      resolve(reply);
    };
    worker.onmessage = (event: MessageEvent<ThroughputReply>) => done(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      done({ ok: false, error: event.message || "the worker failed to start" });
    };
    worker.postMessage(request);
  });
}

const page: BenchPage = { onMainThread: measure, inWorker };
(window as BenchWindow).benchPage = page;
document.body.dataset["ready"] = "true";
