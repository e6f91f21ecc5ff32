/**
 * Plain-text tables for the terminal: a title, aligned columns, and notes under the rule.
 */

/** One printed table. Cells are already formatted; numbers read best right-aligned. */
export interface Table {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Lines printed under the table: caveats, units, what a dash means. */
  readonly notes?: readonly string[];
}

/** A numeric cell: a number, maybe signed or bounded, then a unit, a range or nothing. */
const NUMERIC = /^[-+~≤≥<>]?\s?\d[\d.,]*(\s|%|$)|^[–-]$/;

/** The table as lines of text, columns padded to their widest cell; a column whose cells are
 * all numeric is right-aligned. */
export function formatTable(table: Table): string {
  const { title, headers, rows, notes = [] } = table;
  const widths = headers.map((h, j) =>
    Math.max(h.length, ...rows.map((row) => (row[j] ?? "").length)),
  );
  const right = headers.map((_, j) => rows.every((row) => NUMERIC.test(row[j] ?? "")));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, j) => (right[j] ? cell.padStart(widths[j]!) : cell.padEnd(widths[j]!)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [
    "",
    title,
    "",
    line(headers),
    rule,
    ...rows.map(line),
    ...(notes.length ? ["", ...notes.map((n) => `  ${n}`)] : []),
  ].join("\n");
}

/** Prints a table to stdout. */
export function printTable(table: Table): void {
  console.log(formatTable(table));
}

/** A number with `digits` decimals, or a dash when it is not finite. */
export function fixed(value: number, digits = 0): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "–";
}

/** Median and range as "1.23 (1.10–1.40)", with `digits` decimals; the value alone when
 * there is no spread to show (a single run). */
export function withRange(s: { median: number; min: number; max: number }, digits = 0): string {
  if (!Number.isFinite(s.median)) return "–";
  if (s.min === s.max) return fixed(s.median, digits);
  return `${fixed(s.median, digits)} (${fixed(s.min, digits)}–${fixed(s.max, digits)})`;
}

/** Bytes in kilobytes of 1,000 bytes, one decimal, as "12.3 KB". */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}
