/**
 * Where an SLS project's Kafka-compatible endpoint lives.
 * Internet: {project}.{region}.log.aliyuncs.com:10012; intranet (classic
 * network or VPC): {project}.{region}-intranet.log.aliyuncs.com:10011
 * (docs/sls.md#endpoint).
 * The 2019 document's host without the project prefix stays available as an
 * explicit choice because older deployments still use it.
 */

export type NetworkType = 'internet' | 'intranet';

/** `project`: current form with the project prefix; `region`: the 2019 form without it. */
export type HostForm = 'project' | 'region';

export const SLS_DOMAIN = 'log.aliyuncs.com';

export const KAFKA_PORTS: Readonly<Record<NetworkType, number>> = {
  internet: 10012,
  intranet: 10011,
};

export interface KafkaEndpoint {
  host: string;
  port: number;
  /** `host:port`, what agents call bootstrap servers or brokers. */
  bootstrap: string;
}

/** The SLS service host of a region, without a project prefix. */
export function regionHost(region: string, network: NetworkType): string {
  return network === 'intranet' ? `${region}-intranet.${SLS_DOMAIN}` : `${region}.${SLS_DOMAIN}`;
}

export function kafkaEndpoint(opts: {
  region: string;
  network: NetworkType;
  project: string;
  hostForm?: HostForm;
}): KafkaEndpoint {
  const base = regionHost(opts.region, opts.network);
  const host = (opts.hostForm ?? 'project') === 'project' ? `${opts.project}.${base}` : base;
  const port = KAFKA_PORTS[opts.network];
  return { host, port, bootstrap: `${host}:${port}` };
}

/**
 * The region an SLS host name names, or undefined when it is not an SLS host.
 * The sandbox uses it to check the TLS SNI host against the project's region.
 */
export function regionFromHost(host: string): { region: string; network: NetworkType } | undefined {
  const lower = host.toLowerCase().replace(/\.$/, '');
  const suffix = `.${SLS_DOMAIN}`;
  if (!lower.endsWith(suffix)) return undefined;
  const labels = lower.slice(0, -suffix.length).split('.');
  const last = labels[labels.length - 1];
  if (!last) return undefined;
  return last.endsWith('-intranet')
    ? { region: last.slice(0, -'-intranet'.length), network: 'intranet' }
    : { region: last, network: 'internet' };
}
