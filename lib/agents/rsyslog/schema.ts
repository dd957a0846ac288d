/**
 * Options of the rsyslog omkafka template. `{}` is valid: Debian/Ubuntu, the
 * system CA bundle, gzip, acks 1. Not offered (docs/agents/rsyslog.md): a
 * message key, TLS off, `partitions.auto` off (all records on one shard).
 */
import { z } from 'zod';
import { unrepresentableCharacter } from '../../config-languages/rainerscript/quote';
import { ACKS_ORDER, CODECS } from '../common/codecs';
import { absoluteFileProblem, agentOptionsError, choice, optionalText } from '../common/options-schema';

export const RSYSLOG_OS_FAMILIES = ['debian', 'rhel'] as const;
export type RsyslogOsFamily = (typeof RSYSLOG_OS_FAMILIES)[number];

/** The first problem with a CA file path, in the user's words, or undefined. */
export function rsyslogCaPathProblem(value: string): string | undefined {
  return absoluteFileProblem('CA file', value, {
    optional: true,
    unwritable: { find: unrepresentableCharacter, why: (bad) => `remove the control character (${bad}); an rsyslog string cannot hold it.` },
  });
}

export const rsyslogOptionsSchema = z.strictObject(
  {
    osFamily: choice(RSYSLOG_OS_FAMILIES, 'OS family: choose “debian” (Debian/Ubuntu) or “rhel” (RHEL/CentOS/Rocky/Alma).', 'debian'),
    /** `ssl.ca.location`; empty: the OS family's bundle, or the sandbox CA in its default place. */
    caPath: optionalText('CA file: expected text, such as /etc/ssl/certs/ca-certificates.crt.', rsyslogCaPathProblem),
    compression: choice(CODECS, 'Compression: choose “none”, “gzip”, “snappy”, “lz4” or “zstd”.', 'gzip'),
    /** `request.required.acks` (a topic property, so through topicConfParam). */
    acks: z
      .literal(ACKS_ORDER, { error: 'Acks: choose 1 (the shard leader confirms), -1 (all replicas confirm) or 0 (no confirmation).' })
      .default(1),
  },
  { error: agentOptionsError('rsyslog', 'rsyslog options: expected an object such as { "osFamily": "debian" }.') },
);

export type RsyslogOptions = z.output<typeof rsyslogOptionsSchema>;
