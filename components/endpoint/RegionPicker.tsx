'use client';
/**
 * Region picker: one type-ahead combobox (WAI-ARIA APG "combobox with listbox
 * popup, list autocomplete with automatic selection"). Typing filters the
 * regions (id, English or Chinese name) grouped by area and selects the first
 * match at once; the arrow keys move through the matches
 * (aria-activedescendant), Enter picks one and Escape closes the list and
 * puts the chosen region's name back. Closed regions are never offered,
 * closing ones are labelled.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { REGION_AREAS, findRegion, selectableRegions, type Region } from '@/lib/sls/regions';
import { useFormText } from '@/components/form/use-form-text';

export function regionMatches(region: Region, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [region.id, region.name, region.nameZh].some((s) => s.toLowerCase().includes(q));
}

export function RegionPicker({
  value,
  onSelect,
  onBlur,
  error,
}: {
  value: string;
  onSelect: (id: string) => void;
  onBlur?: () => void;
  error?: string;
}) {
  const { lang, t } = useFormText();
  const zh = lang === 'zh-CN';
  const listId = useId();
  const errorId = useId();
  const helpId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  // null: not editing (the input shows the chosen region's name).
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);

  const name = (region: Region): string => (zh ? region.nameZh : region.name);
  const optionLabel = (region: Region): string => {
    const other = zh ? region.name : region.nameZh;
    const status = region.status === 'closing' ? ` — ${t('endpoint.closing')}` : '';
    return `${name(region)} · ${other} (${region.id})${status}`;
  };
  const selected = findRegion(value);
  const selectedText = selected ? `${name(selected)} (${selected.id})` : value;

  const matches = useMemo(() => selectableRegions().filter((r) => regionMatches(r, query ?? '')), [query]);
  const groups = useMemo(
    () =>
      REGION_AREAS.map((area) => ({ area, regions: matches.filter((r) => r.area === area.id) })).filter((g) => g.regions.length > 0),
    [matches],
  );
  // In display order (grouped), for the arrow keys.
  const ordered = useMemo(() => groups.flatMap((g) => g.regions), [groups]);
  const optionId = (id: string) => `${listId}-${id}`;
  const trimmed = (query ?? '').trim();

  function type(text: string) {
    setQuery(text);
    setOpen(true);
    const first = selectableRegions().filter((r) => regionMatches(r, text));
    const firstInOrder = REGION_AREAS.flatMap((a) => first.filter((r) => r.area === a.id))[0];
    // Automatic selection: the first match is chosen as you type; no match keeps the current region.
    if (text.trim() && firstInOrder) {
      setActive(firstInOrder.id);
      if (firstInOrder.id !== value) onSelect(firstInOrder.id);
    } else {
      setActive(null);
    }
  }

  function choose(id: string) {
    if (id !== value) onSelect(id);
    setQuery(null);
    setOpen(false);
    setActive(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const index = active ? ordered.findIndex((r) => r.id === active) : ordered.findIndex((r) => r.id === value);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      if (ordered.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = ordered[index === -1 ? 0 : (index + step + ordered.length) % ordered.length];
      if (next) {
        setActive(next.id);
        document.getElementById(optionId(next.id))?.scrollIntoView({ block: 'nearest' });
      }
    } else if (event.key === 'Enter') {
      if (open && active) {
        event.preventDefault();
        choose(active);
      }
    } else if (event.key === 'Escape') {
      if (open || query !== null) {
        event.preventDefault();
        setOpen(false);
        setQuery(null);
        setActive(null);
      }
    }
  }

  const status = !trimmed
    ? t('endpoint.regionHelp')
    : matches.length === 0
      ? t('endpoint.regionNone', { query: trimmed })
      : matches.length === 1
        ? t('endpoint.regionMatchesOne', { query: trimmed })
        : t('endpoint.regionMatches', { count: matches.length, query: trimmed });

  return (
    <div className="field region-picker">
      <label htmlFor="region">{t('endpoint.region')}</label>
      <div className="combobox">
        <input
          ref={inputRef}
          id="region"
          name="region"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={[helpId, error ? errorId : ''].filter(Boolean).join(' ')}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('endpoint.searchPlaceholder')}
          value={query ?? selectedText}
          data-region={value}
          onChange={(e) => type(e.target.value)}
          onFocus={(e) => e.currentTarget.select()}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setQuery(null);
            setActive(null);
            onBlur?.();
          }}
        />
        <div id={listId} role="listbox" aria-label={t('endpoint.regionList')} className="combobox-list" hidden={!open || ordered.length === 0}>
          {groups.map(({ area, regions }) => (
            <div key={area.id} role="group" aria-labelledby={`${listId}-area-${area.id}`}>
                <div role="presentation" id={`${listId}-area-${area.id}`} className="combobox-group">
                  {zh ? area.nameZh : area.name}
                </div>
                {regions.map((r) => (
                  <div
                    key={r.id}
                    id={optionId(r.id)}
                    role="option"
                    data-value={r.id}
                    aria-selected={r.id === (active ?? value)}
                    className={r.id === active ? 'combobox-option active' : 'combobox-option'}
                    // mousedown, not click: the input's blur would close the list first.
                    onMouseDown={(e) => {
                      e.preventDefault();
                      choose(r.id);
                    }}
                  >
                    {optionLabel(r)}
                  </div>
                ))}
            </div>
          ))}
        </div>
      </div>
      <p id={helpId} className="help" aria-live="polite" data-testid="region-status">
        {status}
      </p>
      {error ? (
        <p id={errorId} className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
