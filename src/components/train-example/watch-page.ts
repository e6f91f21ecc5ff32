/**
 * The page events an island answers: leaving the page, coming back to it from the
 * back-forward cache, and a switch between the light and dark themes.
 */

/** What to do on each page event. */
export interface PageHandlers {
  /** The page is going away (or into the back-forward cache): stop the worker now. */
  readonly hide: () => void;
  /** The page came back from the back-forward cache, without its worker. */
  readonly restore: () => void;
  /** The theme changed: canvases, which cannot follow CSS variables, must be redrawn. */
  readonly retheme: () => void;
}

/** Calls the handlers for the rest of the page's life. */
export function watchPage(handlers: PageHandlers): void {
  // pagehide rather than unload: it also fires when the page enters the back-forward cache,
  // and unload handlers keep a page out of that cache.
  window.addEventListener("pagehide", handlers.hide);
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) handlers.restore();
  });
  // Starlight's theme picker sets data-theme on <html>.
  new MutationObserver(handlers.retheme).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["data-theme"],
  });
}
