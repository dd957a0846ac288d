/** Where a command writes: stdout for results, stderr for notes and errors; injectable for tests. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** stdout is a terminal (progress lines, colours off otherwise). */
  isTTY: boolean;
  /** Ask for the secret on the terminal when it is not in the environment. */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
}

export function processIo(): Io {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    isTTY: process.stdout.isTTY === true,
    interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
    env: process.env,
  };
}
