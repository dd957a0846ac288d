/**
 * Reads back what the rendered kcat command really does: `kcat-send.sh`'s
 * command line split into words by a shell parser (shell-quote), each `-F`
 * file parsed as librdkafka properties (the rendered kcat.conf, or the
 * `<(printf 'sasl.password=%s\n' "$VAR")` pipe, read as a reference to VAR),
 * then `-X`, `-b`, `-t`, `-k` and `-z` applied in order as kcat does.
 * kcat.conf alone names no broker or topic, so it is read only through the
 * command that uses it.
 */
import { propertiesRecord } from '../../config-languages/properties';
import { shellWords, type ShellToken } from '../../config-languages/shell/words';
import { acksOf, codecOf } from '../common/read-back';
import type { ProducerSettings, RenderedFile } from '../types';

/** The `-F <( … )` operand as the file kcat would read: `name=value` from a printf, `$VAR` kept. */
function substitutedFile(tokens: readonly ShellToken[]): string {
  const words = tokens.filter((t): t is string => typeof t === 'string');
  if (words[0] !== 'printf' || words.length < 2) throw new SyntaxError('kcat -F <(…): expected printf FORMAT VALUE');
  let i = 0;
  const args = words.slice(2);
  return words[1]!.replace(/%s|\\n/g, (m) => (m === '\\n' ? '\n' : (args[i++] ?? '')));
}

export function readBackKcat(file: RenderedFile, files: readonly RenderedFile[]): ProducerSettings | undefined {
  if (file.language !== 'shell') return undefined;
  const line = file.content.split('\n').find((l) => /^\s*kcat\s/.test(l));
  if (!line) return undefined;
  const tokens = shellWords(line);
  const props: Record<string, string> = {};
  let bootstrap: string | undefined;
  let topic: string | undefined;
  let key: string | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const next = () => {
      const v = tokens[++i];
      if (typeof v !== 'string') throw new SyntaxError(`kcat ${String(t)}: missing value`);
      return v;
    };
    if (t === '-F') {
      const arg = tokens[i + 1];
      if (typeof arg === 'object' && arg.op === '<(') {
        const end = tokens.findIndex((x, j) => j > i + 1 && typeof x === 'object' && x.op === ')');
        if (end < 0) throw new SyntaxError('kcat -F <(…): unclosed');
        Object.assign(props, propertiesRecord(substitutedFile(tokens.slice(i + 2, end)), 'librdkafka'));
        i = end;
      } else {
        const name = next();
        const conf = files.find((f) => f.path === name);
        if (!conf) throw new SyntaxError(`kcat -F ${name}: no such file in the output`);
        Object.assign(props, propertiesRecord(conf.content, 'librdkafka'));
      }
    } else if (t === '-X') {
      const [k, ...v] = next().split('=');
      props[k!] = v.join('=');
    } else if (t === '-b') bootstrap = next();
    else if (t === '-t') topic = next();
    else if (t === '-k') key = next();
    else if (t === '-z') props['compression.codec'] = next();
    else if (t === '-p' || t === '-l' || t === '-H' || t === '-K' || t === '-D') next();
  }
  const protocol = (props['security.protocol'] ?? '').toUpperCase();
  return {
    agent: file.agent,
    path: file.path,
    bootstrap: bootstrap ?? props['bootstrap.servers'] ?? props['metadata.broker.list'],
    topic,
    username: props['sasl.username'],
    password: props['sasl.password'],
    mechanism: props['sasl.mechanisms'] ?? props['sasl.mechanism'],
    tls: protocol === 'SASL_SSL' || protocol === 'SSL',
    constantKey: key,
    codec: codecOf(props['compression.codec'] ?? props['compression.type']),
    acks: acksOf(props.acks ?? props['request.required.acks'] ?? '-1'),
  };
}
