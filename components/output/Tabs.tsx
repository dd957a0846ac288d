'use client';
/**
 * An ARIA tab list (WAI-ARIA Authoring Practices “tabs with automatic
 * activation”): one tab stop, the arrow keys move and select, Home/End jump.
 * The panels are rendered by the caller with `tabPanelProps`.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem {
  key: string;
  label: ReactNode;
}

/** DOM ids of a tab and its panel; keys may contain dots and slashes, ids must not surprise CSS selectors. */
export function tabIds(prefix: string, key: string): { tab: string; panel: string } {
  const safe = key.replace(/[^A-Za-z0-9_-]/g, '_');
  return { tab: `${prefix}-tab-${safe}`, panel: `${prefix}-panel-${safe}` };
}

export function tabPanelProps(prefix: string, key: string, selected: boolean) {
  const ids = tabIds(prefix, key);
  return { id: ids.panel, role: 'tabpanel' as const, 'aria-labelledby': ids.tab, hidden: !selected };
}

export function TabList({
  label,
  items,
  selected,
  onSelect,
  idPrefix,
  className,
}: {
  label: string;
  items: readonly TabItem[];
  selected: string;
  onSelect: (key: string) => void;
  idPrefix: string;
  className?: string;
}) {
  const refs = useRef(new Map<string, HTMLButtonElement>());

  function move(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = items.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last ? 0 : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0 ? last : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (target === undefined) return;
    event.preventDefault();
    const item = items[target];
    if (!item) return;
    onSelect(item.key);
    refs.current.get(item.key)?.focus();
  }

  return (
    <div role="tablist" aria-label={label} className={className ?? 'output-tabs'}>
      {items.map((item, index) => {
        const ids = tabIds(idPrefix, item.key);
        const isSelected = item.key === selected;
        return (
          <button
            key={item.key}
            ref={(el) => {
              if (el) refs.current.set(item.key, el);
              else refs.current.delete(item.key);
            }}
            type="button"
            role="tab"
            id={ids.tab}
            aria-selected={isSelected}
            aria-controls={ids.panel}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(item.key)}
            onKeyDown={(event) => move(event, index)}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}
