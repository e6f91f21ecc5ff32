/**
 * Part 4's tables: gzipped bytes per chapter before interaction, and what Train adds.
 */
import type { ChapterBytes } from "../parts/bytes";
import { KINDS, totals, type Kind, type Resource } from "../lib/resources";
import { kb, type Table } from "../lib/table";

/** The files of one phase. */
function phase(chapter: ChapterBytes, name: string): Resource[] {
  return chapter.resources.filter((r) => r.phase === name);
}

/** Kinds that appear in any of these files, in KINDS order. */
function kindsIn(resources: readonly Resource[]): Kind[] {
  return KINDS.filter((k) => resources.some((r) => r.kind === k));
}

/** Part 4a: gzipped kilobytes per kind on each chapter before interaction. */
export function bytesBeforeTable(chapters: readonly ChapterBytes[]): Table {
  const all = chapters.flatMap((c) => phase(c, "before"));
  const kinds = kindsIn(all);
  const rows = chapters.map((c) => {
    const sums = totals(phase(c, "before"));
    return [
      c.chapter,
      ...kinds.map((k) => kb(sums[k].gzipBytes)),
      kb(sums.total.gzipBytes),
      kb(sums.total.bytes),
    ];
  });
  const heaviest = [...all]
    .filter((r) => r.kind === "js")
    .sort((a, b) => b.gzipBytes - a.gzipBytes)
    .filter((r, i, list) => list.findIndex((s) => s.path === r.path) === i)
    .slice(0, 4);
  return {
    title: "4a. Bytes each chapter ships before interaction (gzipped; read to the end)",
    headers: ["chapter", ...kinds, "total gzip", "total raw"],
    rows,
    notes: [
      "Each file gzipped here with zlib level 6, as a static host compresses; KB = 1,000 B.",
      "Largest JavaScript files before interaction (gzip): " +
        heaviest.map((r) => `${r.path.replace(/^.*\//, "")} ${kb(r.gzipBytes)}`).join(", "),
    ],
  };
}

/** Part 4b: what a click on Train adds, on the chapters with an example. */
export function bytesAfterTable(chapters: readonly ChapterBytes[]): Table {
  const withExample = chapters.filter((c) => c.example);
  const kinds = kindsIn(withExample.flatMap((c) => phase(c, "after")));
  const rows = withExample.map((c) => {
    const sums = totals(phase(c, "after"));
    const files = phase(c, "after").map((r) => r.path.replace(/^.*\//, ""));
    return [
      c.chapter,
      ...kinds.map((k) => kb(sums[k].gzipBytes)),
      kb(sums.total.gzipBytes),
      kb(sums.total.bytes),
      files.join(", "),
    ];
  });
  return {
    title: "4b. What Train adds (gzipped): the worker with tfjs, and the .wasm",
    headers: ["chapter", ...kinds, "total gzip", "total raw", "files"],
    rows,
    notes: ["Counted from the hover before the click (the island warms its worker then)."],
  };
}
