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

export const environmentFixture = z
  .strictObject({
    licenseServers: z
      .array(
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
      )
      .max(
        SEED_LIMITS.licenseServers,
        `at most ${SEED_LIMITS.licenseServers} license servers in one seeding request; seed more in further requests`,
      )
      .optional(),
    purchases: z
      .array(
        z.strictObject({
          information: programInformation,
          productVersion: text(64),
          calType: z.enum(CAL_TYPES),
          quantity: z.number().int().min(1).max(1_000_000),
          installedOn: text(64).optional(),
          issuedCals: z.number().int().min(0).max(SEED_LIMITS.issuedCals).optional(),
        }),
      )
      .max(SEED_LIMITS.purchases, `at most ${SEED_LIMITS.purchases} purchases in one seeding request; seed more in further requests`)
      .optional(),
  })
  .refine((fixture) => sum(fixture.purchases, (purchase) => purchase.issuedCals ?? 0) <= SEED_LIMITS.issuedCals, {
    message: `at most ${SEED_LIMITS.issuedCals} issued CALs in one seeding request; seed more in further requests`,
    path: ['purchases'],
  })
  .refine((fixture) => sum(fixture.licenseServers, (server) => server.accounts?.length ?? 0) <= SEED_LIMITS.accounts, {
    message: `at most ${SEED_LIMITS.accounts} accounts in one seeding request; seed more in further requests`,
    path: ['licenseServers'],
  });

function sum<T>(items: T[] | undefined, count: (item: T) => number): number {
  return (items ?? []).reduce((total, item) => total + count(item), 0);
}
