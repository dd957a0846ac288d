/**
 * The main collectd.conf the tests that run the real daemon write around a
 * rendered write_kafka drop-in: everything in a temp dir (base dir, pid file),
 * a fixed host name, logs on stdout, the read plugins the test needs, and the
 * drop-in included last (as the rendered steps' own check config does).
 */
import path from 'node:path';
import { collectdString } from '@/lib/config-languages/collectd/quote';

export interface CollectdMainConfig {
  hostname: string;
  /** BaseDir; the pid file goes in it as `pidFile`. */
  dir: string;
  pidFile?: string;
  interval: number;
  /** Time-stamp the daemon's log lines (easier to read in a failure message). */
  timestamps?: boolean;
  /** Lines between the log block and the Include: LoadPlugin lines and plugin blocks. */
  plugins: readonly string[];
  /** The drop-in's path. */
  include: string;
}

export function collectdMainConfig(config: CollectdMainConfig): string {
  return [
    `Hostname ${collectdString(config.hostname)}`,
    'FQDNLookup false',
    `Interval ${config.interval}`,
    `BaseDir ${collectdString(config.dir)}`,
    `PIDFile ${collectdString(path.join(config.dir, config.pidFile ?? 'collectd.pid'))}`,
    'LoadPlugin logfile',
    '<Plugin logfile>',
    '  LogLevel info',
    '  File STDOUT',
    ...(config.timestamps ? ['  Timestamp true'] : []),
    '</Plugin>',
    ...config.plugins,
    `Include ${collectdString(config.include)}`,
    '',
  ].join('\n');
}
