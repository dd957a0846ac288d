/**
 * The languages rendered files are written in. Each config language has a
 * folder here (yaml, toml, collectd, fluentd, logstash, jaas, shell,
 * rainerscript, syslog-ng, fluentbit-classic, properties) owning its quoting
 * and escaping helpers, the "can this value be written at all" checks, and the
 * parser the read-back uses. Code snippets (python, go, javascript, java) are
 * read back by their agent; `pem` and `text` need neither.
 */
export type ConfigLanguage = 'yaml' | 'toml' | 'collectd' | 'fluentd' | 'logstash' | 'jaas' | 'shell' | 'rainerscript' | 'syslog-ng' | 'fluentbit-classic' | 'properties' | 'python' | 'go' | 'javascript' | 'java' | 'pem' | 'text';
