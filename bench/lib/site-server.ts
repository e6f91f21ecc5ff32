/**
 * The real site, built and served as a reader gets it: `astro build` into a scratch folder
 * (others may be building dist/ in this tree at the same time) and `astro preview` on it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitForUrl } from "./net";

/** The benchmark's scratch folder: the built site, the page, and the servers' logs. */
export const SCRATCH_DIR = join(tmpdir(), "diffusion-bench");

/** Where the site is built. */
export const SITE_OUT_DIR = join(SCRATCH_DIR, "site");

/** A running server and how to stop it. */
export interface Server {
  /** Its root URL, ending in a slash. */
  readonly url: string;
  close(): Promise<void>;
}

/** Runs `npx astro build --outDir SITE_OUT_DIR`; the build's output goes to a log file,
 * whose path the error names if the build fails. */
export async function buildSite(): Promise<void> {
  const log = join(SCRATCH_DIR, "astro-build.log");
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = start(["build", "--outDir", SITE_OUT_DIR], log);
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new Error(`astro build exited with ${code}; see ${log}`);
}

/** Serves SITE_OUT_DIR with `astro preview` on a free port until `close()`. */
export async function serveSite(): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = start(
    ["preview", "--host", "127.0.0.1", "--port", String(port), "--outDir", SITE_OUT_DIR],
    join(SCRATCH_DIR, "astro-preview.log"),
  );
  // Stop the server even if the benchmark dies on the way.
  const stop = () => stopGroup(child);
  process.once("exit", stop);
  try {
    await waitForUrl(url, 60_000);
  } catch (error) {
    stop();
    throw error;
  }
  return {
    url,
    close: async () => {
      process.off("exit", stop);
      stop();
    },
  };
}

/** Starts `npx astro …` in a process group of its own (npx starts node under it), with
 * stdout and stderr appended to `logFile`. */
function start(args: string[], logFile: string): ChildProcess {
  mkdirSync(SCRATCH_DIR, { recursive: true });
  const fd = openSync(logFile, "w");
  const child = spawn("npx", ["astro", ...args], { detached: true, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  return child;
}

/** Ends the group this benchmark started for `child`, and nothing else. */
function stopGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}
