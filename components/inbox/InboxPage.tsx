'use client';
/**
 * The sandbox inbox (/sandbox): pick a project and Logstore, then watch the
 * records the bundled sandbox endpoint stores for it, polled every 2 s from
 * GET /api/sandbox/records (paused while the tab is hidden, stopped on an
 * error until the user retries, and by the Pause button). Shows the Logstores
 * that hold data (with what retention evicted), per-shard counts, the newest
 * records as SLS would store them (each one folded to a line; JSON values
 * pretty-printed; a text filter; a page of 20 at a time, so a phone does not get
 * a page thousands of pixels long), a warning when records pile up on one shard
 * (a constant message key), and how to connect an agent to the sandbox.
 * Responses are parsed with the HTTP contract's schema (lib/http/contract). In
 * strict mode the reader's Kafka password is asked for, kept in memory only and
 * sent in the X-SLS-Kafka-Password header (never the URL).
 */
import '@/app/inbox.css';
import { useEffect, useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { LanguageSwitch, useLang, useT } from '@/lib/i18n/react';
import { inboxMessages } from '@/lib/i18n/messages/inbox';
import { RECORDS_PASSWORD_HEADER, recordsResponseSchema, type RecordsResponse } from '@/lib/http/contract';
import type { StoredRecordView } from '@/lib/sandbox/records-view';
import { localizedNameProblem } from './name-problems';
import { analyseSpread, SPREAD_WINDOW, type SpreadFinding } from './spread';
import { TextField } from '@/components/endpoint/TextField';

export interface InboxSandboxInfo {
  /** The sandbox endpoint runs in this server. */
  running: boolean;
  mode: 'open' | 'strict' | null;
  /** Shards every Logstore has (open mode), when known. */
  shardsPerLogstore: number | null;
}

export interface InboxPageProps {
  initialProject: string;
  initialLogstore: string;
  /** host:port agents dial (SANDBOX_PUBLIC_HOST:SANDBOX_PORT). */
  bootstrap: string;
  sandbox: InboxSandboxInfo;
}

type ShardStats = RecordsResponse['shards'][number];

interface Query {
  project: string;
  logstore: string;
  /** Strict mode's Kafka password: in memory only, sent in a header. */
  password: string;
}

type PollError =
  | { kind: 'http'; status: number; message: string }
  | { kind: 'sandbox-off' }
  | { kind: 'network'; reason: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'bad-response' };

const POLL_MS = 2_000;
const REQUEST_TIMEOUT_MS = 8_000;
const RECORD_LIMIT = 50;
const CONTENT_PREVIEW = 400;
/** Records shown at first and added by each "Show more". */
const PAGE_SIZE = 20;

type T = ReturnType<typeof useT<typeof inboxMessages>>;

export function InboxPage({ initialProject, initialLogstore, bootstrap, sandbox }: InboxPageProps) {
  const t = useT(inboxMessages);
  const { lang } = useLang();
  const ids = useId();
  const locale = lang === 'zh-CN' ? 'zh-CN' : 'en';

  const [project, setProject] = useState(initialProject);
  const [logstore, setLogstore] = useState(initialLogstore);
  const [password, setPassword] = useState('');
  const strict = sandbox.mode === 'strict';
  // Errors show once the user asked for records (or the link pre-filled the fields).
  const [checked, setChecked] = useState(initialProject !== '' || initialLogstore !== '');
  const projectError = checked ? localizedNameProblem('project', project, lang) : undefined;
  const logstoreError = checked && logstore !== '' ? localizedNameProblem('logstore', logstore, lang) : undefined;

  const initialValid =
    localizedNameProblem('project', initialProject, 'en') === undefined &&
    (initialLogstore === '' || localizedNameProblem('logstore', initialLogstore, 'en') === undefined);
  // Strict mode waits for the password before the first request.
  const [query, setQuery] = useState<Query | null>(
    initialValid && sandbox.mode !== 'strict' ? { project: initialProject, logstore: initialLogstore, password: '' } : null,
  );
  const [attempt, setAttempt] = useState(0);
  const [data, setData] = useState<RecordsResponse | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [error, setError] = useState<PollError | null>(null);
  const [paused, setPaused] = useState(false);
  const [userPaused, setUserPaused] = useState(false);
  const [filter, setFilter] = useState('');
  const [shownCount, setShownCount] = useState(PAGE_SIZE);

  useEffect(() => {
    if (!query || userPaused) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    const params = new URLSearchParams({ project: query.project, limit: String(RECORD_LIMIT) });
    if (query.logstore) params.set('logstore', query.logstore);
    const url = `/api/sandbox/records?${params.toString()}`;

    const poll = async () => {
      if (stopped) return;
      if (document.hidden) {
        setPaused(true);
        return;
      }
      const c = new AbortController();
      controller = c;
      let timedOut = false;
      const deadline = setTimeout(() => {
        timedOut = true;
        c.abort();
      }, REQUEST_TIMEOUT_MS);
      try {
        const headers: Record<string, string> = { accept: 'application/json' };
        if (query.password) headers[RECORDS_PASSWORD_HEADER] = query.password;
        const res = await fetch(url, { signal: c.signal, cache: 'no-store', headers });
        const body: unknown = await res.json().catch(() => undefined);
        if (stopped || c.signal.aborted) {
          if (timedOut && !stopped) setError({ kind: 'timeout', seconds: REQUEST_TIMEOUT_MS / 1000 });
          return;
        }
        if (!res.ok) {
          const err = typeof body === 'object' && body !== null ? (body as { error?: { code?: unknown; message?: unknown } }).error : undefined;
          if (res.status === 503 && err?.code === 'sandbox_off') setError({ kind: 'sandbox-off' });
          else setError({ kind: 'http', status: res.status, message: typeof err?.message === 'string' ? err.message : res.statusText });
          return;
        }
        const parsed = recordsResponseSchema.safeParse(body);
        if (!parsed.success) {
          setError({ kind: 'bad-response' });
          return;
        }
        setData(parsed.data);
        setUpdatedAt(new Date());
        timer = setTimeout(() => void poll(), POLL_MS);
      } catch (e) {
        if (stopped) return;
        if (timedOut) setError({ kind: 'timeout', seconds: REQUEST_TIMEOUT_MS / 1000 });
        // An abort because the tab was hidden is a pause, not an error.
        else if (!c.signal.aborted) setError({ kind: 'network', reason: e instanceof Error ? e.message : String(e) });
      } finally {
        clearTimeout(deadline);
      }
    };

    const onVisibility = () => {
      clearTimeout(timer);
      if (document.hidden) {
        controller?.abort();
        setPaused(true);
      } else {
        setPaused(false);
        void poll();
      }
    };

    setError(null);
    setPaused(false);
    document.addEventListener('visibilitychange', onVisibility);
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [query, attempt, userPaused]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    const p = project;
    const badProject = localizedNameProblem('project', p, lang);
    const badLogstore = logstore === '' ? undefined : localizedNameProblem('logstore', logstore, lang);
    if (badProject || badLogstore) {
      document.getElementById(badProject ? `${ids}-project` : `${ids}-logstore`)?.focus();
      return;
    }
    watch(p, logstore);
  };

  const watch = (p: string, l: string) => {
    const params = new URLSearchParams({ project: p });
    if (l) params.set('logstore', l);
    window.history.replaceState(null, '', `?${params.toString()}`);
    setLogstore(l);
    setData(null);
    setUpdatedAt(null);
    setShownCount(PAGE_SIZE);
    setUserPaused(false);
    setQuery({ project: p, logstore: l, password });
    setAttempt((n) => n + 1);
  };

  // The contract's record schema is the records-view shape.
  const records = useMemo<StoredRecordView[]>(() => (data?.records ?? []) as StoredRecordView[], [data]);
  const shards = useMemo(
    () => (data?.shards ?? []).filter((s) => !query?.logstore || s.logstore === query.logstore),
    [data, query],
  );
  const findings = useMemo(
    () => analyseSpread(records, shards, sandbox.shardsPerLogstore ? { shardsPerLogstore: sandbox.shardsPerLogstore } : {}),
    [records, shards, sandbox.shardsPerLogstore],
  );
  const watching = query ? (query.logstore ? `${query.project}/${query.logstore}` : query.project) : '';
  const status = !query
    ? t('statusWaiting')
    : error
      ? t('stopped')
      : userPaused
        ? t('statusUserPaused')
        : paused
          ? t('statusPaused')
          : t('statusPolling', { target: watching });
  const needle = filter.trim().toLowerCase();
  const matching = useMemo(() => (needle ? records.filter((r) => recordText(r).includes(needle)) : records), [records, needle]);

  return (
    <>
      <LanguageSwitch />
      <header>
        {/* The document title in the chosen language (React hoists it into <head>; the route sets none). */}
        <title>{t('documentTitle')}</title>
        <h1>{t('title')}</h1>
        <p className="lede">{t('lede')}</p>
        <p>
          <a href="/">{t('backToWizard')}</a>
        </p>
      </header>

      {!sandbox.running ? <p className="warning" role="alert">{t('sandboxOff')}</p> : null}

      <form className="inbox-pick" onSubmit={onSubmit} noValidate aria-labelledby={`${ids}-pick`}>
        <fieldset>
          <legend id={`${ids}-pick`}>{t('pickTitle')}</legend>
          <div className="inbox-pick-fields">
            <NameField
              id={`${ids}-project`}
              name="project"
              label={t('project')}
              help={t('projectHelp')}
              value={project}
              error={projectError}
              onChange={setProject}
            />
            <NameField
              id={`${ids}-logstore`}
              name="logstore"
              label={t('logstore')}
              help={t('logstoreHelp')}
              value={logstore}
              error={logstoreError}
              onChange={setLogstore}
            />
            {strict ? (
              <TextField
                id={`${ids}-password`}
                label={t('credentials')}
                help={t('credentialsHelp')}
                error={undefined}
                type="password"
                registration={{ name: 'kafka-password', value: password, onChange: (e: ChangeEvent<HTMLInputElement>) => setPassword(e.target.value) }}
              />
            ) : null}
          </div>
          <button type="submit" className="primary">
            {t('show')}
          </button>
        </fieldset>
      </form>

      <section className="inbox-status" aria-label={t('title')}>
        <p role="status" aria-live="polite" data-testid="inbox-status">
          {status}
        </p>
        {query ? (
          <div className="inbox-status-row">
            <p className="help" data-testid="inbox-updated">
              {updatedAt ? t('lastUpdate', { time: updatedAt.toLocaleTimeString(locale) }) : t('neverUpdated')}
            </p>
            {!error ? (
              <button type="button" aria-pressed={userPaused} onClick={() => setUserPaused((v) => !v)} data-testid="inbox-pause">
                {userPaused ? t('resume') : t('pause')}
              </button>
            ) : null}
          </div>
        ) : null}
        {error ? (
          <div className="inbox-error" role="alert" data-testid="inbox-error">
            <p>{errorText(error, t)}</p>
            <button type="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('retry')}
            </button>
          </div>
        ) : null}
      </section>

      {query && data ? (
        <>
          <SpreadReport findings={findings} t={t} />
          <LogstoreList
            logstores={data.logstores}
            current={query.logstore}
            onWatch={(l) => watch(query.project, l)}
            t={t}
          />
          <ShardTable shards={shards} t={t} />
          <RecordsList
            records={matching}
            total={records.length}
            filter={filter}
            onFilter={(v) => {
              setFilter(v);
              setShownCount(PAGE_SIZE);
            }}
            shown={shownCount}
            onShowMore={() => setShownCount((n) => n + PAGE_SIZE)}
            showLogstore={!query.logstore}
            t={t}
            locale={locale}
          />
        </>
      ) : null}

      <ConnectHelp bootstrap={bootstrap} sandbox={sandbox} project={query?.project ?? project} logstore={query?.logstore ?? logstore} t={t} />
    </>
  );
}

function errorText(error: PollError, t: T): string {
  switch (error.kind) {
    case 'http':
      return t('errorHttp', { status: error.status, message: error.message });
    case 'sandbox-off':
      return t('errorSandboxOff');
    case 'network':
      return t('errorNetwork', { reason: error.reason });
    case 'timeout':
      return t('errorTimeout', { seconds: error.seconds });
    case 'bad-response':
      return t('errorBadResponse');
  }
}

function NameField({
  id,
  name,
  label,
  help,
  value,
  error,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  help: string;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
}) {
  return <TextField id={id} label={label} help={help} error={error} registration={{ name, value, onChange: (e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value) }} />;
}

function SpreadReport({ findings, t }: { findings: SpreadFinding[]; t: T }) {
  if (findings.length === 0) return null;
  return (
    <section className="inbox-spread" data-testid="inbox-spread">
      {findings.map((f) => {
        if (f.kind === 'spread') {
          return (
            <p key={f.logstore} className="inbox-spread-ok" data-testid="spread-ok" data-logstore={f.logstore}>
              ✓ {t('spreadOk', { logstore: f.logstore, count: f.count, shards: f.shards.join(', ') })}
            </p>
          );
        }
        const values = { logstore: f.logstore, count: f.count, shard: f.shard, shardCount: f.shardCount, key: f.key ?? '' };
        if (f.kind === 'no-key') {
          return (
            <div key={f.logstore} className="inbox-note" data-testid="spread-note" data-logstore={f.logstore}>
              <h3>{t('spreadNoKeyTitle', values)}</h3>
              <p>{t('spreadNoKeyBody', values)}</p>
            </div>
          );
        }
        return (
          <div
            key={f.logstore}
            className="warning inbox-warning"
            role="alert"
            data-testid="spread-warning"
            data-logstore={f.logstore}
            data-kind={f.kind}
          >
            <h3>⚠ {t(f.kind === 'constant-key' ? 'spreadKeyTitle' : 'spreadMixedTitle', values)}</h3>
            <p>{t(f.kind === 'constant-key' ? 'spreadKeyBody' : 'spreadMixedBody', values)}</p>
            <p>{t('spreadKeyFix')}</p>
          </div>
        );
      })}
    </section>
  );
}

function ShardTable({ shards, t }: { shards: ShardStats[]; t: T }) {
  const byLogstore = new Map<string, ShardStats[]>();
  for (const s of shards) byLogstore.set(s.logstore, [...(byLogstore.get(s.logstore) ?? []), s]);
  return (
    <section aria-labelledby="inbox-shards-title">
      <h2 id="inbox-shards-title">{t('shardsTitle')}</h2>
      {shards.length === 0 ? (
        <p className="help">{t('shardsEmpty')}</p>
      ) : (
        // Focusable, so a keyboard can scroll it sideways on a narrow screen.
        <div className="inbox-scroll" tabIndex={0} role="group" aria-labelledby="inbox-shards-title">
          <table className="inbox-table" data-testid="shard-table">
            <thead>
              <tr>
                <th scope="col">{t('colLogstore')}</th>
                <th scope="col">{t('colShard')}</th>
                <th scope="col">{t('colRecords')}</th>
                <th scope="col">{t('colBytes')}</th>
                <th scope="col">{t('colNextOffset')}</th>
              </tr>
            </thead>
            {[...byLogstore].map(([logstore, rows]) => (
              <tbody key={logstore}>
                {rows.map((s) => (
                  <tr key={s.shard} data-logstore={s.logstore} data-shard={s.shard} data-records={s.records}>
                    <th scope="row">{s.logstore}</th>
                    <td>{s.shard}</td>
                    <td>{s.records}</td>
                    <td>{s.bytes}</td>
                    <td>{s.highWatermark}</td>
                  </tr>
                ))}
                <tr className="inbox-total">
                  <td colSpan={5}>
                    {t('logstoreTotal', { records: rows.reduce((n, s) => n + s.records, 0), shards: rows.length })}
                  </td>
                </tr>
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}

type LogstoreStats = RecordsResponse['logstores'][number];

/** The project's Logstores that hold (or held) records, each a button to watch it alone. */
function LogstoreList({
  logstores,
  current,
  onWatch,
  t,
}: {
  logstores: LogstoreStats[];
  current: string;
  onWatch: (logstore: string) => void;
  t: T;
}) {
  const withData = logstores.filter((l) => l.records > 0 || l.evictedRecords > 0);
  return (
    <section aria-labelledby="inbox-logstores-title">
      <h2 id="inbox-logstores-title">{t('logstoresTitle')}</h2>
      {withData.length === 0 ? (
        <p className="help">{t('logstoresEmpty')}</p>
      ) : (
        <ul className="inbox-logstores" data-testid="logstore-list">
          {withData.map((l) => (
            <li key={l.logstore} data-logstore={l.logstore} data-records={l.records} data-evicted={l.evictedRecords}>
              {current === l.logstore ? (
                <strong aria-current="true">{l.logstore}</strong>
              ) : (
                <button type="button" className="link" onClick={() => onWatch(l.logstore)} aria-label={t('logstoreWatch', { logstore: l.logstore })}>
                  {l.logstore}
                </button>
              )}{' '}
              <span className="help">{t('logstoreSummary', { records: l.records, bytes: l.bytes })}</span>
              {l.evictedRecords > 0 ? (
                <span className="inbox-evicted" data-testid="logstore-evicted">
                  {t('logstoreEvicted', { count: l.evictedRecords })}
                </span>
              ) : null}
              {l.unviewableRecords > 0 ? <span className="help">{t('logstoreUnviewable', { count: l.unviewableRecords })}</span> : null}
            </li>
          ))}
          {current ? (
            <li>
              <button type="button" className="link" onClick={() => onWatch('')}>
                {t('logstoreAll')}
              </button>
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
}

/** Lower-cased text a record is filtered on: key, content or fields, headers, Logstore. */
function recordText(r: StoredRecordView): string {
  const parts = [r.logstore, r.key ?? '', r.content ?? '', r.clientId ?? ''];
  if (r.fields) for (const [k, v] of Object.entries(r.fields)) parts.push(k, v);
  for (const h of r.headers) parts.push(h.key, h.value ?? '');
  return parts.join('\n').toLowerCase();
}

function RecordsList({
  records,
  total,
  filter,
  onFilter,
  shown,
  onShowMore,
  showLogstore,
  t,
  locale,
}: {
  records: StoredRecordView[];
  total: number;
  filter: string;
  onFilter: (value: string) => void;
  shown: number;
  onShowMore: () => void;
  showLogstore: boolean;
  t: T;
  locale: string;
}) {
  const filterId = useId();
  const visible = records.slice(0, shown);
  const more = Math.min(PAGE_SIZE, records.length - visible.length);
  return (
    <section aria-labelledby="inbox-records-title">
      <h2 id="inbox-records-title">{t('recordsTitle')}</h2>
      {total === 0 ? (
        <p className="help" data-testid="records-empty">
          {t('recordsEmpty')}
        </p>
      ) : (
        <>
          <div className="field inbox-filter">
            <label htmlFor={filterId}>{t('filter')}</label>
            <input
              id={filterId}
              type="search"
              value={filter}
              onChange={(e) => onFilter(e.target.value)}
              aria-describedby={`${filterId}-help`}
              data-testid="records-filter"
            />
            <p id={`${filterId}-help`} className="help">
              {filter.trim() ? t('filterCount', { shown: records.length, total }) : t('filterHelp')}
            </p>
          </div>
          <p className="help">{t('recordsCaption', { count: total })}</p>
          <ol className="inbox-records" data-testid="records-list">
            {visible.map((r) => (
              <RecordItem key={`${r.logstore}/${r.shard}/${r.offset}`} record={r} showLogstore={showLogstore} t={t} locale={locale} />
            ))}
          </ol>
          {more > 0 ? (
            <p className="inbox-more">
              <span className="help">{t('shownCount', { shown: visible.length, total: records.length })}</span>{' '}
              <button type="button" onClick={onShowMore} data-testid="records-more">
                {t('showMore', { count: more })}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

/** One record folded to a line (time, where, key, the start of its content); opens to show all. */
function RecordItem({ record: r, showLogstore, t, locale }: { record: StoredRecordView; showLogstore: boolean; t: T; locale: string }) {
  const line = r.fields !== undefined ? Object.entries(r.fields).map(([k, v]) => `${k}=${v}`).join(' ') : r.content ?? 'null';
  return (
    <li className="inbox-record" data-logstore={r.logstore} data-shard={r.shard} data-offset={r.offset}>
      <details>
        <summary>
          <time dateTime={r.time} title={`__time__ = ${r.__time__}`}>
            {new Date(r.timestamp).toLocaleTimeString(locale)}
          </time>
          <span className="inbox-record-where">
            {showLogstore ? `${r.logstore} · ` : ''}
            {t('colShard')} {r.shard} · {t('colOffset')} {r.offset}
          </span>
          <span className="inbox-record-line">{Array.from(line).slice(0, 160).join('')}</span>
        </summary>
        <dl className="inbox-fields inbox-record-body">
          <div>
            <dt>{t('colTime')}</dt>
            <dd>
              {new Date(r.timestamp).toLocaleString(locale)}
              {r.timestampFrom === 'received' ? <span className="help"> ({t('timeReceived')})</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t('colKey')}</dt>
            <dd data-testid="record-key">
              {r.key === null ? (
                <span className="help">{t('noKey')}</span>
              ) : (
                <>
                  <code>{r.key}</code>
                  {r.keyEncoding === 'base64' ? <span className="help"> ({t('base64')})</span> : null}
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('colContent')}</dt>
            <dd className="inbox-content" data-testid="record-content">
              <RecordContent record={r} t={t} />
            </dd>
          </div>
          <div>
            <dt>{t('colSize')}</dt>
            <dd data-testid="record-size">
              {r.size === null ? 'null' : t('recordSize', { size: r.size })}
              {r.truncated && r.size !== null ? <span className="inbox-cut"> ({t('recordCut', { size: r.size })})</span> : null}
            </dd>
          </div>
          {r.headers.length > 0 ? (
            <div>
              <dt>{t('colHeaders')}</dt>
              <dd>
                <ul className="inbox-headers">
                  {r.headers.map((h, i) => (
                    <li key={`${h.key}-${i}`}>
                      <code>{h.key}</code>: {h.value === null ? 'null' : <code>{h.value}</code>}
                      {h.encoding === 'base64' ? <span className="help"> ({t('base64')})</span> : null}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
          {r.clientId !== null ? (
            <div>
              <dt>{t('colClientId')}</dt>
              <dd data-testid="record-client">
                <code>{r.clientId}</code>
              </dd>
            </div>
          ) : null}
        </dl>
      </details>
    </li>
  );
}

function RecordContent({ record, t }: { record: StoredRecordView; t: T }) {
  if (record.fields !== undefined) {
    return (
      <dl className="inbox-fields">
        {Object.entries(record.fields).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>
              <Value text={v} t={t} />
            </dd>
          </div>
        ))}
      </dl>
    );
  }
  if (record.content === null || record.content === undefined) return <span className="help">null</span>;
  return (
    <>
      {record.contentEncoding === 'base64' ? (
        <span className="inbox-content-text">{preview(record.content, t)}</span>
      ) : (
        <Value text={record.content} t={t} />
      )}
      {record.contentEncoding === 'base64' ? <span className="help"> ({t('base64')})</span> : null}
    </>
  );
}

/** A JSON object or array pretty-printed in a fold of its own; any other text as it is (cut at 400 characters). */
function Value({ text, t }: { text: string; t: T }) {
  const json = useMemo(() => parseJsonContainer(text), [text]);
  if (!json) return <span className="inbox-content-text">{preview(text, t)}</span>;
  const label = Array.isArray(json) ? t('jsonItems', { count: json.length }) : t('jsonKeys', { count: Object.keys(json).length });
  return (
    <details className="inbox-json" open>
      <summary>{label}</summary>
      <pre data-testid="record-json">{JSON.stringify(json, null, 2)}</pre>
    </details>
  );
}

/** The parsed value when `text` is a JSON object or array (a bare number or string stays text). */
function parseJsonContainer(text: string): object | null {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

function preview(text: string, t: T): string {
  const chars = Array.from(text);
  return chars.length <= CONTENT_PREVIEW ? text : `${chars.slice(0, CONTENT_PREVIEW).join('')}${t('truncated', { length: chars.length })}`;
}

function ConnectHelp({
  bootstrap,
  sandbox,
  project,
  logstore,
  t,
}: {
  bootstrap: string;
  sandbox: InboxSandboxInfo;
  project: string;
  logstore: string;
  t: T;
}) {
  const kcat = [
    `kcat -P -b ${bootstrap} -t ${logstore || '<logstore>'} \\`,
    '  -X security.protocol=SASL_SSL -X sasl.mechanisms=PLAIN \\',
    `  -X sasl.username=${project || '<project>'} \\`,
    "  -X 'sasl.password=<AccessKeyId>#<AccessKeySecret>' \\",
    '  -X ssl.ca.location=sls-sandbox-ca.pem',
  ].join('\n');
  return (
    <section className="summary inbox-connect" aria-labelledby="inbox-connect-title">
      <h2 id="inbox-connect-title">{t('connectTitle')}</h2>
      <p>{t('connectIntro')}</p>
      <dl>
        <dt>{t('bootstrap')}</dt>
        <dd>
          <code data-testid="sandbox-bootstrap">{bootstrap}</code>
        </dd>
        <dt>{t('security')}</dt>
        <dd>{t('securityValue')}</dd>
        <dt>{t('username')}</dt>
        <dd>{t('usernameValue')}</dd>
        <dt>{t('password')}</dt>
        <dd>{sandbox.mode === 'strict' ? t('passwordStrict') : t('passwordOpen')}</dd>
        <dt>{t('topic')}</dt>
        <dd>{t('topicValue')}</dd>
        <dt>{t('ca')}</dt>
        <dd>
          <a href="/api/sandbox/ca" download="sls-sandbox-ca.pem" data-testid="sandbox-ca-link">
            {t('caLink')}
          </a>
          <p className="help">{t('caHelp')}</p>
        </dd>
      </dl>
      {sandbox.mode === 'open' && sandbox.shardsPerLogstore ? (
        <p className="help">{t('shardsPerLogstore', { shards: sandbox.shardsPerLogstore })}</p>
      ) : null}
      <h3>{t('kcatTitle')}</h3>
      <p className="help">{t('kcatHelp')}</p>
      <pre className="inbox-command" tabIndex={0} aria-label={t('kcatTitle')}>
        <code>{kcat}</code>
      </pre>
    </section>
  );
}
