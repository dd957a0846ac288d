/** Settings fixtures for renderer and route tests: the vendor example's names, fake keys. */
import { settingsSchema, type Settings, type SettingsInput } from '@/lib/settings/schema';

export const EXAMPLE_INPUT = {
  region: 'cn-hangzhou',
  project: 'test-project-1',
  logstore: 'test-logstore-1',
  accessKeyId: 'LTAI5tAbCdEfGhIjKlMnOpQr',
  accessKeySecret: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123',
} as const;

export const EXAMPLE_PASSWORD = `${EXAMPLE_INPUT.accessKeyId}#${EXAMPLE_INPUT.accessKeySecret}`;

/** Parse example settings with overrides through the real schema (throws on invalid input). */
export function exampleSettings(overrides: Partial<SettingsInput> = {}): Settings {
  return settingsSchema.parse({ ...EXAMPLE_INPUT, ...overrides });
}
