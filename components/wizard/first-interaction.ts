'use client';
/**
 * When the wizard's heavier code (zod and the schemas, the interactive output
 * panel with its renderers) may load: at the first sign of a user (pointer,
 * key, focus, touch, scroll, wheel), at once when the page opens a share link
 * (#s=…: the form must be restored from it), and otherwise once the page has
 * loaded and the browser has been idle for a while, so someone who only reads
 * still gets the interactive panel. Syntax highlighting (shiki) waits for a
 * real interaction (`whenInteracted`): plain text reads just as well. Until then the server-rendered output
 * (components/output/OutputPreview) is what shows, so a phone's first load
 * carries only the form's own code.
 */

const EVENTS = ['pointerdown', 'keydown', 'focusin', 'touchstart', 'scroll', 'wheel'] as const;
/** After the load event, how long a page nobody touches waits before loading the rest anyway. */
export const IDLE_LOAD_DELAY_MS = 4000;

let interacted: Promise<void> | undefined;
let ready: Promise<void> | undefined;

/** Resolves at the first interaction (or at once on a share link); never on the server. */
export function whenInteracted(): Promise<void> {
  if (typeof window === 'undefined') return new Promise<void>(() => {});
  interacted ??= new Promise<void>((resolve) => {
    if (window.location.hash.startsWith('#s=')) {
      resolve();
      return;
    }
    const done = () => {
      for (const type of EVENTS) window.removeEventListener(type, done, true);
      resolve();
    };
    for (const type of EVENTS) window.addEventListener(type, done, { capture: true, passive: true });
  });
  return interacted;
}

/** Resolves at the first interaction, or a while after the load event when nobody has interacted. */
export function whenInteractive(): Promise<void> {
  if (typeof window === 'undefined') return new Promise<void>(() => {});
  ready ??= new Promise<void>((resolve) => {
    void whenInteracted().then(() => resolve());
    const onLoad = () => {
      setTimeout(() => {
        if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 2000 });
        else resolve();
      }, IDLE_LOAD_DELAY_MS);
    };
    if (document.readyState === 'complete') onLoad();
    else window.addEventListener('load', onLoad, { once: true });
  });
  return ready;
}
