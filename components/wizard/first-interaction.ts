'use client';
/**
 * When the wizard's heavier code (zod and the schemas, the interactive output
 * panel with its renderers) may load: at the first sign of a user (pointer,
 * key, focus, touch, scroll, wheel), at once when the page opens a share link
 * (#s=…: the form must be restored from it), and otherwise once the page has
 * loaded and the browser has been idle for a while, so someone who only reads
 * still gets the interactive panel. Until then the server-rendered output
 * (components/output/OutputPreview) is what shows, so a phone's first load
 * carries only the form's own code.
 */

const EVENTS = ['pointerdown', 'keydown', 'focusin', 'touchstart', 'scroll', 'wheel'] as const;
/** After the load event, how long a page nobody touches waits before loading the rest anyway. */
export const IDLE_LOAD_DELAY_MS = 4000;

let ready: Promise<void> | undefined;

export function whenInteractive(): Promise<void> {
  if (typeof window === 'undefined') return new Promise<void>(() => {});
  ready ??= new Promise<void>((resolve) => {
    if (window.location.hash.startsWith('#s=')) {
      resolve();
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      for (const type of EVENTS) window.removeEventListener(type, done, true);
      window.removeEventListener('load', onLoad);
      if (timer !== undefined) clearTimeout(timer);
      resolve();
    };
    const onLoad = () => {
      timer = setTimeout(() => {
        if ('requestIdleCallback' in window) window.requestIdleCallback(done, { timeout: 2000 });
        else done();
      }, IDLE_LOAD_DELAY_MS);
    };
    for (const type of EVENTS) window.addEventListener(type, done, { capture: true, passive: true });
    if (document.readyState === 'complete') onLoad();
    else window.addEventListener('load', onLoad, { once: true });
  });
  return ready;
}
