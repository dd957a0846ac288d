/**
 * Everything the wizard needs from zod and the settings schemas, in one module
 * that loads right after the page (see use-settings-runtime.ts): the schemas
 * are the largest part of the form's code, and nothing needs them to paint it.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { settingsSchema } from '@/lib/settings/schema';

export { endpointSettingsSchema, settingsSchema } from '@/lib/settings/schema';
export const settingsResolver = zodResolver(settingsSchema);
export { readShareExtras, readShareHash } from '@/lib/share/url-state';
export { hasAllAgentOptions, withAgentDefaults } from '@/lib/agents/schemas';
// The status line names agent options; their labels come with the schemas.
export { formAgentMessages } from '@/lib/i18n/messages/form-agents';
