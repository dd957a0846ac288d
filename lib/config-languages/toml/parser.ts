/** TOML (Telegraf's config language), by smol-toml: TOML 1.0, strict about duplicate keys and types. */
import { parse } from 'smol-toml';

export function parseToml(text: string): Record<string, unknown> {
  return parse(text) as Record<string, unknown>;
}
