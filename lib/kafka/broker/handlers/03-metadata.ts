/**
 * Metadata (key 3), v0–v7. One broker (this endpoint) leads every shard.
 * Each requested topic is resolved by the SLS account model: authorisation
 * (29) before existence (3), the region of the TLS SNI host checked against the
 * project's. A request for all topics lists none: SLS has no topic listing.
 * The advertised host is the SLS host name the client dialled (its certificate
 * names it), else SANDBOX_PUBLIC_HOST, with SANDBOX_PORT. Duplicate names
 * collapse and the distinct names are capped (limits.maxMetadataTopics), so one
 * request cannot make the answer (or the work) large; topic errors make one log
 * line per request, never one per topic.
 */
import { ApiKey } from '../../protocol/api-keys';
import { decodeMetadataRequest, encodeMetadataResponse, type MetadataTopic } from '../../protocol/apis/metadata';
import { ErrorCode } from '../../protocol/errors';
import type { Reader } from '../../protocol/primitives';
import { regionFromHost } from '../../../sls/endpoints';
import { respond, type ConnectionContext, type HandlerResult } from './context';

export function advertisedHost(ctx: ConnectionContext): string {
  return ctx.sniHost && regionFromHost(ctx.sniHost) ? ctx.sniHost : ctx.identity.publicHost;
}

export function handleMetadata(ctx: ConnectionContext, version: number, body: Reader): HandlerResult {
  const request = decodeMetadataRequest(body, version, { maxTopics: ctx.limits.maxMetadataTopics });
  const failed: Array<{ name: string; code: number; reason: string }> = [];
  const injected = ctx.control.takeError(ApiKey.Metadata);
  const { nodeId } = ctx.identity;
  const topics: MetadataTopic[] = (request.topics ?? []).map((name) => {
    if (injected !== undefined) return { errorCode: injected, name, isInternal: false, partitions: [] };
    const resolved = ctx.accounts.resolveTopic(ctx.principal, name, ctx.sniHost);
    if (!resolved.ok) {
      failed.push({ name, code: resolved.errorCode, reason: resolved.reason });
      return { errorCode: resolved.errorCode, name, isInternal: false, partitions: [] };
    }
    return {
      errorCode: ErrorCode.NONE,
      name,
      isInternal: false,
      partitions: Array.from({ length: resolved.shards }, (_, partition) => ({
        errorCode: ErrorCode.NONE,
        partition,
        leader: nodeId,
        leaderEpoch: 0,
        replicas: [nodeId],
        isr: [nodeId],
        offlineReplicas: [],
      })),
    };
  });
  const first = failed[0];
  if (first) {
    ctx.log('metadata.topic_error', {
      remote: ctx.remote,
      user: ctx.username,
      topics: failed.length,
      topic: first.name,
      code: first.code,
      reason: first.reason,
    });
  }
  return respond(
    encodeMetadataResponse(
      {
        throttleTimeMs: 0,
        brokers: [{ nodeId, host: advertisedHost(ctx), port: ctx.identity.publicPort, rack: null }],
        clusterId: ctx.identity.clusterId,
        controllerId: nodeId,
        topics,
      },
      version,
    ),
  );
}
