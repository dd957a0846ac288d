/**
 * collectd on a Linux host (install.sh): write_kafka.conf into the OS family's
 * drop-in directory with the owner and mode of layout.ts, the sandbox CA next
 * to it, `collectd -T` on the drop-in, restart. No env file: collectd cannot
 * read an environment variable, so the password is in the file in every mode.
 * The custom OS family has no fixed paths and Alpine runs OpenRC, not
 * systemd: neither gets a script (their steps stay the way to install).
 */
import type { AgentDeploy, InstallFile } from '../types';
import { COLLECTD_LAYOUTS } from './layout';
import { COLLECTD_FILE_NAME, collectdCaLocation } from './render';
import type { CollectdOptions } from './schema';

export const collectdDeploy: AgentDeploy<CollectdOptions> = {
  host(ctx, options) {
    // custom: no fixed paths; alpine: OpenRC, not systemd (its steps restart with rc-service).
    if (options.osFamily === 'custom' || options.osFamily === 'alpine') return undefined;
    const layout = COLLECTD_LAYOUTS[options.osFamily];
    const [owner = 'root', group = 'root'] = layout.fileOwner.split(':');
    const files: InstallFile[] = [{ source: COLLECTD_FILE_NAME, dest: layout.dropIn, owner, group, mode: layout.fileMode, hostName: true }];
    if (ctx.sandbox) files.push({ source: `../${ctx.sandbox.caFileName}`, dest: collectdCaLocation(ctx, options, layout), owner: 'root', group: 'root', mode: '644' });
    return {
      binary: 'collectd',
      installCommands: layout.install.commands,
      files,
      check: { argv: ['collectd', '-T', '-C', { path: layout.dropIn }] },
      service: 'collectd',
      watch: [layout.logCommand],
    };
  },
};
