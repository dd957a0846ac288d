/** Beats options. (Filled in by the beats template work.) */
import { z } from 'zod';

export const beatsOptionsSchema = z.strictObject({});
export type BeatsOptions = z.output<typeof beatsOptionsSchema>;
