/**
 * The convergence table's rows, built in the page: the same markup `Figures.astro` renders on
 * the server, for an island whose data, and with it the list of figures, changes while the
 * page is open (the playground's).
 */
import type { Figure } from "../../training/examples";

/** One row: the figure's label and target, its value and mark still to come. */
function row(figure: Figure): HTMLTableRowElement {
  const tr = document.createElement("tr");
  const label = document.createElement("th");
  label.scope = "row";
  label.textContent = figure.label;
  const cell = (text: string, name?: string) => {
    const td = document.createElement("td");
    td.textContent = text;
    if (name) td.dataset["cell"] = name;
    return td;
  };
  tr.append(label, cell("—", "value"), cell(figure.target), cell("—", "ok"));
  return tr;
}

/** Replaces the rows of `table` with one per figure, in order. */
export function renderFigureRows(table: HTMLTableElement, figures: readonly Figure[]): void {
  table.tBodies[0]!.replaceChildren(...figures.map(row));
}
