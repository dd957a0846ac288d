/** Logstash options. (Filled in by the logstash template work.) */
import { z } from 'zod';

export const logstashOptionsSchema = z.strictObject({});
export type LogstashOptions = z.output<typeof logstashOptionsSchema>;
