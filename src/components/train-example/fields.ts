/**
 * The hyperparameter controls of an example island, described once: the server renders them
 * from this list and the page's script reads and checks them by the same keys.
 */
import {
  checkConfig,
  parseNumber,
  type ChoiceField as ChoiceKey,
  type ConfigErrors,
  type NumericField,
  type TrainConfig,
} from "../../training/config";

/** A typed number, checked against the field's limits. */
export interface NumberField {
  readonly kind: "number";
  readonly key: NumericField;
  readonly label: string;
  /** Whole numbers get a numeric keypad on phones, others a decimal one. */
  readonly inputMode: "numeric" | "decimal";
}

/** One of a few named options. */
export interface ChoiceField {
  readonly kind: "choice";
  readonly key: ChoiceKey;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

/** Any control of the form. */
export type Field = NumberField | ChoiceField;

const number = (key: NumericField, label: string, inputMode: "numeric" | "decimal") =>
  ({ kind: "number", key, label, inputMode }) as const;

/** The controls in the order the form shows them, in two groups. */
export const FIELD_GROUPS: readonly {
  readonly legend: string;
  readonly fields: readonly Field[];
}[] = [
  {
    legend: "Optimisation",
    fields: [
      number("learningRate", "Learning rate", "decimal"),
      {
        kind: "choice",
        key: "optimizer",
        label: "Optimizer",
        options: [
          { value: "adam", label: "Adam" },
          { value: "sgd", label: "SGD" },
        ],
      },
      number("lrDecay", "Learning-rate decay per 100 steps", "decimal"),
      number("batchSize", "Batch size", "numeric"),
      number("steps", "Training steps", "numeric"),
      number("ema", "EMA decay", "decimal"),
      number("seed", "Random seed", "numeric"),
    ],
  },
  {
    legend: "Model and noise",
    fields: [
      number("width", "Network width", "numeric"),
      number("T", "Number of steps T", "numeric"),
      {
        kind: "choice",
        key: "schedule",
        label: "Noise schedule",
        options: [
          { value: "seed", label: "Seed's ten scales" },
          { value: "linear", label: "Linear" },
          { value: "cosine", label: "Cosine" },
          { value: "karras", label: "Karras (ρ = 4)" },
        ],
      },
      {
        kind: "choice",
        key: "time",
        label: "Time input",
        options: [
          { value: "alpha", label: "α_t, as the seed" },
          { value: "sinusoidal", label: "Sinusoids of t" },
        ],
      },
    ],
  },
];

/** Every field, in form order. */
export const FIELDS: readonly Field[] = FIELD_GROUPS.flatMap((group) => group.fields);

/** The config the values spell, and every problem with it keyed by field (empty when it runs). */
export function readConfig(values: (key: keyof TrainConfig) => string): {
  config: TrainConfig;
  errors: ConfigErrors;
} {
  const entries = FIELDS.map((field) => [
    field.key,
    field.kind === "number" ? parseNumber(values(field.key)) : values(field.key),
  ]);
  const config = Object.fromEntries(entries) as unknown as TrainConfig;
  return { config, errors: checkConfig(config) };
}

/** Whether two configs would train the same run. */
export function sameConfig(a: TrainConfig, b: TrainConfig): boolean {
  return FIELDS.every((field) => a[field.key] === b[field.key]);
}
