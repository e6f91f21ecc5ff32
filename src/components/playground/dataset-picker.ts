/**
 * `<dataset-picker>`: the playground's choice of data. It hands the chosen mixture to the
 * page's `<train-example>` through that element's one public method, `setData`, and keeps the
 * choice of a named dataset in the page's link, `?dataset=spiral`, beside the island's own
 * settings there.
 */
import {
  DATASETS,
  drawnMixture,
  isDatasetName,
  MIN_DRAWN,
  type DatasetName,
} from "../../ddpm/datasets";
import type { TrainExampleElement } from "../train-example/train-example";
import { DrawPad, MAX_DRAWN } from "./draw-pad";

/** The link's parameter for the named dataset. */
const PARAM = "dataset";

/** The radio value of the reader's own drawing. */
const DRAWN = "drawn";

/** The dataset a link or a fresh page starts with. */
const DEFAULT: DatasetName = "ring";

/** The element; `customElements.define("dataset-picker", …)` registers it. */
export class DatasetPickerElement extends HTMLElement {
  private pad!: DrawPad;
  private island: TrainExampleElement | null = null;

  connectedCallback(): void {
    if (this.pad) return;
    this.querySelector("[data-needs-script]")?.remove();
    this.querySelectorAll("fieldset").forEach((set) => (set.disabled = false));
    this.pad = new DrawPad(this.querySelector("svg")!, () => this.drew());
    this.querySelector("form")!.addEventListener("change", () => this.chosen(true));
    this.querySelector("form")!.addEventListener("submit", (event) => event.preventDefault());
    this.querySelector('[data-action="clear"]')!.addEventListener("click", () => {
      this.pad.clear();
      if (this.choice === DRAWN) this.apply();
      else this.count();
    });

    const linked = new URLSearchParams(location.search).get(PARAM);
    this.radio(isDatasetName(linked) ? linked : DEFAULT).checked = true;
    // The island is defined by its own module script, which may run after this one.
    void customElements.whenDefined("train-example").then(() => {
      this.island = document.querySelector<TrainExampleElement>(
        `train-example[data-example="playground"]`,
      );
      this.chosen(false);
      const section = this.island?.querySelector("section");
      if (!section) return;
      // Changing the data resets the run, so the choice waits while the island trains.
      const lock = () => this.lock(section.dataset["state"] === "training");
      new MutationObserver(lock).observe(section, { attributeFilter: ["data-state"] });
    });
  }

  /** Takes no new choice or stroke while `locked`; says so under the drawing. */
  private lock(locked: boolean): void {
    this.querySelector<HTMLFieldSetElement>("fieldset.datasets")!.disabled = locked;
    this.querySelector<HTMLButtonElement>('[data-action="clear"]')!.disabled = locked;
    this.pad.enabled = !locked;
    this.toggleAttribute("data-locked", locked);
    this.querySelector<HTMLElement>('[data-field="locked"]')!.hidden = !locked;
  }

  /** The checked radio's value: a dataset's name or DRAWN. */
  private get choice(): string {
    return this.querySelector<HTMLInputElement>('input[name="dataset"]:checked')?.value ?? DEFAULT;
  }

  /** A stroke ended: the drawing becomes the data. */
  private drew(): void {
    this.radio(DRAWN).checked = true;
    this.chosen(true);
  }

  /** Applies the checked choice; a reader's choice of a named dataset goes into the link. */
  private chosen(byReader: boolean): void {
    const name = this.choice;
    if (byReader) this.writeLink(isDatasetName(name) ? name : null);
    this.apply();
  }

  /** Hands the checked choice to the island, and shows its centres under the drawing. */
  private apply(): void {
    const name = this.choice;
    const named = isDatasetName(name);
    const data = named ? DATASETS[name] : drawnMixture(this.pad.points);
    this.pad.showGuide(named ? DATASETS[name].means : []);
    this.dataset["components"] = String(data?.means.length ?? 0);
    this.count();
    const label = named
      ? this.radio(name).labels![0]!.textContent!.trim().toLowerCase()
      : data
        ? `your ${data.means.length} drawn points`
        : `Draw at least ${MIN_DRAWN} points in the square above to train on your own data.`;
    this.island?.setData(data, label);
  }

  /** Says how many points are drawn, against the least to train and the most allowed. */
  private count(): void {
    const n = this.pad.points.length;
    const points = n === 1 ? "1 point" : `${n} points`;
    const status =
      n < MIN_DRAWN
        ? `${points} drawn; at least ${MIN_DRAWN} are needed to train on a drawing.`
        : n >= MAX_DRAWN
          ? `${points} drawn, the most a drawing can hold.`
          : `${points} drawn.`;
    this.querySelector('[data-field="count"]')!.textContent = status;
  }

  /** Puts the named dataset in the link, or takes it out for a drawing (which a link cannot
   * hold); every other parameter stays as it is. */
  private writeLink(name: DatasetName | null): void {
    const params = new URLSearchParams(location.search);
    if (name) params.set(PARAM, name);
    else params.delete(PARAM);
    const search = params.toString();
    const url = `${location.pathname}${search ? `?${search}` : ""}${location.hash}`;
    history.replaceState(history.state, "", url);
  }

  private radio(value: string): HTMLInputElement {
    return this.querySelector<HTMLInputElement>(`input[name="dataset"][value="${value}"]`)!;
  }
}
