/**
 * How a received Kafka record looks in the sandbox inbox (GET /api/sandbox/records):
 * the way SLS would store it, so users see what their agent's output becomes.
 *
 * - The value lands in a field named `content` (docs/sls.md#json-parsing). On a `<logstore>.json`
 *   topic, or with the record header `data-parse-format: json`, a value that is a JSON
 *   object is expanded into its top-level fields instead; SLS stores field values as
 *   text, so non-string values keep their JSON text (numbers exactly as sent, nested
 *   objects and arrays minified). Any other value on such a topic keeps `content`.
 * - `__time__` is the record timestamp in seconds (docs/sls.md#json-parsing); a record without
 *   a usable timestamp (message format v0, or out of range) gets the time the sandbox
 *   received it, as SLS does for logs without a time.
 * - Bytes that are not valid UTF-8 (keys, values, header values) are shown as base64,
 *   with an encoding marker, so nothing is silently mangled.
 *
 * Pure: the record is already decoded; this module never parses Kafka bytes.
 */
import { isUtf8 } from 'node:buffer';

/**
 * One record as the codec decodes it, whatever the message format. Structurally
 * compatible with lib/kafka/protocol/records' DecodedRecord (bigint timestamps,
 * offsetDelta), without importing the codec.
 */
export interface DecodedRecord {
  /** Producer timestamp in ms since the epoch; negative (-1) when the record carries none. */
  timestamp: number | bigint;
  /** Position of the record among its batch's records; the record's offset is the batch's base offset plus this. */
  offsetDelta?: number;
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: ReadonlyArray<{ key: string; value: Uint8Array | null }>;
}

/** Where a record sits and how it arrived: what the store knows about its batch. */
export interface RecordPlacement {
  project: string;
  logstore: string;
  shard: number;
  offset: number;
  /** When the store accepted the batch, ms since the epoch. */
  receivedAt: number;
  clientId: string | null;
  /** The topic was `<logstore>.json`. */
  expandJson: boolean;
}

export type TextEncoding = 'utf8' | 'base64';

export interface HeaderView {
  key: string;
  value: string | null;
  encoding: TextEncoding;
}

interface RecordViewBase {
  project: string;
  logstore: string;
  shard: number;
  offset: number;
  /** The log's time in ms: the record timestamp, or `receivedAt` when it has none. */
  timestamp: number;
  /** Where `timestamp` came from. */
  timestampFrom: 'record' | 'received';
  /** `timestamp` as ISO 8601. */
  time: string;
  /** SLS's `__time__`: `timestamp` in whole seconds. */
  __time__: number;
  receivedAt: number;
  key: string | null;
  keyEncoding: TextEncoding;
  headers: HeaderView[];
  clientId: string | null;
}

/** The value as SLS's `content` field. */
export interface ContentRecordView extends RecordViewBase {
  content: string | null;
  contentEncoding: TextEncoding;
  fields?: undefined;
}

/** A JSON object value expanded into SLS fields. */
export interface ExpandedRecordView extends RecordViewBase {
  content?: undefined;
  fields: Record<string, string>;
}

export type StoredRecordView = ContentRecordView | ExpandedRecordView;

/** The record header that asks SLS to expand a JSON value without the `.json` topic suffix. */
export const PARSE_FORMAT_HEADER = 'data-parse-format';

/** Largest time a JS Date can hold (ECMA-262 §21.4.1.1). */
const MAX_DATE_MS = 8.64e15;

export function toRecordView(placement: RecordPlacement, record: DecodedRecord): StoredRecordView {
  const ms = typeof record.timestamp === 'bigint' ? Number(record.timestamp) : record.timestamp;
  const hasTime = Number.isFinite(ms) && ms >= 0 && ms <= MAX_DATE_MS;
  const timestamp = hasTime ? Math.trunc(ms) : placement.receivedAt;
  const key = bytesAsText(record.key);
  const base: RecordViewBase = {
    project: placement.project,
    logstore: placement.logstore,
    shard: placement.shard,
    offset: placement.offset,
    timestamp,
    timestampFrom: hasTime ? 'record' : 'received',
    time: new Date(timestamp).toISOString(),
    __time__: Math.floor(timestamp / 1000),
    receivedAt: placement.receivedAt,
    key: key.text,
    keyEncoding: key.encoding,
    headers: record.headers.map((h) => {
      const v = bytesAsText(h.value);
      return { key: h.key, value: v.text, encoding: v.encoding };
    }),
    clientId: placement.clientId,
  };

  const wantsJson =
    placement.expandJson ||
    record.headers.some((h) => h.key === PARSE_FORMAT_HEADER && h.value !== null && bytesAsText(h.value).text === 'json');
  const value = bytesAsText(record.value);
  if (wantsJson && value.encoding === 'utf8' && value.text !== null) {
    const fields = jsonObjectFields(value.text);
    if (fields) return { ...base, fields };
  }
  return { ...base, content: value.text, contentEncoding: value.encoding };
}

export function bytesAsText(bytes: Uint8Array | null): { text: string | null; encoding: TextEncoding } {
  if (bytes === null) return { text: null, encoding: 'utf8' };
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isUtf8(buf) ? { text: buf.toString('utf8'), encoding: 'utf8' } : { text: buf.toString('base64'), encoding: 'base64' };
}

/**
 * The top-level fields of a JSON object as SLS stores them (all text), or undefined
 * when the text is not a JSON object. Duplicate keys: the last value wins, as in JSON.parse.
 */
export function jsonObjectFields(text: string): Record<string, string> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  // JSON.parse has validated the text, so the scanner below only needs to find boundaries.
  // It reads raw member text (not the parsed values) so numbers keep every digit, and it
  // is iterative so deeply nested values cannot exhaust the stack.
  const fields = new Map<string, string>();
  let i = skipWhitespace(text, 0) + 1; // past '{'
  for (;;) {
    i = skipWhitespace(text, i);
    if (text[i] === '}') break;
    const keyEnd = skipString(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipWhitespace(text, keyEnd) + 1; // past ':'
    i = skipWhitespace(text, i);
    const valueEnd = skipValue(text, i);
    const raw = text.slice(i, valueEnd);
    fields.set(key, raw.startsWith('"') ? (JSON.parse(raw) as string) : minifyJson(raw));
    i = skipWhitespace(text, valueEnd);
    if (text[i] === ',') i++;
    else break;
  }
  return Object.fromEntries(fields);
}

function isJsonWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function skipWhitespace(s: string, i: number): number {
  while (i < s.length && isJsonWhitespace(s.charCodeAt(i))) i++;
  return i;
}

/** `s[i]` is the opening quote; returns the index after the closing quote. */
function skipString(s: string, i: number): number {
  i++;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return i;
}

function skipValue(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return skipString(s, i);
  if (c === '{' || c === '[') {
    let depth = 0;
    while (i < s.length) {
      const ch = s[i];
      if (ch === '"') {
        i = skipString(s, i);
        continue;
      }
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }
  while (i < s.length && !',}] \t\n\r'.includes(s[i] ?? '')) i++;
  return i;
}

/** Drop whitespace outside strings; everything else is kept byte for byte. */
function minifyJson(raw: string): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c === 0x22) {
      const end = skipString(raw, i);
      out += raw.slice(i, end);
      i = end;
    } else {
      if (!isJsonWhitespace(c)) out += raw[i];
      i++;
    }
  }
  return out;
}
