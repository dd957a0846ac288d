/**
 * Logstash options: which release line, how the JAAS login and the TLS trust
 * are written, producer settings, and the optional input of the pipeline.
 * Free-text values must be representable as Logstash strings (one rule,
 * shared with the renderer's quoting helper); release-line limits (PEM
 * truststores, zstd) are cross-field checks.
 */
import { z } from 'zod';
import { logstashStringProblem } from '../../config-languages/logstash/string';
import { CODECS } from '../common/codecs';
import { agentOptionsError, choice, textValueProblem } from '../common/options-schema';
import { featureSupport, LOGSTASH_VERSIONS, LOGSTASH_VERSION_FACTS, PLUGIN_FEATURES } from './versions';

/** Free text that ends up as a Logstash string value. */
function logstashText(label: string, check: (value: string) => string | undefined = () => undefined) {
  return z
    .string({ error: `${label}: expected text.` })
    .superRefine((value, ctx) => {
      const problem = logstashStringProblem(value);
      // Then the length cap and broken characters every agent's text options share.
      const message = problem ? `${label}: ${problem}` : textValueProblem(label, value, 'value');
      const rule = message ? undefined : check(value);
      if (message ?? rule) ctx.addIssue({ code: 'custom', message: message ?? `${label}: ${rule}` });
    });
}

function absolutePathProblem(example: string) {
  return (value: string): string | undefined =>
    /^(\/|[A-Za-z]:\/)./.test(value) ? undefined : `enter an absolute path such as ${example}.`;
}

export const LOGSTASH_JAAS_MODES = ['auto', 'inline', 'file'] as const;
/** `auto`: the JVM's cacerts where Logstash bundles a JDK (7.10+), else the JKS SLS publishes. */
export const LOGSTASH_TRUSTSTORES = ['auto', 'jvm', 'sls-jks', 'pem', 'jks'] as const;
export const LOGSTASH_COMPRESSIONS = CODECS;
export const LOGSTASH_ACKS = ['0', '1', 'all'] as const;
export const LOGSTASH_INPUTS = ['none', 'file', 'beats'] as const;
export const LOGSTASH_QUEUES = ['persisted', 'memory'] as const;

export const logstashOptionsSchema = z
  .strictObject(
    {
      version: choice(LOGSTASH_VERSIONS, `Logstash version: choose one of ${LOGSTASH_VERSIONS.join(', ')}.`, '8.3-8.19'),
      /** `auto`: `sasl_jaas_config` where the bundled plugin has it, else a JAAS file. */
      jaasMode: choice(LOGSTASH_JAAS_MODES, 'JAAS mode: choose “auto”, “inline” (sasl_jaas_config) or “file” (jaas_path).', 'auto'),
      /** `jvm`: no truststore settings, the JVM's cacerts verifies SLS; `sls-jks`: the truststore SLS publishes. */
      truststore: choice(
        LOGSTASH_TRUSTSTORES,
        'Truststore: choose “auto”, “jvm” (default cacerts), “sls-jks” (the JKS SLS publishes), “pem” (a PEM bundle) or “jks” (built with keytool).',
        'auto',
      ),
      pemBundlePath: logstashText('PEM bundle path', absolutePathProblem('/etc/ssl/certs/ca-certificates.crt')).default(
        '/etc/ssl/certs/ca-certificates.crt',
      ),
      jksPath: logstashText('JKS path', absolutePathProblem('/etc/logstash/sls-truststore.jks')).default(
        '/etc/logstash/sls-truststore.jks',
      ),
      /** Guards the integrity of a store of public CA certificates; it is not the SLS secret. */
      jksPassword: logstashText('JKS password', (v) =>
        Array.from(v).length < 6 ? 'use at least 6 characters (keytool refuses shorter store passwords).' : undefined,
      ).default('changeit'),
      compression: choice(LOGSTASH_COMPRESSIONS, 'Compression: choose none, gzip, snappy, lz4 or zstd.', 'gzip'),
      acks: choice(LOGSTASH_ACKS, 'Acks: choose “0”, “1” or “all”.', '1'),
      /** The prefix of client_id; the renderer appends `-${HOSTNAME}` so SLS can tell hosts apart. */
      clientId: logstashText('Client ID', (v) =>
        v.length === 0 || v.length > 255 ? 'enter 1–255 characters, for example logstash.' : undefined,
      ).default('logstash'),
      /** `persisted`: Logstash's persistent queue (logstash.yml) keeps events on disk while SLS is unreachable. */
      queue: choice(LOGSTASH_QUEUES, 'Queue: choose “persisted” (on disk, recommended) or “memory”.', 'persisted'),
      /** `none`: only the output section, added to an existing pipeline. */
      input: choice(LOGSTASH_INPUTS, 'Input: choose “none” (output only), “file” or “beats”.', 'file'),
      filePath: logstashText('Log file path', absolutePathProblem('/var/log/app/*.log')).default('/var/log/app/*.log'),
      beatsPort: z
        .number({ error: 'Beats port: enter a port number such as 5044.' })
        .int({ error: 'Beats port: enter a whole number such as 5044.' })
        .min(1, { error: 'Beats port: enter a port from 1 to 65535.' })
        .max(65535, { error: 'Beats port: enter a port from 1 to 65535.' })
        .default(5044),
    },
    { error: agentOptionsError('Logstash', 'Logstash options: expected an object, e.g. {}.') },
  )
  .superRefine((options, ctx) => {
    const facts = LOGSTASH_VERSION_FACTS[options.version];
    // Features the line has only after a plugin update are allowed: the steps install the pinned plugin first.
    if (options.truststore === 'pem' && featureSupport(facts, 'pemTruststore') === 'unavailable') {
      ctx.addIssue({
        code: 'custom',
        path: ['truststore'],
        message: `Truststore: PEM truststores need logstash-integration-kafka ${PLUGIN_FEATURES.pemTruststore.minPlugin} or later, which ${facts.label} does not bundle; choose “auto”, “sls-jks” or “jks”, or pick Logstash 7.17, 8.x or 9.x.`,
      });
    }
    if (options.compression === 'zstd' && featureSupport(facts, 'zstd') === 'unavailable') {
      ctx.addIssue({
        code: 'custom',
        path: ['compression'],
        message: `Compression: zstd needs logstash-integration-kafka ${PLUGIN_FEATURES.zstd.minPlugin} or later, which ${facts.label} does not bundle; choose gzip.`,
      });
    }
  });

export type LogstashOptions = z.output<typeof logstashOptionsSchema>;
export type LogstashOptionsInput = z.input<typeof logstashOptionsSchema>;
