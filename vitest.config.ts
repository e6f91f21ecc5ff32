import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Unit tests: `src/**\/__tests__/**\/*.test.ts`, run in Node.
 *
 * The DDPM module is framework-free, so its tests need neither Astro's Vite setup nor a DOM.
 * Browser tests live in `e2e/` and belong to Playwright; they are left out here explicitly,
 * because Vitest would otherwise try to run Playwright's `test()` and fail.
 */
export default defineConfig({
  resolve: {
    // Mirrors the `~/*` path in tsconfig.json, so tests import modules the way the site does.
    alias: { "~": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  test: {
    include: ["src/**/__tests__/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", "dist/**"],
    environment: "node",
  },
});
