/** Collectd options. (Filled in by the collectd template work.) */
import { z } from 'zod';

export const collectdOptionsSchema = z.strictObject({});
export type CollectdOptions = z.output<typeof collectdOptionsSchema>;
