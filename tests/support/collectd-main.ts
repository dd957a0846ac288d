/**
 * The main collectd.conf the collectd tests run with (the wizard renders only
 * the write_kafka drop-in): our host name, one-second interval, state in the
 * test's folder, logs on stdout, the read plugins the test asks for, then an
 * `Include` of the drop-in. Returns the file's path.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { collectdString } from '@/lib/config-languages/collectd/quote';

export function writeCollectdMainConfig(options: { dir: string; hostname: string; include: string; plugins: readonly string[] }): string {
  const file = path.join(options.dir, 'collectd.conf');
  const lines = [
    `Hostname ${collectdString(options.hostname)}`,
    'FQDNLookup false',
    'Interval 1',
    `BaseDir ${collectdString(options.dir)}`,
    `PIDFile ${collectdString(path.join(options.dir, 'collectd.pid'))}`,
    'LoadPlugin logfile',
    '<Plugin logfile>',
    '  LogLevel info',
    '  File STDOUT',
    '  Timestamp true',
    '</Plugin>',
    ...options.plugins,
    `Include ${collectdString(options.include)}`,
    '',
  ];
  writeFileSync(file, lines.join('\n'), { mode: 0o600 });
  return file;
}
