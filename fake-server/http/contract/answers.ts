/**
 * The shapes of the fake's JSON answers, as zod schemas: the OpenAPI document is generated
 * from them (with the request schemas the routes validate with), and the API profile checks
 * every answer it receives against that document. Objects are strict, so an answer that
 * grows a field the contract does not name fails a scenario instead of passing unnoticed.
 */
import { z } from 'zod';
import { CAL_TYPES, CONNECTION_METHODS, LICENSE_PROGRAMS } from '../../domain/catalogue';
import { WIZARD_ACTIONS } from '../../domain/wizard';
import { REFUSAL_CODES } from '../../domain/refusal-code-list';

const WIZARD_PAGES = [
  'welcome',
  'actionSelection',
  'confirmDeletion',
  'reinstallingCals',
  'obtainKeyPack',
  'reinstallingAdditional',
  'completing',
  'closed',
] as const;
const WIZARD_MOVES = [
  'next',
  'back',
  'cancel',
  'finish',
  'selectAction',
  'selectReason',
  'setDeletionConfirmed',
  'enterKeyPackId',
  'chooseAdditionalPacks',
] as const;

const instant = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601 with milliseconds, in UTC.');
/** An ID shown as the real product shows it: groups of five letters and digits joined by hyphens. */
const groupedId = z
  .string()
  .regex(/^[0-9A-Z]{5}(-[0-9A-Z]{1,5})*$/)
  .describe('Letters and digits in groups of five, joined by hyphens.');

export const problemAnswer = z
  .strictObject({
    type: z.string().describe('urn:rd-licensing-fake:problem:<code>'),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    code: z.enum(Object.keys(REFUSAL_CODES) as [string, ...string[]]).describe('Stable; see docs/steps.md for what each means.'),
    detail: z.string().describe('What happened and what to do, for a person.'),
  })
  .describe('A refusal, as application/problem+json (RFC 9457).');

export const licenseServerAnswer = z.strictObject({
  name: z.string(),
  licenseServerId: groupedId.nullable().describe('null while the server is not activated'),
  activated: z.boolean(),
  countryRegion: z.string().nullable(),
  connectionMethod: z.enum(CONNECTION_METHODS),
  connectionMethodLabel: z.string(),
});

export const licenseServersAnswer = z.strictObject({ licenseServers: z.array(licenseServerAnswer) });

export const keyPackAnswer = z.strictObject({
  keyPackNumber: z.number().int(),
  licenseKeyPackId: groupedId,
  program: z.enum(LICENSE_PROGRAMS),
  programLabel: z.string(),
  productVersionId: z.number().int(),
  productVersion: z.string(),
  calType: z.enum(CAL_TYPES),
  calTypeLabel: z.string(),
  totalLicenses: z.number().int(),
  issuedLicenses: z.number().int(),
  availableLicenses: z.number().int(),
  purchaseNumber: z.number().int(),
  installedAt: instant,
  expiresAt: instant.nullable(),
  expired: z.boolean(),
});

export const keyPacksAnswer = z.strictObject({ keyPacks: z.array(keyPackAnswer) });

export const licensingEvent = z.strictObject({
  sequence: z.number().int(),
  eventId: z.number().int(),
  level: z.enum(['Information', 'Warning']),
  message: z.string(),
  licenseKeyPackId: z.string().nullable(),
  recordedAt: instant,
});

export const eventsAnswer = z.strictObject({ events: z.array(licensingEvent) });

/** What every wizard page answers with; the parts particular to one page come only with that page. */
const wizardPageCommon = {
  serverName: z.string(),
  title: z.string(),
  allowed: z.array(z.enum(WIZARD_MOVES)).describe('The moves this page offers.'),
  packsReinstalled: z.number().int().nullable().describe('Packs reinstalled since the deletion; null before it.'),
  reason: z.string().nullable().describe('The reason chosen for the rebuild; null before one is chosen.'),
};

/** One page of the union: its name, and the parts it (and only it) comes with, all required. */
function wizardPage<P extends (typeof WIZARD_PAGES)[number], S extends z.ZodRawShape>(page: P, parts: S, description: string) {
  return z.strictObject({ ...wizardPageCommon, page: z.literal(page), ...parts }).describe(description);
}

// One schema per page, told apart by `page` (a discriminated oneOf in the document): a client
// generated from it reads `obtainKeyPack` once it has seen page === 'obtainKeyPack', without
// asserting that it is there.
export const wizardPageAnswer = z
  .discriminatedUnion('page', [
    wizardPage('welcome', {}, 'The Welcome page.'),
    wizardPage(
      'actionSelection',
      {
        actionSelection: z.strictObject({
          action: z.enum(WIZARD_ACTIONS).nullable(),
          reason: z.string().nullable(),
          reasons: z.array(z.string()).describe('The reasons the list offers.'),
        }),
      },
      'The Action Selection page, with the action and reason chosen so far.',
    ),
    wizardPage(
      'confirmDeletion',
      { confirmDeletion: z.strictObject({ deletionConfirmed: z.boolean() }) },
      'The Confirm Deletion of RDS CALs page, with its check box.',
    ),
    wizardPage('reinstallingCals', {}, 'The Reinstalling RDS CALs page.'),
    wizardPage(
      'obtainKeyPack',
      {
        obtainKeyPack: z.strictObject({
          countryRegion: z.string().nullable(),
          telephoneNumber: z.string().nullable().describe('The Clearinghouse number for the country or region chosen at activation.'),
          licenseServerId: z.string().describe('In groups of five, as the representative expects to hear it.'),
          keyPackId: z.string().describe('What the boxes hold so far.'),
        }),
      },
      'The Obtain Client License Key Pack page, with what to read out to the Clearinghouse.',
    ),
    wizardPage(
      'reinstallingAdditional',
      { reinstallingAdditional: z.strictObject({ choice: z.enum(['continue', 'finish']).nullable() }) },
      'The Reinstalling Additional RDS CALs page, with the choice made so far.',
    ),
    wizardPage('completing', {}, 'The Completing the Manage RDS CALs Wizard page.'),
    wizardPage('closed', { outcome: z.enum(['finished', 'cancelled']) }, 'The wizard has closed, finished or cancelled.'),
  ])
  .describe('The Manage RDS CALs Wizard page now shown; its ETag names this drawing of it (send it back in If-Match).');

export const telephoneNumbersAnswer = z.strictObject({
  telephoneNumbers: z.record(z.string(), z.string()).describe('Country or region to Clearinghouse telephone number.'),
});

const programInformationAnswer = z.union([
  z.strictObject({ program: z.literal('retail'), licenseCode: z.string() }),
  z.strictObject({ program: z.literal('openLicense'), licenseNumber: z.string(), authorizationNumber: z.string() }),
  z.strictObject({
    program: z.enum(LICENSE_PROGRAMS.filter((program) => program !== 'retail' && program !== 'openLicense') as [string, ...string[]]),
    agreementNumber: z.string(),
  }),
]);

export const grantedKeyPackAnswer = z.strictObject({
  licenseKeyPackId: groupedId,
  purchaseNumber: z.number().int(),
  productVersionId: z.number().int(),
  productVersion: z.string(),
  calType: z.enum(CAL_TYPES),
  calTypeLabel: z.string(),
  quantity: z.number().int(),
});

export const keyPackLookupAnswer = z.strictObject({
  licenseKeyPackId: groupedId,
  licenseServerId: groupedId,
  issuedAt: instant,
  purchaseNumber: z.number().int(),
  productVersion: z.string(),
  calType: z.enum(CAL_TYPES),
  quantity: z.number().int(),
});

export const environmentCreatedAnswer = z.strictObject({ environmentId: z.string() });
export const snapshotTakenAnswer = z.strictObject({ snapshotId: z.string() });
export const clockAnswer = z.strictObject({ now: instant, frozen: z.boolean() });
export const faultSwitchesAnswer = z.strictObject({
  failWrites: z.strictObject({ after: z.number().int(), count: z.number().int() }).optional(),
  busySignals: z.number().int().optional(),
  latencyMs: z.number().int().optional(),
});

const issuedCal = z.strictObject({
  licenseId: z.number().int(),
  keyPackNumber: z.number().int(),
  issuedTo: z.string(),
  issuedAt: instant,
  expiresAt: instant,
});

export const databasePageAnswer = z.strictObject({
  keyPacks: z.array(keyPackAnswer),
  issuedCals: z.array(issuedCal).describe('One page, in license id order.'),
  issuedCalsTotal: z.number().int(),
  nextIssuedCalsFrom: z.number().int().nullable().describe('Pass as issuedCalsFrom for the next page; null on the last.'),
});

const storedKeyPack = z.strictObject({
  keyPackNumber: z.number().int(),
  licenseKeyPackId: z.string(),
  program: z.enum(LICENSE_PROGRAMS),
  productVersionId: z.number().int(),
  calType: z.enum(CAL_TYPES),
  totalLicenses: z.number().int(),
  issuedLicenses: z.number().int(),
  purchaseNumber: z.number().int(),
  installedAt: instant,
  expiresAt: instant.nullable(),
});

const purchaseRecord = z.strictObject({
  purchaseNumber: z.number().int(),
  information: programInformationAnswer,
  productVersionId: z.number().int(),
  calType: z.enum(CAL_TYPES),
  quantity: z.number().int(),
  registeredTo: z.string().nullable(),
});

const keyPackIssuance = z.strictObject({
  licenseKeyPackId: z.string(),
  purchaseNumber: z.number().int(),
  licenseServerId: z.string(),
  issueSerial: z.number().int(),
  issuedAt: instant,
});

export const stateSnapshotAnswer = z
  .strictObject({
    server: z.strictObject({
      name: z.string(),
      licenseServerId: z.string().nullable(),
      countryRegion: z.string().nullable(),
      connectionMethod: z.enum(CONNECTION_METHODS),
    }),
    database: z.strictObject({
      keyPacks: z.array(storedKeyPack),
      issuedCals: z.strictObject({ count: z.number().int(), digest: z.string().regex(/^[0-9a-f]{64}$/) }),
    }),
    events: z.array(licensingEvent),
    wizard: z
      .strictObject({
        serverName: z.string(),
        state: z.looseObject({ page: z.enum(WIZARD_PAGES) }).describe("The wizard's state as stored; compare it whole."),
        openedBy: z.string(),
        openedAt: instant,
      })
      .nullable(),
    purchases: z.array(purchaseRecord),
    issuances: z.array(keyPackIssuance),
  })
  .describe('Everything a refused request must leave as it was, for one server.');

export const purchasesAnswer = z.strictObject({ purchases: z.array(purchaseRecord) });
export const issuancesAnswer = z.strictObject({ issuances: z.array(keyPackIssuance) });
export const digestAnswer = z.strictObject({ digest: z.string().regex(/^[0-9a-f]{64}$/) });
export const unexpectedErrorsAnswer = z.strictObject({
  errors: z.array(z.strictObject({ at: instant, environment: z.string(), method: z.string(), path: z.string(), message: z.string() })),
});

export const healthAnswer = z.strictObject({
  status: z.literal('serving'),
  version: z.string().describe("The fake's package version."),
  testControl: z.boolean().describe('Whether the /_test routes are mounted (--test-control).'),
});
