'use client';
/**
 * Region picker: a search box that filters a native <select> grouped by area.
 * Native controls keep keyboard and screen-reader behaviour for free; closed
 * regions are never offered, closing ones are labelled.
 */
import { useId, useMemo, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { REGION_AREAS, selectableRegions, type Region } from '@/lib/sls/regions';

function matches(region: Region, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [region.id, region.name, region.nameZh].some((s) => s.toLowerCase().includes(q));
}

function optionLabel(region: Region): string {
  const status = region.status === 'closing' ? ' — being decommissioned' : '';
  return `${region.name} · ${region.nameZh} (${region.id})${status}`;
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
  const [query, setQuery] = useState('');
  const searchId = useId();
  const errorId = useId();
  const groups = useMemo(() => {
    const regions = selectableRegions().filter((r) => r.id === value || matches(r, query));
    return REGION_AREAS.map((area) => ({ area, regions: regions.filter((r) => r.area === area.id) })).filter(
      (g) => g.regions.length > 0,
    );
  }, [query, value]);
  const count = groups.reduce((n, g) => n + g.regions.length, 0);

  return (
    <div className="field">
      <label htmlFor={searchId}>Search regions</label>
      <input
        id={searchId}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="e.g. hangzhou, 新加坡, eu-central-1"
        aria-controls="region"
        autoComplete="off"
      />
      <label htmlFor="region">Region</label>
      <select
        id="region"
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        {groups.map(({ area, regions }) => (
          <optgroup key={area.id} label={`${area.name} · ${area.nameZh}`}>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {optionLabel(r)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <p className="help" aria-live="polite">
        {query ? `${count} region${count === 1 ? '' : 's'} match “${query}”.` : 'Choose the region your project is in.'}
      </p>
      {error ? (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
