/**
 * Options of the syslog-ng kafka-c() template. `{}` is valid: Debian/Ubuntu
 * (source s_src), the system CA bundle, gzip. Not offered
 * (docs/agents/syslog-ng.md): key(), TLS off, sync-send(yes) (transactions,
 * which SLS does not support). No version choice: kafka-c() with
 * bootstrap-servers(), config() and message() reads the same from 3.38 to
 * 4.x (from 4.9 kafka() wraps it; before, kafka() was the Java driver).
 */
import { z } from 'zod';
import { isSyslogNgIdentifier, unrepresentableCharacter } from '../../config-languages/syslog-ng/quote';
import { CODECS } from '../common/codecs';
import { absoluteFileProblem, agentOptionsError, choice, optionalText } from '../common/options-schema';

export const SYSLOG_NG_OS_FAMILIES = ['debian', 'rhel'] as const;
export type SyslogNgOsFamily = (typeof SYSLOG_NG_OS_FAMILIES)[number];

/** The first problem with a CA file path, in the user's words, or undefined. */
export function syslogNgCaPathProblem(value: string): string | undefined {
  return absoluteFileProblem('CA file', value, {
    optional: true,
    unwritable: { find: unrepresentableCharacter, why: (bad) => `remove the character ${bad}; syslog-ng would treat it as part of a variable reference.` },
  });
}

export const syslogNgOptionsSchema = z.strictObject(
  {
    osFamily: choice(SYSLOG_NG_OS_FAMILIES, 'OS family: choose “debian” (Debian/Ubuntu) or “rhel” (RHEL/CentOS/Rocky/Alma with EPEL).', 'debian'),
    /** The source() of the log path; empty: the packaged one (Debian s_src, RHEL s_sys). */
    source: z
      .string({ error: 'Source: expected a syslog-ng source name such as s_src.' })
      .superRefine((value, ctx) => {
        if (value === '' || (value.length <= 128 && isSyslogNgIdentifier(value))) return;
        ctx.addIssue({ code: 'custom', message: 'Source: enter the name of a source { } block (letters, digits and _, such as s_src), or leave it empty.' });
      })
      .default(''),
    /** `ssl.ca.location`; empty: the OS family's bundle, or the sandbox CA in its default place. */
    caPath: optionalText('CA file: expected text, such as /etc/ssl/certs/ca-certificates.crt.', syslogNgCaPathProblem),
    compression: choice(CODECS, 'Compression: choose “none”, “gzip”, “snappy”, “lz4” or “zstd”.', 'gzip'),
  },
  { error: agentOptionsError('syslog-ng', 'syslog-ng options: expected an object such as { "osFamily": "debian" }.') },
);

export type SyslogNgOptions = z.output<typeof syslogNgOptionsSchema>;
