/**
 * Where things live per platform (docs/agents/fluentbit-examples.md): the
 * packaged service reads /etc/fluent-bit and runs /opt/fluent-bit/bin/fluent-bit;
 * the container image reads /fluent-bit/etc. File names per format and mode.
 */
import type { RenderContext } from '../context';
import type { FluentbitOptions } from './schema';

export const PACKAGED_BINARY = '/opt/fluent-bit/bin/fluent-bit';
/** Read by the packaged unit (init/systemd.in @ b1b6cccc); the steps also name it in a drop-in for older packages. */
export const SERVICE_ENV_FILE = '/etc/default/fluent-bit';
export const DROP_IN_DIR = '/etc/systemd/system/fluent-bit.service.d';
export const ENV_FILE_NAME = 'sls-kafka.env';
export const IMAGE = 'cr.fluentbit.io/fluent/fluent-bit';

/** The folder the config lives in, on the host or in the container. */
export function configDir(options: FluentbitOptions): string {
  return options.platform === 'systemd' ? '/etc/fluent-bit' : '/fluent-bit/etc';
}

/** The rendered file's name: a whole config, or the output alone for @INCLUDE / copying. */
export function fileName(options: FluentbitOptions): string {
  const ext = options.format === 'yaml' ? 'yaml' : 'conf';
  return options.mode === 'complete' ? `fluent-bit.${ext}` : `sls-kafka.${ext}`;
}

/** The main config Fluent Bit is started with. */
export function mainConfigPath(options: FluentbitOptions): string {
  return `${configDir(options)}/fluent-bit.${options.format === 'yaml' ? 'yaml' : 'conf'}`;
}

/** The tail input's offset database: a directory Fluent Bit can write and that survives restarts. */
export function tailDbPath(options: FluentbitOptions): string {
  return options.platform === 'systemd' ? '/var/lib/fluent-bit/tail.db' : '/fluent-bit/state/tail.db';
}

/** The CA file `rdkafka.ssl.ca.location` names, or undefined for OpenSSL's default store. */
export function caLocation(ctx: RenderContext, options: FluentbitOptions): string | undefined {
  if (ctx.sandbox) return `${configDir(options)}/${ctx.sandbox.caFileName}`;
  return options.caFile === '' ? undefined : options.caFile;
}
