/**
 * GET /api/sandbox/records?project=&logstore=&limit= : the newest records the
 * sandbox stored, shown as SLS shows them (content or expanded fields,
 * __time__, key, headers, shard, offset, client id).
 *
 * Who may read: in open mode (anyone may write anything) only clients on this
 * machine, by the socket address the front door saw; in strict mode whoever
 * holds an AccessKey allowed to write the project/Logstore, sent as
 * `AccessKeyId#AccessKeySecret` in the X-SLS-Kafka-Password header (the SASL
 * password agents use; never the URL). Failed credentials are rate limited.
 *
 * The handler lives here, with relative imports, so that the route
 * (app/api/sandbox/records/route.ts) and `sls-kafka sandbox` (cli/commands/sandbox.ts,
 * loaded through tsx without the `@/` alias) answer with the same code.
 */
import { RECORDS_PASSWORD_HEADER, recordsQuerySchema, type RecordsResponse } from './contract';
import { ApiError, jsonResponse, route } from './errors';
import { fromThisMachine, requestPeer } from './peer';
import { RateLimiter, clientKey } from './rate-limit';
import { readableLogstores } from './records-access';
import { getSandbox } from '../sandbox/runtime';

// Guessing secrets: 10 wrong tries at once, then one every 2 s per client.
const refusals = new RateLimiter({ burst: 10, perSecond: 0.5 }, Date.now, 'refused credentials');

export const GET = route(async (request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = recordsQuerySchema.parse(params);
  const sandbox = await getSandbox();
  if (!sandbox) throw ApiError.of('sandbox_off', 'The sandbox endpoint is not running in this server (SANDBOX=off).');

  let allowed: Set<string> | 'all' = 'all';
  if (sandbox.accounts.mode === 'open') {
    if (!fromThisMachine(requestPeer(request))) {
      throw ApiError.of(
        'loopback_only',
        'Records: in open mode (no SANDBOX_CONFIG) anyone can write any project, so only this machine may read them; open the inbox on the server itself, or run the sandbox in strict mode.',
      );
    }
  } else {
    const password = request.headers.get(RECORDS_PASSWORD_HEADER);
    if (!password) {
      throw ApiError.of('credentials_required', `Records: strict mode; send the project's Kafka password (AccessKeyId#AccessKeySecret) in the ${RECORDS_PASSWORD_HEADER} header.`);
    }
    const access = readableLogstores(sandbox.accounts, query.project, query.logstore, password);
    if (!access.ok) {
      // Count the refusal first: a guesser is slowed down however the refusal reads.
      refusals.take(clientKey(request));
      throw ApiError.of('credentials_refused', `Records: ${access.reason}.`);
    }
    allowed = access.logstores;
  }

  // Rows only (values cut to a per-response budget, with their full size); nothing is decoded here.
  const read = sandbox.readRecords(query);
  const visible = <T extends { logstore: string }>(rows: T[]): T[] => (allowed === 'all' ? rows : rows.filter((r) => allowed.has(r.logstore)));
  const logstores = visible(read.logstores);
  const body: RecordsResponse = {
    project: query.project,
    logstore: query.logstore ?? null,
    records: visible(read.records),
    shards: visible(read.shards),
    logstores,
    evicted: logstores.reduce((n, l) => n + l.evictedRecords, 0),
    valueCap: read.valueCap,
  };
  return jsonResponse(body, 200);
});
