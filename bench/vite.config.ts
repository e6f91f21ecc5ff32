/**
 * Builds the benchmark's own page (bench/page) with Vite, outside the site: the site ships
 * no benchmark code. `npm run bench` builds and serves it; by hand:
 * `npx vite build --config bench/vite.config.ts`.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/** Where the built page goes: a scratch folder, so concurrent site builds are untouched. */
export const PAGE_OUT_DIR = join(tmpdir(), "diffusion-bench", "page");

export default defineConfig({
  root: fileURLToPath(new URL("./page", import.meta.url)),
  base: "./",
  logLevel: "warn",
  // Dependency pre-bundling is for the dev server only; keep its cache out of the tree.
  cacheDir: join(tmpdir(), "diffusion-bench", "vite-cache"),
  build: {
    outDir: PAGE_OUT_DIR,
    emptyOutDir: true,
    target: "es2022",
    // tfjs makes the page's script and its worker about 850 KB each; that is expected here.
    chunkSizeWarningLimit: 2000,
  },
  // Module workers, as the site builds its own training worker.
  worker: { format: "es" },
});
