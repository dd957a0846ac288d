/**
 * Strings of the "Check my config" page (/check, components/lint), in English
 * and Simplified Chinese (messages.json). Kept next to the components (not in
 * lib/i18n) so the page's code and text load only on /check.
 */
import type { Messages } from '@/lib/i18n/core';
import messages from './messages.json';

export const lintMessages = messages satisfies Messages;
