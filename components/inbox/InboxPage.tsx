'use client';
/**
 * The sandbox inbox (/sandbox): pick a project and Logstore, then watch the
 * records the bundled sandbox endpoint stores for it, polled every 2 s from
 * GET /api/sandbox/records (paused while the tab is hidden, stopped on an
 * error until the user retries). Shows per-shard counts, the newest records as
 * SLS would store them, a warning when records pile up on one shard (a
 * constant message key), and how to connect an agent to the sandbox.
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

  useEffect(() => {
    if (!query) return;
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
  }, [query, attempt]);

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
    const params = new URLSearchParams({ project: p });
    if (logstore) params.set('logstore', logstore);
    window.history.replaceState(null, '', `?${params.toString()}`);
    setData(null);
    setUpdatedAt(null);
    setQuery({ project: p, logstore, password });
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
  const status = !query ? t('statusWaiting') : error ? t('stopped') : paused ? t('statusPaused') : t('statusPolling', { target: watching });

  return (
    <>
      <LanguageSwitch />
      <header>
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
          <p className="help" data-testid="inbox-updated">
            {updatedAt ? t('lastUpdate', { time: updatedAt.toLocaleTimeString(locale) }) : t('neverUpdated')}
          </p>
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
          {data.evicted ? (
            <p className="help" data-testid="inbox-evicted">
              {t('evicted', { count: data.evicted })}
            </p>
          ) : null}
          <ShardTable shards={shards} t={t} />
          <RecordsTable records={records} showLogstore={!query.logstore} t={t} locale={locale} />
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
        <div className="inbox-scroll">
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

function RecordsTable({ records, showLogstore, t, locale }: { records: StoredRecordView[]; showLogstore: boolean; t: T; locale: string }) {
  return (
    <section aria-labelledby="inbox-records-title">
      <h2 id="inbox-records-title">{t('recordsTitle')}</h2>
      {records.length === 0 ? (
        <p className="help" data-testid="records-empty">
          {t('recordsEmpty')}
        </p>
      ) : (
        <div className="inbox-scroll">
          <table className="inbox-table inbox-records" data-testid="records-table">
            <caption>{t('recordsCaption', { count: records.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colTime')}</th>
                {showLogstore ? <th scope="col">{t('colLogstore')}</th> : null}
                <th scope="col">{t('colShard')}</th>
                <th scope="col">{t('colOffset')}</th>
                <th scope="col">{t('colKey')}</th>
                <th scope="col">{t('colContent')}</th>
                <th scope="col">{t('colHeaders')}</th>
                <th scope="col">{t('colClientId')}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={`${r.logstore}/${r.shard}/${r.offset}`} data-shard={r.shard} data-offset={r.offset}>
                  <td data-label={t('colTime')}>
                    <time dateTime={r.time} title={`__time__ = ${r.__time__}`}>
                      {new Date(r.timestamp).toLocaleString(locale)}
                    </time>
                    {r.timestampFrom === 'received' ? <span className="help"> ({t('timeReceived')})</span> : null}
                  </td>
                  {showLogstore ? <td data-label={t('colLogstore')}>{r.logstore}</td> : null}
                  <td data-label={t('colShard')}>{r.shard}</td>
                  <td data-label={t('colOffset')}>{r.offset}</td>
                  <td data-label={t('colKey')} data-testid="record-key">
                    {r.key === null ? (
                      <span className="help">{t('noKey')}</span>
                    ) : (
                      <>
                        <code>{r.key}</code>
                        {r.keyEncoding === 'base64' ? <span className="help"> ({t('base64')})</span> : null}
                      </>
                    )}
                  </td>
                  <td className="inbox-content" data-label={t('colContent')} data-testid="record-content">
                    <RecordContent record={r} t={t} />
                  </td>
                  <td data-label={t('colHeaders')}>
                    {r.headers.length === 0 ? null : (
                      <ul className="inbox-headers">
                        {r.headers.map((h, i) => (
                          <li key={`${h.key}-${i}`}>
                            <code>{h.key}</code>: {h.value === null ? 'null' : <code>{h.value}</code>}
                            {h.encoding === 'base64' ? <span className="help"> ({t('base64')})</span> : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td data-label={t('colClientId')}>{r.clientId === null ? null : <code>{r.clientId}</code>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RecordContent({ record, t }: { record: StoredRecordView; t: T }) {
  if (record.fields !== undefined) {
    return (
      <dl className="inbox-fields">
        {Object.entries(record.fields).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{preview(v, t)}</dd>
          </div>
        ))}
      </dl>
    );
  }
  if (record.content === null) return <span className="help">null</span>;
  return (
    <>
      <span className="inbox-content-text">{preview(record.content, t)}</span>
      {record.contentEncoding === 'base64' ? <span className="help"> ({t('base64')})</span> : null}
    </>
  );
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
      <pre className="inbox-command">
        <code>{kcat}</code>
      </pre>
    </section>
  );
}
