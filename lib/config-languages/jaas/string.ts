/**
 * Quoting for option values in JAAS login configuration, both forms Kafka's
 * Java client reads:
 * - the `sasl.jaas.config` string (Logstash `sasl_jaas_config`), parsed by
 *   Kafka's `JaasConfig` with a java.io.StreamTokenizer: `"` and `'` quote,
 *   `/`, `//` and `/* *\/` start comments outside quotes, `;` ends the entry;
 * - a JAAS file (`jaas_path`), parsed by the JDK's `sun.security.provider.ConfigFile`:
 *   same tokenizer rules, plus `${prop}` in every option value is expanded
 *   from Java system properties (and fails when the property is unset).
 *
 * Inside quotes StreamTokenizer turns `\n`, `\t`, octal escapes … into
 * characters and ends the string at a line break, so values with a
 * backslash, a line break, the quote char or `${` are rejected. The values
 * written here (SLS project name, `AccessKeyId#AccessKeySecret`) never have
 * them; the check keeps the helper safe for anything else.
 */
import { UnrepresentableValueError } from '../logstash/string';

export type JaasQuote = '"' | "'";

/** Why a value cannot be a JAAS option value in the given quotes, or undefined. */
export function jaasValueProblem(value: string, quote: JaasQuote): string | undefined {
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'remove line breaks and other control characters.';
  if (value.includes('\\')) return 'remove the backslash (\\); JAAS reads it as an escape.';
  if (value.includes(quote)) return `remove the ${quote === '"' ? 'double' : 'single'} quote; JAAS has no way to escape it.`;
  if (value.includes('${')) return 'remove “${”; a JAAS file expands it as a Java system property.';
  return undefined;
}

/** `quote + value + quote`, or UnrepresentableValueError. */
export function jaasValue(value: string, quote: JaasQuote): string {
  const problem = jaasValueProblem(value, quote);
  if (problem) throw new UnrepresentableValueError('JAAS value', problem);
  return quote + value + quote;
}
