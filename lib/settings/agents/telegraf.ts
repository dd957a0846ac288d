/** Telegraf options. (Filled in by the telegraf template work.) */
import { z } from 'zod';

export const telegrafOptionsSchema = z.strictObject({});
export type TelegrafOptions = z.output<typeof telegrafOptionsSchema>;
