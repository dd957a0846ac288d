/**
 * The languages rendered files are written in. Each one with a folder here
 * (yaml, toml, fluentd, fluentbit-classic, logstash, jaas, collectd, shell) owns its quoting and
 * escaping helpers, the "can this value be written at all" checks, and the
 * parser the read-back uses; `pem` and `text` need neither.
 */
export type ConfigLanguage = 'yaml' | 'toml' | 'collectd' | 'fluentd' | 'fluentbit-classic' | 'logstash' | 'jaas' | 'shell' | 'pem' | 'text';
