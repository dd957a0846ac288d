'use client';
/**
 * Hydration in pieces, so no single task of the wizard's start-up blocks a
 * phone for long (issue 13, point 11). A `<HydrateLater>` is a visible
 * `<Activity>` boundary: React hydrates the shell first and the server's HTML
 * under the boundary in a later, low-priority pass of its own (a dehydrated
 * Activity, like a dehydrated Suspense boundary, is scheduled at offscreen
 * priority). Each level of nesting is one more pass with its own commit, which
 * is why the form nests its steps instead of listing them side by side;
 * nesting adds no element, only comment markers, so the layout is the same.
 * Not a Suspense boundary: the server would send a large or still-loading
 * Suspense boundary out of line and move it in with a script after the shell
 * (later paint, layout shift), while Activity content always stays in place
 * (docs/performance.md#hydration-in-passes).
 *
 * An update that reaches a boundary before it has hydrated (new props, a
 * changed context) makes React hydrate it at once, so callers keep the props
 * above a boundary stable (memo) to keep the deferral. `<FormHydrated />`,
 * placed in the innermost level, resolves `whenFormHydrated()`: the wizard
 * waits for it before restoring a share link into the form (a section that
 * hydrates after a reset would render values the server's HTML does not have)
 * and before it says it is ready (`data-restored`).
 */
import { Activity, Children, memo, useEffect, type ComponentType, type ReactNode } from 'react';

export function HydrateLater({ children }: { children: ReactNode }) {
  return <Activity mode="visible">{children}</Activity>;
}

/**
 * The children in order on the page, each hydrating one pass after the one before it: the first
 * with the parent, every next one a HydrateLater level deeper (siblings in one boundary would share a pass).
 */
export function HydrateInTurn({ children }: { children: ReactNode }) {
  return Children.toArray(children).reduceRight<ReactNode>(
    (later, item, i) =>
      i === 0 ? (
        <>
          {item}
          {later}
        </>
      ) : (
        <HydrateLater>
          {item}
          {later}
        </HydrateLater>
      ),
    null,
  );
}

/**
 * `Component` inside a HydrateLater, memoised: a parent re-rendering with the same props neither
 * re-renders it nor forces its boundary to hydrate before its turn.
 */
export function hydratedLater<P extends object>(Component: ComponentType<P>) {
  return memo(function HydratedLater(props: P) {
    return (
      <HydrateLater>
        <Component {...props} />
      </HydrateLater>
    );
  });
}

let markHydrated: (() => void) | undefined;
const hydrated = new Promise<void>((resolve) => {
  markHydrated = resolve;
});

/** Resolves once the innermost level of the form has hydrated (never on the server). */
export function whenFormHydrated(): Promise<void> {
  return hydrated;
}

/** Renders nothing; mounting it means every level around it has hydrated. */
export function FormHydrated() {
  useEffect(() => markHydrated?.(), []);
  return null;
}
