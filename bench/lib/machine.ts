/**
 * What the numbers were measured on: the commit, the machine and how busy it was.
 */
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";

/** The facts printed at the top and stored with the results. */
export interface Machine {
  readonly date: string;
  readonly commit: string;
  /** Whether the working tree had uncommitted changes, which the build includes. */
  readonly dirty: boolean;
  readonly node: string;
  readonly cpu: string;
  readonly cores: number;
  /** 1-minute load average when the benchmark started; above the core count means other
   * work competed for the CPUs. */
  readonly load: number;
}

/** Reads the machine and the git state. */
export function describeMachine(): Machine {
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { encoding: "utf8" }).trim();
    } catch {
      return "";
    }
  };
  return {
    date: new Date().toISOString(),
    commit: git("rev-parse", "--short", "HEAD") || "unknown",
    dirty: git("status", "--porcelain", "--untracked-files=no") !== "",
    node: process.version,
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    load: loadavg()[0]!,
  };
}
