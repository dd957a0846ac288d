'use client';
/**
 * Region picker: a search box that filters a native <select> grouped by area.
 * Native controls keep keyboard and screen-reader behaviour for free; closed
 * regions are never offered, closing ones are labelled.
 */
import { useId, useMemo, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { REGION_AREAS, selectableRegions, type Region } from '@/lib/sls/regions';
import { useFormText } from '@/components/form/use-form-text';

function matches(region: Region, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [region.id, region.name, region.nameZh].some((s) => s.toLowerCase().includes(q));
}

export function RegionPicker({
  registration,
  value,
  error,
}: {
  registration: UseFormRegisterReturn;
  value: string;
  error?: string;
}) {
  const { lang, t } = useFormText();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const errorId = useId();
  const helpId = useId();
  const groups = useMemo(() => {
    const regions = selectableRegions().filter((r) => r.id === value || matches(r, query));
    return REGION_AREAS.map((area) => ({ area, regions: regions.filter((r) => r.area === area.id) })).filter(
      (g) => g.regions.length > 0,
    );
  }, [query, value]);
  const count = groups.reduce((n, g) => n + g.regions.length, 0);
  const zh = lang === 'zh-CN';
  const optionLabel = (region: Region): string => {
    const names = zh ? `${region.nameZh} · ${region.name}` : `${region.name} · ${region.nameZh}`;
    const status = region.status === 'closing' ? ` — ${t('endpoint.closing')}` : '';
    return `${names} (${region.id})${status}`;
  };
  const trimmed = query.trim();
  const help = !trimmed
    ? t('endpoint.regionHelp')
    : count === 0
      ? t('endpoint.regionMatchesNone', { query: trimmed })
      : count === 1
        ? t('endpoint.regionMatchesOne', { query: trimmed })
        : t('endpoint.regionMatches', { count, query: trimmed });

  return (
    <div className="field">
      <label htmlFor={searchId}>{t('endpoint.searchRegions')}</label>
      <input
        id={searchId}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('endpoint.searchPlaceholder')}
        aria-controls="region"
        aria-describedby={helpId}
        autoComplete="off"
      />
      <label htmlFor="region">{t('endpoint.region')}</label>
      <select
        id="region"
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={[helpId, error ? errorId : ''].filter(Boolean).join(' ')}
      >
        {groups.map(({ area, regions }) => (
          <optgroup key={area.id} label={zh ? `${area.nameZh} · ${area.name}` : `${area.name} · ${area.nameZh}`}>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {optionLabel(r)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p id={helpId} className="help" aria-live="polite">
        {help}
      </p>
      {error ? (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
