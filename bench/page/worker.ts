/**
 * The benchmark's worker: measures one request and posts the reply back.
 */
/// <reference lib="webworker" />
import type { ThroughputRequest } from "./api";
import { measure } from "./measure";

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<ThroughputRequest>) => {
  self.postMessage(await measure(event.data));
};
