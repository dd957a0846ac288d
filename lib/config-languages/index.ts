/**
 * The languages rendered files are written in. Each one with a folder here
 * (yaml, toml, collectd, fluentd, logstash, jaas, shell, rainerscript, syslog-ng, fluentbit-classic) owns its quoting and
 * escaping helpers, the "can this value be written at all" checks, and the
 * parser the read-back uses (where it has one); `pem` and `text` need neither.
 */
export type ConfigLanguage = 'yaml' | 'toml' | 'collectd' | 'fluentd' | 'logstash' | 'jaas' | 'shell' | 'rainerscript' | 'syslog-ng' | 'fluentbit-classic' | 'pem' | 'text';
