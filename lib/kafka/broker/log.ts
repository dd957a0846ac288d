/**
 * The broker's log discipline. Every string a peer chose (usernames, topics,
 * client ids, error reasons quoting them) is escaped, so it cannot forge lines
 * or drive a terminal (control characters, ANSI escapes, bidi overrides such
 * as U+202E), and truncated, so a 100 KB username costs 128 characters. Each
 * connection also has a budget of lines (a token bucket): beyond it lines are
 * counted, not written, and the count is reported once the budget refills.
 */
import type { BrokerLog } from './ports';

export const MAX_LOGGED_CHARS = 128;

/** C0/C1 controls, DEL, format characters (bidi overrides, zero-width), line/paragraph separators, lone surrogates. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

function escapeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** A peer-supplied string made safe to print: escaped, then cut at `max` characters with a "…(N bytes)" marker. */
export function safeLogString(value: string, max = MAX_LOGGED_CHARS): string {
  // Cut first (on the raw text, at a code point boundary), so escaping a huge string costs nothing.
  let cut = value;
  let truncated = false;
  if (value.length > max) {
    let end = max;
    const code = value.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--; // do not split a surrogate pair
    cut = value.slice(0, end);
    truncated = true;
  }
  const escaped = cut.replace(UNSAFE, escapeChar);
  if (!truncated && escaped.length <= max) return escaped;
  return `${escaped.slice(0, max)}…(${Buffer.byteLength(value, 'utf8')} bytes)`;
}

/** Every string field of a log line made safe (numbers and booleans pass as they are). */
export function safeLog(log: BrokerLog): BrokerLog {
  return (event, fields) => {
    if (!fields) return log(event, fields);
    const safe: Record<string, string | number | boolean | null | undefined> = {};
    for (const [k, v] of Object.entries(fields)) safe[k] = typeof v === 'string' ? safeLogString(v) : v;
    log(event, safe);
  };
}

/** A token bucket of log lines: `burst` at once, then `perSec`. */
export class LogBudget {
  private tokens: number;
  private last: number;
  /** Lines dropped since the last report. */
  suppressed = 0;

  constructor(
    private readonly burst: number,
    private readonly perSec: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSec);
    this.last = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    this.suppressed++;
    return false;
  }
}

/**
 * A log limited by `budget`: lines beyond it are dropped; the next line written
 * carries `suppressed=N`. `always` lines (a connection's close) are written
 * regardless, once, and carry the count too.
 */
export function budgetedLog(log: BrokerLog, budget: LogBudget): BrokerLog & { always: BrokerLog } {
  const write = (event: string, fields: Parameters<BrokerLog>[1], force: boolean) => {
    if (!force && !budget.take()) return;
    const suppressed = budget.suppressed;
    budget.suppressed = 0;
    log(event, suppressed > 0 ? { ...fields, suppressed } : fields);
  };
  const limited = ((event, fields) => write(event, fields, false)) as BrokerLog & { always: BrokerLog };
  limited.always = (event, fields) => write(event, fields, true);
  return limited;
}
