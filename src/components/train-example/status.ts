/**
 * The island's status line: its state in words, visible and a polite live region. While
 * training, a screen reader also hears a progress note now and then, from a visually hidden
 * region of its own: the visible counter already shows every step, and a note that changed
 * the visible line would soon be out of date there.
 */
import type { RunState, Snapshot } from "../../training/messages";
import { formatCount } from "./run-view";

/** Shortest time between two progress notes while training, in ms. */
const ANNOUNCE_INTERVAL_MS = 10_000;

/** A sentence for the state; the worker's own message wins where it gave one. */
export function stateText(state: RunState, snapshot: Snapshot | null, message?: string): string {
  const step = formatCount(snapshot?.step ?? 0);
  switch (state) {
    case "idle":
      return "Ready. Press Train to start.";
    case "training":
      return snapshot ? `Training from step ${step}.` : "Starting…";
    case "paused":
      return message ?? `Paused at step ${step}. Train resumes from here; Reset starts over.`;
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

/** The status line of one island. */
export class StatusLine {
  private last = 0;
  /** Whether a progress note has been given since training (re)started. */
  private noted = false;

  constructor(
    private readonly element: HTMLElement,
    private readonly announcer: HTMLElement,
  ) {}

  /** Says the state, at once. */
  state(state: RunState, snapshot: Snapshot | null, message?: string): void {
    this.say(stateText(state, snapshot, message));
    this.announcer.textContent = "";
    this.noted = false;
  }

  /** Notes training progress: the first step of a run, then every ANNOUNCE_INTERVAL_MS. */
  progress(snapshot: Snapshot): void {
    const due = performance.now() - this.last >= ANNOUNCE_INTERVAL_MS;
    // The first snapshot of a run comes before its first step; wait for one that has news.
    if ((this.noted && !due) || snapshot.step === 0) return;
    this.noted = true;
    this.last = performance.now();
    this.announcer.textContent = `Training: step ${formatCount(snapshot.step)} of ${formatCount(snapshot.totalSteps)}.`;
  }

  /** Says anything else (a failed export, say). */
  say(text: string): void {
    this.element.textContent = text;
    this.last = performance.now();
  }
}
