/**
 * The code viewer's two view options (wrap long lines, show the whole file),
 * shared by every file shown and kept in localStorage, so switching tabs or
 * reloading keeps them. Read after hydration (the server renders the defaults).
 */
import { useCallback, useSyncExternalStore } from 'react';

export interface CodeViewPrefs {
  /** Long lines wrap instead of scrolling sideways (the default: nothing is cut off). */
  wrap: boolean;
  /** The file shows at its full height instead of in a box that scrolls. */
  fullHeight: boolean;
}

const KEY = 'sls-wizard.code-view';
const DEFAULTS: CodeViewPrefs = { wrap: true, fullHeight: false };

let current: CodeViewPrefs = DEFAULTS;
let read = false;
const listeners = new Set<() => void>();

function load(): CodeViewPrefs {
  if (read) return current;
  read = true;
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? 'null');
    if (stored && typeof stored === 'object') {
      const s = stored as Partial<Record<keyof CodeViewPrefs, unknown>>;
      current = {
        wrap: typeof s.wrap === 'boolean' ? s.wrap : DEFAULTS.wrap,
        fullHeight: typeof s.fullHeight === 'boolean' ? s.fullHeight : DEFAULTS.fullHeight,
      };
    }
  } catch {
    // Storage blocked or garbled: the defaults stand.
  }
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useCodeViewPrefs(): [CodeViewPrefs, (change: Partial<CodeViewPrefs>) => void] {
  const prefs = useSyncExternalStore(subscribe, load, () => DEFAULTS);
  const update = useCallback((change: Partial<CodeViewPrefs>) => {
    current = { ...load(), ...change };
    try {
      window.localStorage.setItem(KEY, JSON.stringify(current));
    } catch {
      // Not kept across reloads then; the change still applies.
    }
    for (const listener of listeners) listener();
  }, []);
  return [prefs, update];
}
