/**
 * A run's settings in a link: each field of the config as a query parameter of its own name,
 * `?learningRate=0.01&seed=7`, written only where it differs from the example's default so
 * that a plain chapter link stays plain. Reading a link never throws: what cannot run is
 * refused with the form's own messages and replaced by the default.
 */
import {
  CHOICES,
  checkConfig,
  LIMITS,
  parseNumber,
  type ConfigErrors,
  type TrainConfig,
} from "./config";

/** The config's fields, in a fixed order so the same settings always give the same link. */
const KEYS = [...(Object.keys(LIMITS) as (keyof TrainConfig)[]), ...Object.keys(CHOICES)].sort(
  (a, b) => a.localeCompare(b),
) as (keyof TrainConfig)[];

/** The query string for `config`, without "?": the fields that differ from `defaults`, after
 * the parameters of `search` that are not settings. */
export function configToSearch(config: TrainConfig, defaults: TrainConfig, search = ""): string {
  const params = new URLSearchParams(search);
  for (const key of KEYS) {
    params.delete(key);
    if (config[key] !== defaults[key]) params.set(key, String(config[key]));
  }
  return params.toString();
}

/** What a link asked for: the config to use, and why any value of the link was refused. */
export interface LinkedConfig {
  readonly config: TrainConfig;
  /** By field, the problem with the link's value; empty when all of it was used. */
  readonly refused: ConfigErrors;
  /** Whether the link set any field at all. */
  readonly linked: boolean;
}

/**
 * The config a query string asks for, on top of `defaults`. A value that cannot run is
 * refused and its field keeps the default; if the values left still do not fit together (the
 * seed's schedule with another T), the whole link is refused. Unknown parameters are ignored.
 */
export function configFromSearch(search: string, defaults: TrainConfig): LinkedConfig {
  const params = new URLSearchParams(search);
  const given = KEYS.filter((key) => params.has(key));
  const asked: Record<string, string | number> = { ...defaults };
  for (const key of given) {
    const text = params.get(key)!;
    asked[key] = key in LIMITS ? parseNumber(text) : text;
  }

  const refused: ConfigErrors = {};
  const errors = checkConfig(asked as unknown as TrainConfig);
  for (const key of given) {
    if (errors[key] === undefined) continue;
    refused[key] = errors[key];
    asked[key] = defaults[key];
  }

  const config = asked as unknown as TrainConfig;
  const clash = checkConfig(config);
  if (Object.keys(clash).length > 0)
    return { config: defaults, refused: { ...clash, ...refused }, linked: true };
  return { config, refused, linked: given.length > 0 };
}
