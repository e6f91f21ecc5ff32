/**
 * What a page downloads: each response sorted into a kind and sized raw and gzipped. The gzip
 * size is computed here with zlib at its default level (6), as a static host would compress
 * on the fly, whatever the local preview server did; formats that are compressed already
 * (woff2, png) barely shrink, which is also what a host would send.
 */
import { gzipSync } from "node:zlib";
import type { BrowserContext, Response } from "@playwright/test";

/** The kinds of file a page can load, in the order tables list them. */
export const KINDS = ["html", "css", "js", "font", "wasm", "image", "other"] as const;
export type Kind = (typeof KINDS)[number];

/** One downloaded file. */
export interface Resource {
  /** The URL's path and query: every file comes from the site's own origin. */
  readonly path: string;
  readonly kind: Kind;
  /** The body's size as the page received it, decoded. */
  readonly bytes: number;
  readonly gzipBytes: number;
  /** A label the caller set when the request went out, e.g. "before" or "after". */
  readonly phase: string;
}

/** Collects every response in `context` (pages and their workers alike); `phase()` is read
 * as each response arrives. `settle()` waits for the bodies still being read. */
export function collectResources(
  context: BrowserContext,
  phase: () => string,
): { resources: Resource[]; settle: () => Promise<void> } {
  const resources: Resource[] = [];
  const pending: Promise<void>[] = [];
  context.on("response", (response) => {
    const label = phase();
    pending.push(
      sizeOf(response, label).then((resource) => {
        if (resource) resources.push(resource);
      }),
    );
  });
  return { resources, settle: async () => void (await Promise.all(pending)) };
}

/** The response as a Resource, or null for one without a body (redirects, 304s, errors). */
async function sizeOf(response: Response, phase: string): Promise<Resource | null> {
  const url = new URL(response.url());
  if (!url.protocol.startsWith("http") || response.status() !== 200) return null;
  let body: Buffer;
  try {
    body = await response.body();
  } catch {
    return null;
  }
  const type = response.headers()["content-type"] ?? "";
  return {
    path: url.pathname + url.search,
    kind: kindOf(type, url.pathname),
    bytes: body.length,
    gzipBytes: gzipSync(body).length,
    phase,
  };
}

/** The kind from the Content-Type header, falling back on the file's extension. */
export function kindOf(contentType: string, path: string): Kind {
  const type = contentType.split(";")[0]!.trim();
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? "";
  if (type === "text/html" || path.endsWith("/")) return "html";
  if (type === "text/css" || ext === "css") return "css";
  if (/javascript/.test(type) || ext === "js" || ext === "mjs") return "js";
  if (type.startsWith("font/") || ["woff", "woff2", "ttf", "otf"].includes(ext)) return "font";
  if (type === "application/wasm" || ext === "wasm") return "wasm";
  if (type.startsWith("image/")) return "image";
  return "other";
}

/** Sums of raw and gzipped bytes per kind, plus "total". */
export function totals(
  resources: readonly Resource[],
): Record<Kind | "total", { bytes: number; gzipBytes: number }> {
  const sums = Object.fromEntries(
    [...KINDS, "total"].map((k) => [k, { bytes: 0, gzipBytes: 0 }]),
  ) as Record<Kind | "total", { bytes: number; gzipBytes: number }>;
  for (const r of resources)
    for (const key of [r.kind, "total"] as const) {
      sums[key].bytes += r.bytes;
      sums[key].gzipBytes += r.gzipBytes;
    }
  return sums;
}
