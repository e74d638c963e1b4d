/** The shapes of the test-control API's own bodies and queries (the fixture is in schemas.ts). */
import { z } from 'zod';

export const databasePage = z.strictObject({ issuedCalsFrom: z.coerce.number().int().min(0).max(100_000_000).default(0) });

export const clockSetting = z.strictObject({ now: z.iso.datetime({ offset: true }) });
export const clockAdvance = z
  .strictObject({ days: z.number().int().min(0).max(3650).optional(), minutes: z.number().int().min(0).max(525_600).optional() })
  .refine((body) => body.days !== undefined || body.minutes !== undefined, 'give days or minutes');
export const faultSwitches = z.strictObject({
  failWrites: z.strictObject({ after: z.number().int().min(0).max(1000), count: z.number().int().min(1).max(1000) }).optional(),
  busySignals: z.number().int().min(0).max(1000).optional(),
  latencyMs: z.number().int().min(0).max(10_000).optional(),
});
