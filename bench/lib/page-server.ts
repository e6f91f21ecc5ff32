/**
 * The benchmark's own page (bench/page), built with Vite and served by `vite preview`.
 */
import { fileURLToPath } from "node:url";
import { build, preview } from "vite";
import { freePort } from "./net";
import type { Server } from "./site-server";

/** The Vite config that builds the page. */
const CONFIG_FILE = fileURLToPath(new URL("../vite.config.ts", import.meta.url));

/** Builds the page and serves it on a free port until `close()`. */
export async function servePage(): Promise<Server> {
  await build({ configFile: CONFIG_FILE, logLevel: "warn" });
  const port = await freePort();
  const server = await preview({
    configFile: CONFIG_FILE,
    logLevel: "warn",
    preview: { host: "127.0.0.1", port, strictPort: true },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}
