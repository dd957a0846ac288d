/**
 * Telegraf options: which release range the `[[outputs.kafka]]` block must
 * work on (it decides how TLS is switched on), the file layout, compression,
 * acknowledgements, retries and where the CA bundle lives when a file has to
 * be named. Sources: influxdata/telegraf plugins/common/kafka/config.go
 * (enable_tls ignored 1.17–1.24, honoured again from 1.25, PR #11519),
 * plugins/outputs/kafka/sample.conf (codes, defaults).
 */
import { z } from 'zod';
import { CODECS } from '../common/codecs';
import { absoluteFileProblem, agentOptionsError, choice, optionalText } from '../common/options-schema';

/**
 * `1.25+`: `enable_tls = true` switches TLS on with the system roots.
 * `1.17-1.24`: `enable_tls` is ignored; TLS is on only when a TLS option such
 * as `tls_ca` is set, so the file names the CA bundle. Older releases lack
 * `sasl_mechanism`, `idempotent_writes` and zstd, and are not offered.
 */
export const TELEGRAF_VERSIONS = ['1.25+', '1.17-1.24'] as const;
export type TelegrafVersion = (typeof TELEGRAF_VERSIONS)[number];

/** `drop-in`: one `sls-kafka.conf` for telegraf.d; `complete`: a whole telegraf.conf with [agent] and basic inputs. */
export const TELEGRAF_LAYOUTS = ['drop-in', 'complete'] as const;

/** Codec names; Telegraf itself only accepts their numbers (0–4) in `compression_codec`. */
export const TELEGRAF_COMPRESSIONS = CODECS;
export type TelegrafCompression = (typeof TELEGRAF_COMPRESSIONS)[number];

/** Linux families by the path of their system CA bundle (a PEM file). */
export const TELEGRAF_OS_FAMILIES = ['debian', 'rhel', 'suse', 'custom'] as const;
export type TelegrafOsFamily = (typeof TELEGRAF_OS_FAMILIES)[number];

const MAX_RETRY_LIMIT = 100;

/** The first problem with a CA file path, in the user's words, or undefined. */
export function caPathProblem(value: string): string | undefined {
  const problem = absoluteFileProblem('CA path', value);
  if (problem || !value.endsWith('/')) return problem;
  return 'CA path: name a PEM file, not a directory (Telegraf reads tls_ca as one file), e.g. /etc/ssl/certs/ca-certificates.crt.';
}

export const telegrafOptionsSchema = z
  .strictObject(
    {
      telegrafVersion: choice(TELEGRAF_VERSIONS, 'Telegraf version: choose “1.25+” or “1.17-1.24” (run telegraf --version to see yours).', '1.25+'),
      layout: choice(TELEGRAF_LAYOUTS, 'Layout: choose “drop-in” (one file for telegraf.d) or “complete” (a whole telegraf.conf).', 'drop-in'),
      compression: choice(TELEGRAF_COMPRESSIONS, 'Compression: choose none, gzip, snappy, lz4 or zstd.', 'gzip'),
      /** `required_acks`: 0 none, 1 the leader (SLS), -1 all in-sync replicas. */
      acks: z
        .literal([0, 1, -1], { error: 'Acks: choose 1 (leader), -1 (all replicas) or 0 (no acknowledgement).' })
        .default(1),
      maxRetry: z
        .number({ error: 'Max retries: enter a whole number from 0 to 100.' })
        .int({ error: 'Max retries: enter a whole number from 0 to 100.' })
        .min(0, { error: 'Max retries: enter a whole number from 0 to 100.' })
        .max(MAX_RETRY_LIMIT, { error: 'Max retries: enter a whole number from 0 to 100.' })
        .default(3),
      /** Picks the CA bundle file for Telegraf 1.17–1.24; `custom` uses `caPath` for every version. */
      osFamily: choice(TELEGRAF_OS_FAMILIES, 'OS family: choose debian (Debian, Ubuntu), rhel (RHEL, CentOS, Alibaba Cloud Linux), suse or custom.', 'debian'),
      /** Read only when `osFamily` is `custom`. */
      caPath: optionalText('CA path: expected text, e.g. /etc/ssl/certs/ca-certificates.crt.', caPathProblem),
    },
    { error: agentOptionsError('Telegraf', 'Telegraf options: expected an object such as {}.') },
  )
  .superRefine((options, ctx) => {
    if (options.osFamily === 'custom' && options.caPath === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['caPath'],
        message: 'CA path: enter the PEM file that holds your CA bundle (required when OS family is “custom”), e.g. /etc/ssl/certs/ca-certificates.crt.',
      });
    }
  });

export type TelegrafOptions = z.output<typeof telegrafOptionsSchema>;
