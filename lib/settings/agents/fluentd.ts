/** Fluentd options. (Filled in by the fluentd template work.) */
import { z } from 'zod';

export const fluentdOptionsSchema = z.strictObject({});
export type FluentdOptions = z.output<typeof fluentdOptionsSchema>;
