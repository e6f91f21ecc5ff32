/** Shared helpers for the module's unit tests: a CPU backend and tolerance checks. */
import "@tensorflow/tfjs-backend-cpu";
import { expect } from "vitest";
import { tf } from "../tf";

/** Selects the plain-JavaScript backend, which gives the same numbers on every machine. */
export async function useCpuBackend(): Promise<void> {
  await tf.setBackend("cpu");
  await tf.ready();
}

/** Asserts |actual - expected| ≤ tolerance, naming both in the failure. */
export function expectClose(actual: number, expected: number, tolerance: number, what = "value") {
  const ok = Math.abs(actual - expected) <= tolerance;
  expect(ok, `${what}: expected ${expected} ± ${tolerance}, got ${actual}`).toBe(true);
}

/** Asserts two arrays agree entry by entry within a tolerance. */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: number,
  what = "array",
) {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++)
    expectClose(actual[i]!, expected[i]!, tolerance, `${what}[${i}]`);
}
