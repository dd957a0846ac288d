/**
 * The character scanner the RainerScript and syslog-ng parsers share: a
 * position and line counter over the text, skipping blanks and `#` comments
 * to the end of the line (and `/* … *\/` where the language has them, as
 * rsyslog's lexer does), with `peek`/`expect` and the "found …" wording of
 * their errors. Each parser adds its own tokens and its own error class.
 */

/** Makes the parser's own error class (message, 1-based line). */
export type LexerErrorFactory = (message: string, line: number) => Error;

export class HashCommentLexer {
  pos = 0;
  line = 1;

  constructor(
    protected readonly text: string,
    protected readonly fail: LexerErrorFactory,
    private readonly blockComments: boolean,
  ) {}

  /** Skip whitespace and comments. */
  skip(): void {
    const t = this.text;
    for (;;) {
      const c = t[this.pos];
      if (c === '\n') {
        this.line++;
        this.pos++;
      } else if (c === ' ' || c === '\t' || c === '\r') {
        this.pos++;
      } else if (c === '#') {
        while (this.pos < t.length && t[this.pos] !== '\n') this.pos++;
      } else if (this.blockComments && c === '/' && t[this.pos + 1] === '*') {
        const end = t.indexOf('*/', this.pos + 2);
        if (end < 0) throw this.fail('unterminated /* comment', this.line);
        for (const ch of t.slice(this.pos, end)) if (ch === '\n') this.line++;
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }

  peek(): string | undefined {
    this.skip();
    return this.text[this.pos];
  }

  expect(ch: string): void {
    if (this.peek() !== ch) throw this.fail(`expected “${ch}”, found ${this.describe()}`, this.line);
    this.pos++;
  }

  /** The next character for an error message, or "the end of the file". */
  describe(): string {
    const c = this.text[this.pos];
    return c === undefined ? 'the end of the file' : `“${c}”`;
  }
}
