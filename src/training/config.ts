/**
 * A training run's settings, the limits a reader's input must respect, and their validation.
 * Plain data: the page, the worker and the URL all speak it.
 */
import type { TimeEncoding } from "../ddpm/denoiser";
import { SEED_BETAS, type ScheduleName } from "../ddpm/schedule";

/** Everything that decides a run; the same config and seed give the same run. */
export interface TrainConfig {
  readonly schedule: ScheduleName;
  /** Number of diffusion steps T (the seed schedule has exactly ten). */
  readonly T: number;
  /** Units in each of the two hidden layers. */
  readonly width: number;
  readonly time: TimeEncoding;
  readonly optimizer: "adam" | "sgd";
  readonly learningRate: number;
  /** Multiply the learning rate by this every 100 steps (1 keeps it constant). */
  readonly lrDecay: number;
  readonly batchSize: number;
  /** The step budget: training stops here if it has not converged. */
  readonly steps: number;
  /** Decay of the weights' moving average used for sampling (0 samples the raw weights). */
  readonly ema: number;
  readonly seed: number;
}

/** Hidden layers of every example's network, as in the seed. */
export const DEPTH = 2;

/** What a field accepts; integer fields refuse fractions. */
interface Limit {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

/** The numeric fields' limits: wide enough to explore, small enough to run in a tab. */
export const LIMITS = {
  T: { min: 2, max: 1000, integer: true },
  width: { min: 4, max: 256, integer: true },
  learningRate: { min: 1e-6, max: 10, integer: false },
  lrDecay: { min: 0.5, max: 1, integer: false },
  batchSize: { min: 8, max: 4096, integer: true },
  steps: { min: 10, max: 100_000, integer: true },
  ema: { min: 0, max: 0.9999, integer: false },
  seed: { min: 0, max: 2 ** 32 - 1, integer: true },
} as const satisfies Record<string, Limit>;

/** A numeric field of the config. */
export type NumericField = keyof typeof LIMITS;

/** Why `value` cannot be used for `field`, or null if it can. */
export function checkField(field: NumericField, value: number): string | null {
  const { min, max, integer } = LIMITS[field];
  if (!Number.isFinite(value)) return `Enter a number from ${min} to ${max}.`;
  if (integer && !Number.isInteger(value)) return `Enter a whole number from ${min} to ${max}.`;
  if (value < min || value > max) return `Must be from ${min} to ${max}; got ${value}.`;
  return null;
}

/** The words each of the other fields accepts. */
export const CHOICES = {
  schedule: ["seed", "linear", "cosine", "karras"],
  optimizer: ["adam", "sgd"],
  time: ["alpha", "sinusoidal"],
} as const satisfies { readonly [K in ChoiceField]: readonly TrainConfig[K][] };

/** A field of the config that takes one of a few words. */
export type ChoiceField = "schedule" | "optimizer" | "time";

/** Problems with a config, keyed by field. */
export type ConfigErrors = Partial<Record<keyof TrainConfig, string>>;

/** A number as a reader typed it or a link spelled it; blank is not zero. */
export function parseNumber(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

/** Every problem with a config, keyed by field; empty when it can run. */
export function checkConfig(config: TrainConfig): ConfigErrors {
  const errors: ConfigErrors = {};
  for (const field of Object.keys(LIMITS) as NumericField[]) {
    const problem = checkField(field, config[field]);
    if (problem) errors[field] = problem;
  }
  for (const field of Object.keys(CHOICES) as ChoiceField[]) {
    const allowed: readonly string[] = CHOICES[field];
    if (!allowed.includes(config[field]))
      errors[field] = `Choose one of ${allowed.join(", ")}; got "${config[field]}".`;
  }
  if (config.schedule === "seed" && config.T !== SEED_BETAS.length)
    errors.T = `The seed's schedule has exactly ${SEED_BETAS.length} steps.`;
  return errors;
}
