/**
 * The island's state in words, for the status line under its buttons.
 */
import type { RunState, Snapshot } from "../../training/messages";
import { formatCount } from "./run-view";

/** A sentence for the state; the worker's own message wins where it gave one. */
export function stateText(state: RunState, snapshot: Snapshot | null, message?: string): string {
  const step = formatCount(snapshot?.step ?? 0);
  switch (state) {
    case "idle":
      return "Ready. Press Train to start.";
    case "training":
      return snapshot ? `Training from step ${step}.` : "Starting…";
    case "paused":
      return `Paused at step ${step}. Train resumes from here; Reset starts over.`;
    case "converged": {
      const seconds = ((snapshot?.elapsedMs ?? 0) / 1000).toFixed(1);
      return `Converged at step ${step}, after ${seconds} s of training: every figure meets its target.`;
    }
    case "unconverged":
      return (
        message ?? `Stopped at the step budget (${step} steps) before every figure met its target.`
      );
    case "diverged":
      return `Diverged at step ${step}. ${message ?? "Lower the learning rate and press Reset."}`;
    case "error":
      return `Something went wrong: ${message ?? "the training worker stopped."} Press Train to try again.`;
  }
}
