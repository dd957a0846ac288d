/**
 * Reads the AccessKey secret on the terminal without echo: stdin in raw mode,
 * characters collected until Enter, Backspace honoured, Ctrl-C or Ctrl-D ends
 * the command. Nothing of the input is ever written back.
 */
import { CliError, EXIT } from './errors';

/** A secret is 16–64 characters; a longer line is not one (and the buffer stays bounded). */
const MAX_LENGTH = 256;

export function readSecret(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise<string>((resolve, reject) => {
    process.stderr.write(question);
    let value = '';
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') return finish(new CliError('interrupted at the secret prompt.', EXIT.interrupted));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (value.length >= MAX_LENGTH) return finish(new CliError(`AccessKey secret: longer than ${MAX_LENGTH} characters; paste the secret alone.`));
        else value += ch;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}
