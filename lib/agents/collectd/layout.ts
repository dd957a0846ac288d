/**
 * Where collectd lives on each OS family: the package that ships write_kafka,
 * the main config and the drop-in directory it includes, the CA bundle, the
 * service manager and the user the daemon runs as.
 *
 * Sources: Debian 12 packages `collectd-core` (write_kafka.so; librdkafka1 and
 * libyajl2 are only suggested) and `collectd` (/etc/collectd/collectd.conf with
 * `<Include "/etc/collectd/collectd.conf.d"> Filter "*.conf"`); Fedora/EPEL
 * collectd.spec (`collectd-write_kafka`, /etc/collectd.conf with a plain
 * `Include "/etc/collectd.d"`); Alpine aports community/collectd APKBUILD
 * (`collectd-write_kafka`, /etc/collectd/collectd.conf including
 * /etc/collectd.d/*.conf, OpenRC service running as user `collectd`).
 */
import type { CollectdOsFamily } from './schema';

export interface CollectdLayout {
  label: string;
  /** Main config, as a shell word (custom: a variable the steps set first). */
  mainConfig: string;
  /** Where write_kafka.conf goes, as a shell word. */
  dropIn: string;
  /** The system CA bundle, or undefined when the user must name one (custom). */
  caBundle: string | undefined;
  /** Directory for the sandbox CA; undefined: next to the user's CA path (custom). */
  sandboxCaDir: string | undefined;
  /** Owner and mode of the file: the daemon must read it, nobody else. */
  fileOwner: string;
  fileMode: string;
  /** The commands of the install and include-check steps (their prose: step-texts.json, `install.<os>` and `include.<os>`). */
  install: { commands: string[] };
  includeCheck: { commands: string[] };
  restart: string[];
  /** How to read collectd's own log after `collectd -T`. */
  logCommand: string;
}

export const CUSTOM_CONFIG_VARIABLE = 'COLLECTD_CONF';

/** Stands for the comment on the custom layout's first command, put in by the steps in the user's language. */
export const CHANGE_CONF_COMMENT = '{changeConfComment}';

export const COLLECTD_LAYOUTS: Readonly<Record<CollectdOsFamily, CollectdLayout>> = {
  debian: {
    label: 'Debian/Ubuntu',
    mainConfig: '/etc/collectd/collectd.conf',
    dropIn: '/etc/collectd/collectd.conf.d/write_kafka.conf',
    caBundle: '/etc/ssl/certs/ca-certificates.crt',
    sandboxCaDir: '/etc/collectd',
    fileOwner: 'root:root',
    fileMode: '600',
    install: {
      commands: ['apt-get update', 'apt-get install -y --no-install-recommends collectd collectd-core librdkafka1 libyajl2 ca-certificates'],
    },
    includeCheck: {
      commands: ["grep -n -A1 'collectd.conf.d' /etc/collectd/collectd.conf"],
    },
    restart: ['systemctl restart collectd', 'systemctl status collectd --no-pager'],
    logCommand: "journalctl -t collectd --since '-5 min' --no-pager",
  },
  rhel: {
    label: 'RHEL/CentOS/Rocky/Alma',
    mainConfig: '/etc/collectd.conf',
    dropIn: '/etc/collectd.d/write_kafka.conf',
    caBundle: '/etc/pki/tls/certs/ca-bundle.crt',
    // Not /etc/collectd.d: its Include has no Filter, so collectd would parse a PEM there as config.
    sandboxCaDir: '/etc/pki/tls/certs',
    fileOwner: 'root:root',
    fileMode: '600',
    install: {
      commands: ['yum install -y epel-release', 'yum install -y collectd collectd-write_kafka ca-certificates'],
    },
    includeCheck: {
      commands: ["grep -n 'collectd.d' /etc/collectd.conf"],
    },
    restart: ['systemctl enable --now collectd', 'systemctl restart collectd', 'systemctl status collectd --no-pager'],
    logCommand: "journalctl -t collectd --since '-5 min' --no-pager",
  },
  alpine: {
    label: 'Alpine',
    mainConfig: '/etc/collectd/collectd.conf',
    dropIn: '/etc/collectd.d/write_kafka.conf',
    caBundle: '/etc/ssl/certs/ca-certificates.crt',
    sandboxCaDir: '/etc/collectd',
    // The OpenRC service runs collectd as user collectd, so root-only 0600 would lock it out.
    fileOwner: 'root:collectd',
    fileMode: '640',
    install: {
      commands: ['apk add collectd collectd-write_kafka ca-certificates'],
    },
    includeCheck: {
      commands: ["grep -n -A1 'collectd.d' /etc/collectd/collectd.conf"],
    },
    restart: ['rc-update add collectd default', 'rc-service collectd restart'],
    logCommand: 'tail -n 50 /var/log/messages',
  },
  custom: {
    label: 'your system',
    mainConfig: `"$${CUSTOM_CONFIG_VARIABLE}"`,
    dropIn: `"$(dirname "$${CUSTOM_CONFIG_VARIABLE}")/write_kafka.conf"`,
    caBundle: undefined,
    sandboxCaDir: undefined,
    fileOwner: 'root:root',
    fileMode: '600',
    install: {
      commands: ['collectd -h'],
    },
    includeCheck: {
      commands: [
        `${CUSTOM_CONFIG_VARIABLE}=/etc/collectd/collectd.conf  # ${CHANGE_CONF_COMMENT}`,
        `printf 'Include "%s"\\n' "$(dirname "$${CUSTOM_CONFIG_VARIABLE}")/write_kafka.conf" >> "$${CUSTOM_CONFIG_VARIABLE}"`,
      ],
    },
    restart: ['systemctl restart collectd'],
    logCommand: "journalctl -t collectd --since '-5 min' --no-pager",
  },
};
