/**
 * The languages rendered files are written in. Each one with a folder here
 * (yaml, toml, fluentd, logstash, jaas, collectd, properties, shell) owns its quoting and
 * escaping helpers, the "can this value be written at all" checks, and the
 * parser the read-back uses; `pem` and `text` need neither, and the client
 * snippets (`python`, `go`, `javascript`, `java`) are read back by their agent.
 */
export type ConfigLanguage =
  | 'yaml'
  | 'toml'
  | 'collectd'
  | 'fluentd'
  | 'logstash'
  | 'jaas'
  | 'properties'
  | 'shell'
  | 'python'
  | 'go'
  | 'javascript'
  | 'java'
  | 'pem'
  | 'text';
