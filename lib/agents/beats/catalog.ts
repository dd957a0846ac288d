/**
 * Facts about each Beat that the templates and steps need: display name,
 * service names per platform, where the packages put the config, and the
 * minimal input a complete config starts with.
 * Sources: Elastic "directory layout" and "running with systemd" pages
 * (deb/rpm config in /etc/<beat>, Docker in /usr/share/<beat>; Heartbeat's
 * systemd unit is heartbeat-elastic); install-service.ps1 (Windows service
 * `<beat>`, data in %PROGRAMDATA%\<beat>); each Beat's default <beat>.yml.
 */
import type { BeatName, BeatsOptions } from './schema';
import { literal, yamlComment, yamlEntry } from '../../config-languages/yaml/text';

export interface BeatFacts {
  name: BeatName;
  /** How Elastic writes it: `Filebeat`, also the Windows install folder name. */
  title: string;
  /** systemd unit of the deb/rpm package, or undefined when there is no Linux package. */
  linuxService?: string;
  /** Windows service name, or undefined when the Beat does not run on Windows. */
  windowsService?: string;
  /** `docker run` flags the Beat needs beyond the config mount, or undefined when there is no image to use. */
  dockerFlags?: readonly string[];
}

export const BEAT_FACTS: Readonly<Record<BeatName, BeatFacts>> = {
  filebeat: {
    name: 'filebeat',
    title: 'Filebeat',
    linuxService: 'filebeat',
    windowsService: 'filebeat',
    dockerFlags: ['--user root', '-v /var/log:/var/log:ro'],
  },
  metricbeat: {
    name: 'metricbeat',
    title: 'Metricbeat',
    linuxService: 'metricbeat',
    windowsService: 'metricbeat',
    dockerFlags: ['--user root', '--network host'],
  },
  packetbeat: {
    name: 'packetbeat',
    title: 'Packetbeat',
    linuxService: 'packetbeat',
    windowsService: 'packetbeat',
    dockerFlags: ['--cap-add NET_ADMIN', '--cap-add NET_RAW', '--network host'],
  },
  winlogbeat: {
    name: 'winlogbeat',
    title: 'Winlogbeat',
    windowsService: 'winlogbeat',
  },
  auditbeat: {
    name: 'auditbeat',
    title: 'Auditbeat',
    linuxService: 'auditbeat',
    windowsService: 'auditbeat',
    dockerFlags: ['--user root', '--cap-add AUDIT_CONTROL', '--cap-add AUDIT_READ', '--pid host'],
  },
  heartbeat: {
    name: 'heartbeat',
    title: 'Heartbeat',
    linuxService: 'heartbeat-elastic',
    windowsService: 'heartbeat',
    dockerFlags: [],
  },
};

/**
 * The minimal input of a complete config, as YAML lines (constant keys,
 * user values through `literal`).
 */
export function inputLines(beat: BeatName, options: BeatsOptions): string[] {
  switch (beat) {
    case 'filebeat':
      return [
        yamlComment('Read the log files below; the filestream input needs an id that never changes.'),
        ...(options.version === '9'
          ? [yamlComment('Filebeat 9 identifies files by fingerprint: files under 1024 bytes are read once they grow past it.')]
          : []),
        ...yamlEntry('filebeat.inputs', [
          { type: literal('filestream'), id: literal('sls-kafka-logs'), paths: options.paths.map((p) => literal(p)) },
        ]),
      ];
    case 'metricbeat':
      return [
        yamlComment('Host metrics every 10 seconds; add the load metricset on Linux and macOS.'),
        ...yamlEntry('metricbeat.modules', [
          {
            module: literal('system'),
            period: literal('10s'),
            metricsets: ['cpu', 'memory', 'network', 'filesystem', 'process_summary'].map((m) => literal(m)),
          },
        ]),
      ];
    case 'packetbeat':
      return [
        yamlComment('"any" captures on every interface on Linux; on Windows and macOS use a device from `packetbeat devices`.'),
        ...yamlEntry('packetbeat.interfaces.device', literal('any')),
        ...yamlEntry('packetbeat.flows', { timeout: literal('30s'), period: literal('10s') }),
        ...yamlEntry('packetbeat.protocols', [
          { type: literal('icmp'), enabled: true },
          { type: literal('dns'), ports: [53] },
          { type: literal('http'), ports: [80, 8080, 8000, 5000, 8002] },
          { type: literal('tls'), ports: [443, 993, 995, 5223, 8443, 8883, 9243] },
        ]),
      ];
    case 'winlogbeat':
      return [
        yamlComment('The three classic Windows event logs; reading Security needs the Local System account the service uses.'),
        ...yamlEntry('winlogbeat.event_logs', [
          { name: literal('Application'), ignore_older: literal('72h') },
          { name: literal('System') },
          { name: literal('Security') },
        ]),
      ];
    case 'auditbeat':
      return [
        yamlComment('Report changes to system binaries and configuration.'),
        ...yamlEntry('auditbeat.modules', [
          {
            module: literal('file_integrity'),
            paths: ['/bin', '/usr/bin', '/sbin', '/usr/sbin', '/etc'].map((p) => literal(p)),
          },
        ]),
      ];
    case 'heartbeat':
      return [
        yamlComment('Check these URLs every 10 seconds.'),
        ...yamlEntry('heartbeat.monitors', [
          {
            type: literal('http'),
            id: literal('sls-kafka-http'),
            name: literal('SLS Kafka http check'),
            urls: options.heartbeatUrls.map((u) => literal(u)),
            schedule: literal('@every 10s'),
          },
        ]),
      ];
  }
}
