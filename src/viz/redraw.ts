/**
 * Throttled redrawing: snapshots arrive several times a second, and a figure drawn for each
 * would spend the main thread on frames nobody sees. A request is drawn at most every
 * `REDRAW_INTERVAL_MS`, on an animation frame, and never while the tab is hidden.
 */

/** Shortest time between two redraws, in ms; requests arriving faster share the next one. */
export const REDRAW_INTERVAL_MS = 250;

/** Calls `draw` for the latest request, throttled; a hidden tab draws when it is shown again. */
export class Redraw {
  private timer: number | null = null;
  private last = 0;
  /** A request came while the tab was hidden and has not been drawn. */
  private missed = false;

  constructor(private readonly draw: () => void) {
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden && this.missed) this.request();
    });
  }

  /** Draws at once, unless the tab is hidden: for a change of state, whose text and figures
   * must agree the moment the state shows. */
  now(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    this.missed = document.hidden;
    if (this.missed) return;
    this.last = performance.now();
    this.draw();
  }

  /** Asks for a redraw; several requests before it happens make one. */
  request(): void {
    if (document.hidden) {
      this.missed = true;
      return;
    }
    if (this.timer !== null) return;
    const wait = Math.max(0, this.last + REDRAW_INTERVAL_MS - performance.now());
    const timer = window.setTimeout(() => {
      requestAnimationFrame(() => {
        // `now` drew in between and cancelled this request.
        if (this.timer !== timer) return;
        this.timer = null;
        // Hidden between the request and the frame: keep it for when the tab is back.
        if (document.hidden) {
          this.missed = true;
          return;
        }
        this.missed = false;
        this.last = performance.now();
        this.draw();
      });
    }, wait);
    this.timer = timer;
  }
}
