/**
 * The shapes of request bodies, checked before anything reaches the domain. Unknown
 * fields are refused (strict objects) so that a typo in a test never passes silently.
 */
import { z } from 'zod';
import { CAL_TYPES, CONNECTION_METHODS } from '../domain/catalogue';
import { WIZARD_ACTIONS } from '../domain/wizard';

const text = (max: number) => z.string().min(1).max(max);

export const connectionMethodBody = z.strictObject({ connectionMethod: z.enum(CONNECTION_METHODS) });

export const wizardActionBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('next') }),
  z.strictObject({ type: z.literal('back') }),
  z.strictObject({ type: z.literal('cancel') }),
  z.strictObject({ type: z.literal('finish') }),
  z.strictObject({ type: z.literal('selectAction'), action: z.enum(WIZARD_ACTIONS) }),
  z.strictObject({ type: z.literal('selectReason'), reason: text(200) }),
  z.strictObject({ type: z.literal('setDeletionConfirmed'), confirmed: z.boolean() }),
  z.strictObject({ type: z.literal('enterKeyPackId'), keyPackId: z.string().max(200, 'enter one license key pack ID of 35 characters') }),
  z.strictObject({ type: z.literal('chooseAdditionalPacks'), choice: z.enum(['continue', 'finish']) }),
]);

export const programInformation = z.discriminatedUnion('program', [
  z.strictObject({ program: z.literal('retail'), licenseCode: text(64) }),
  z.strictObject({ program: z.literal('openLicense'), licenseNumber: text(32), authorizationNumber: text(64) }),
  z.strictObject({
    program: z.enum(['select', 'enterpriseAgreement', 'campus', 'school', 'servicesProvider', 'otherAgreement']),
    agreementNumber: text(32),
  }),
]);

export const telephoneCallBody = z.strictObject({
  dialledNumber: text(64),
  licenseServerId: text(64),
  information: programInformation,
  productVersion: text(64).optional(),
  calType: z.enum(CAL_TYPES).optional(),
});

const accountFixture = z.strictObject({ userName: text(64), password: z.string().max(128), groups: z.array(text(64)).max(16) });

/**
 * Limits of one seeding request, so that no request holds the event loop for long: each
 * issued CAL is a row, each account a password hash, each server about 40 µs and each
 * installed purchase about 0.35 ms (a Clearinghouse call and an install). Larger worlds are
 * seeded in several requests.
 */
export const SEED_LIMITS = { issuedCals: 2_500, accounts: 10, licenseServers: 250, purchases: 50 } as const;

/** The limits of one seeding request, or none (a --fixture file: see fixtureFile). */
function fixtureSchema(limits: typeof SEED_LIMITS | undefined) {
  const limited = <T extends z.ZodArray<z.ZodType>>(array: T, max: number, what: string): T =>
    limits === undefined ? array : (array.max(max, `at most ${max} ${what} in one seeding request; seed more in further requests`) as T);
  return z
    .strictObject({
      licenseServers: limited(
        z.array(
          z.strictObject({
            name: text(64).regex(/^[A-Za-z0-9-]+$/, 'a computer name: letters, digits and hyphens'),
            licenseServerId: text(64).optional(),
            activated: z.boolean().optional(),
            countryRegion: text(64).optional(),
            connectionMethod: z.enum(CONNECTION_METHODS).optional(),
            accounts: z.array(accountFixture).max(32).optional(),
            localGroups: z
              .array(z.strictObject({ name: text(64), members: z.array(text(64)).max(32) }))
              .max(16)
              .optional(),
          }),
        ),
        SEED_LIMITS.licenseServers,
        'license servers',
      ).optional(),
      purchases: limited(
        z.array(
          z.strictObject({
            information: programInformation,
            productVersion: text(64),
            calType: z.enum(CAL_TYPES),
            quantity: z.number().int().min(1).max(1_000_000),
            installedOn: text(64).optional(),
            issuedCals: z
              .number()
              .int()
              .min(0)
              .max(limits?.issuedCals ?? Number.MAX_SAFE_INTEGER)
              .optional(),
          }),
        ),
        SEED_LIMITS.purchases,
        'purchases',
      ).optional(),
    })
    .refine((fixture) => !limits || sum(fixture.purchases, (purchase) => purchase.issuedCals ?? 0) <= limits.issuedCals, {
      message: `at most ${SEED_LIMITS.issuedCals} issued CALs in one seeding request; seed more in further requests`,
      path: ['purchases'],
    })
    .refine((fixture) => !limits || sum(fixture.licenseServers, (server) => server.accounts?.length ?? 0) <= limits.accounts, {
      message: `at most ${SEED_LIMITS.accounts} accounts in one seeding request; seed more in further requests`,
      path: ['licenseServers'],
    });
}

/** A seeding request's body (POST /_test/seed, /_test/environments, a fixture of fake-server/fixtures). */
export const environmentFixture = fixtureSchema(SEED_LIMITS);

/**
 * A --fixture file. The per-request limits keep one HTTP request from stalling the other
 * clients; a file is read once, before any client is served, and cannot be split into
 * "further requests", so it is held only to what the domain holds (10,000 issued CALs per
 * server, 32 accounts per server).
 */
export const fixtureFile = fixtureSchema(undefined);

function sum<T>(items: T[] | undefined, count: (item: T) => number): number {
  return (items ?? []).reduce((total, item) => total + count(item), 0);
}
