/**
 * Options of the collectd `write_kafka` template. `{}` is valid: Debian/Ubuntu
 * layout, the system CA bundle, gzip, acks 1, StoreRates true, JSON.
 */
import { z } from 'zod';
import { unrepresentableCharacter } from '../../config-languages/collectd/quote';
import { ACKS_ORDER, CODECS } from '../common/codecs';
import { choice, strictObjectError, textValueProblem } from '../common/options-schema';

export const COLLECTD_OS_FAMILIES = ['debian', 'rhel', 'alpine', 'custom'] as const;
export type CollectdOsFamily = (typeof COLLECTD_OS_FAMILIES)[number];

/** librdkafka `compression.codec` values. */
export const COLLECTD_COMPRESSIONS = CODECS;

/** librdkafka `request.required.acks`: 1 leader, -1 all in-sync replicas, 0 none. */
export const COLLECTD_ACKS = ACKS_ORDER;

/** The first problem with a CA path in the user's words, or undefined. */
export function collectdCaPathProblem(path: string): string | undefined {
  const label = 'CA path';
  if (path.length === 0) {
    return `${label}: enter the absolute path of the CA bundle collectd should trust, such as /etc/ssl/certs/ca-certificates.crt (required when OS family is custom).`;
  }
  const bad = unrepresentableCharacter(path);
  if (bad !== undefined) {
    return `${label}: remove the line break or other control character (${bad}); a collectd.conf string cannot hold it.`;
  }
  const broken = textValueProblem(label, path);
  if (broken) return broken;
  if (!path.startsWith('/')) return `${label}: enter an absolute path such as /etc/ssl/certs/ca-certificates.crt.`;
  return undefined;
}

export const collectdOptionsSchema = z
  .strictObject(
    {
      /** Sets the CA bundle, where the file goes, how to install the plugin and restart collectd. */
      osFamily: choice(COLLECTD_OS_FAMILIES, 'OS family: choose “debian” (Debian/Ubuntu), “rhel” (RHEL/CentOS/Rocky/Alma), “alpine” or “custom”.', 'debian'),
      /**
       * CA file (or directory) that signs the SLS endpoint. Empty: the OS
       * family's system bundle; required for `custom`. For target sandbox the
       * sandbox CA is used instead; with `custom` it is saved next to this path.
       */
      caPath: z.string({ error: 'CA path: expected text, such as /etc/ssl/certs/ca-certificates.crt.' }).default(''),
      compression: choice(COLLECTD_COMPRESSIONS, 'Compression: choose “none”, “gzip”, “snappy”, “lz4” or “zstd”.', 'gzip'),
      acks: z
        .literal(COLLECTD_ACKS, {
          error: 'Acks: choose 1 (the shard leader confirms), -1 (all replicas confirm) or 0 (no confirmation).',
        })
        .default(1),
      /** `StoreRates`: send counters as rates per second (collectd's code default is true). */
      storeRates: z.boolean({ error: 'Store rates: expected true or false.' }).default(true),
      /** Only JSON: SLS stores the message value, and JSON can be indexed or expanded. */
      format: z
        .literal('JSON', {
          error: 'Format: only “JSON” is offered; SLS stores the message as text, and JSON can be indexed or expanded into fields.',
        })
        .default('JSON'),
    },
    {
      error: strictObjectError(
        ({ keys, s, them }) =>
          `Unknown collectd option${s} ${keys}: remove ${them}; the options are osFamily, caPath, compression, acks, storeRates and format.`,
        'collectd options: expected an object such as { "osFamily": "debian" }.',
      ),
    },
  )
  .superRefine((options, ctx) => {
    // An empty CA path means “the OS family's bundle”, which custom does not have.
    if (options.osFamily !== 'custom' && options.caPath === '') return;
    const problem = collectdCaPathProblem(options.caPath);
    if (problem) ctx.addIssue({ code: 'custom', path: ['caPath'], message: problem });
  });

export type CollectdOptions = z.output<typeof collectdOptionsSchema>;
