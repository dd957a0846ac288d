/**
 * The parts of a whole telegraf.conf around the SLS output: [agent] settings
 * and four basic host inputs (cpu, mem, disk, system), with the values of
 * Telegraf's generated default config, trimmed to what matters here.
 */
import type { TomlLine } from '../../config-languages/toml/lines';

export function agentLines(): TomlLine[] {
  return [
    { table: 'agent' },
    { comment: 'Gather every 10 s; send batches of up to 1000 metrics every 10 s.' },
    { key: 'interval', value: { string: '10s' } },
    { key: 'round_interval', value: { boolean: true } },
    { key: 'metric_batch_size', value: { integer: 1000 } },
    { comment: 'Metrics kept per output while SLS is unreachable; the oldest are dropped beyond this.' },
    { key: 'metric_buffer_limit', value: { integer: 10000 } },
    { key: 'collection_jitter', value: { string: '0s' } },
    { key: 'flush_interval', value: { string: '10s' } },
    { key: 'flush_jitter', value: { string: '0s' } },
    { comment: 'Tag every metric with host = this machine name.' },
    { key: 'omit_hostname', value: { boolean: false } },
  ];
}

export function basicInputLines(): TomlLine[] {
  return [
    { table: 'inputs.cpu', array: true },
    { comment: 'Total CPU usage: one record per interval rather than one per core.' },
    { key: 'percpu', value: { boolean: false } },
    { key: 'totalcpu', value: { boolean: true } },
    { key: 'collect_cpu_time', value: { boolean: false } },
    { key: 'report_active', value: { boolean: false } },
    { blank: true },
    { table: 'inputs.mem', array: true },
    { blank: true },
    { table: 'inputs.disk', array: true },
    { comment: 'Skip virtual and read-only file systems.' },
    { key: 'ignore_fs', value: { strings: ['tmpfs', 'devtmpfs', 'devfs', 'iso9660', 'overlay', 'aufs', 'squashfs'] } },
    { blank: true },
    { table: 'inputs.system', array: true },
  ];
}
