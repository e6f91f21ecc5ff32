/**
 * The island's settings form: reads a config from the controls, checks it as the reader
 * types, puts each problem next to its control, and fills the controls from a preset.
 */
import type { TrainConfig } from "../../training/config";
import { FIELDS, readConfig, sameConfig } from "./fields";

/** Presets by the name their buttons carry in `data-preset`. */
export type Presets = Readonly<Record<"fast" | "seed", TrainConfig>>;

/** The form of one island. */
export class ConfigForm {
  private readonly form: HTMLFormElement;
  private config: TrainConfig | null = null;

  constructor(
    root: HTMLElement,
    private readonly presets: Presets,
    private readonly changed: () => void,
  ) {
    this.form = root.querySelector("form")!;
    this.form.addEventListener("input", () => this.check());
    this.form.addEventListener("change", () => this.check());
    // Enter in a field would submit the form and reload the page.
    this.form.addEventListener("submit", (event) => event.preventDefault());
    for (const button of this.presetButtons()) {
      button.addEventListener("click", () => {
        this.fill(this.presets[button.dataset["preset"] as keyof Presets]);
      });
    }
    this.check();
  }

  /** The config the controls hold, or null while any of them is invalid. */
  get value(): TrainConfig | null {
    return this.config;
  }

  /** Puts a config into the controls and checks it. */
  fill(config: TrainConfig): void {
    for (const field of FIELDS) this.control(field.key).value = String(config[field.key]);
    this.check();
  }

  /** Locks or unlocks the controls (they are locked while a run trains). */
  setLocked(locked: boolean): void {
    this.form.querySelectorAll("fieldset").forEach((set) => (set.disabled = locked));
    this.presetButtons().forEach((button) => (button.disabled = locked));
  }

  /** Checks every control, shows each problem beside its control, and reports the change. */
  private check(): void {
    const { config, errors } = readConfig((key) => this.control(key).value);
    for (const field of FIELDS) {
      const problem = errors[field.key] ?? "";
      const message = this.form.querySelector<HTMLElement>(`[data-message="${field.key}"]`)!;
      message.textContent = problem;
      if (problem) this.control(field.key).setAttribute("aria-invalid", "true");
      else this.control(field.key).removeAttribute("aria-invalid");
    }
    this.config = Object.keys(errors).length === 0 ? config : null;
    for (const button of this.presetButtons()) {
      const preset = this.presets[button.dataset["preset"] as keyof Presets];
      const pressed = this.config !== null && sameConfig(this.config, preset);
      button.setAttribute("aria-pressed", String(pressed));
    }
    this.changed();
  }

  private control(key: keyof TrainConfig): HTMLInputElement | HTMLSelectElement {
    return this.form.elements.namedItem(key) as HTMLInputElement | HTMLSelectElement;
  }

  private presetButtons(): HTMLButtonElement[] {
    return [...this.form.querySelectorAll<HTMLButtonElement>("[data-preset]")];
  }
}
