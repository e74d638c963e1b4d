/**
 * Carries out what the wizard's moves ask of the license server: deleting the database
 * contents, reinstalling one key pack, and logging. Runs inside the move's transaction,
 * so a refusal here (a mistyped or foreign key pack ID) undoes the whole move.
 *
 * Event ids: 26 (CALs removed) and 88 (database rebuilt) are Microsoft's. Microsoft
 * publishes no id for "key pack reinstalled" or "rebuild abandoned"; the fake uses 9001
 * and 9002, outside the ranges the real service is known to use.
 */
import { CAL_TYPE_LABELS, CalType, LICENSE_PROGRAM_LABELS, LicenseProgram, productVersionName } from './catalogue';
import { RefusedError, InvalidInputError } from './errors';
import { inGroupsOfFive } from './ids';
import { KeyPackIdCodec, KeyPackIdProblem } from './key-pack-id';
import { InstalledKeyPack, LicenseServer } from './model';
import { Clock, EventLog, LicensingDatabase } from './ports';
import { WizardEffect } from './wizard';

export const EVENT_CALS_REMOVED = 26;
export const EVENT_DATABASE_REBUILT = 88;
export const EVENT_KEY_PACK_REINSTALLED = 9001;
export const EVENT_REBUILD_ABANDONED = 9002;

export interface EffectDependencies {
  database: LicensingDatabase;
  events: EventLog;
  codec: KeyPackIdCodec;
  clock: Clock;
}

export function applyEffect(effect: WizardEffect, server: LicenseServer, deps: EffectDependencies): void {
  const at = deps.clock.now().toISOString();
  const log = (eventId: number, level: 'Information' | 'Warning', message: string, licenseKeyPackId: string | null = null) =>
    deps.events.append(server.name, { eventId, level, message, licenseKeyPackId, recordedAt: at });
  switch (effect.kind) {
    case 'deleteDatabaseContents': {
      const { keyPacks } = deps.database.deleteContents(server.name);
      for (const group of removedGroups(keyPacks)) {
        log(
          EVENT_CALS_REMOVED,
          'Warning',
          `All available ${group.type} RDS CALs for product ${group.product} on license server ${server.name} have been removed. Use RD Licensing Manager to re-register the RDS CALs.`,
        );
      }
      return;
    }
    case 'reinstallKeyPack': {
      const pack = installKeyPackId(effect.keyPackId, server, at, deps);
      log(
        EVENT_KEY_PACK_REINSTALLED,
        'Information',
        `${pack.totalLicenses} ${CAL_TYPE_LABELS[pack.calType]}s for ${productVersionName(pack.productVersionId)} (${LICENSE_PROGRAM_LABELS[pack.program]}) were reinstalled with license key pack ID ${inGroupsOfFive(pack.licenseKeyPackId)}.`,
        pack.licenseKeyPackId,
      );
      return;
    }
    case 'recordRebuilt':
      // The reason is the fake's addition: Microsoft does not say where the wizard keeps it.
      log(
        EVENT_DATABASE_REBUILT,
        'Information',
        `The RD Licensing database has been successfully rebuilt. Reason given: ${effect.reason}.`,
      );
      return;
    case 'recordAbandonedRebuild':
      log(
        EVENT_REBUILD_ABANDONED,
        'Warning',
        // The wizard cannot know whether any CALs are still missing (the purchase documents say), so the text says what holds either way.
        effect.packsReinstalled === 0
          ? `The Manage RDS CALs Wizard was cancelled after the RD Licensing database contents were deleted, before any key pack was reinstalled: every RDS CAL deleted then is missing until it is reinstalled from its purchase documents. Reason given: ${effect.reason}.`
          : `The Manage RDS CALs Wizard was cancelled after the RD Licensing database contents were deleted; ${effect.packsReinstalled} key pack(s) had been reinstalled. Any RDS CALs deleted then and not reinstalled are missing until they are reinstalled from their purchase documents. Reason given: ${effect.reason}.`,
      );
      return;
    default:
      // An effect this function does not know would otherwise pass in silence.
      throw new Error(`Unknown wizard effect: ${JSON.stringify(effect satisfies never)}`);
  }
}

/** Checks a typed license key pack ID against this server and installs its CALs. */
export function installKeyPackId(
  typed: string,
  server: LicenseServer,
  at: string,
  deps: Omit<EffectDependencies, 'events'>,
): InstalledKeyPack {
  const reading = deps.codec.read(typed, server.licenseServerId ?? '');
  if (!reading.ok) throw keyPackIdRefusal(reading.problem, typed, server);
  const { keyPackId, contents } = reading;
  const redeemedAt = deps.database.redemptionOf(server.name, keyPackId);
  if (redeemedAt !== undefined) {
    throw new RefusedError(
      'key-pack-id-already-used',
      `License key pack ID ${inGroupsOfFive(keyPackId)} was already used on ${server.name} (${redeemedAt}). Each ID installs once; call the Clearinghouse for a new one.`,
    );
  }
  const sameCals = deps.database.keyPackOfPurchase(server.name, contents.purchaseNumber);
  if (sameCals) {
    throw new RefusedError(
      'purchase-already-reinstalled',
      `The CALs of this purchase are already installed on ${server.name} with license key pack ID ${inGroupsOfFive(sameCals.licenseKeyPackId)}; the same CALs cannot be installed twice.`,
    );
  }
  deps.database.recordRedemption(server.name, keyPackId, at);
  return deps.database.installKeyPack(server.name, {
    licenseKeyPackId: keyPackId,
    program: contents.program,
    productVersionId: contents.productVersionId,
    calType: contents.calType,
    totalLicenses: contents.quantity,
    purchaseNumber: contents.purchaseNumber,
    installedAt: at,
    expiresAt: expiryOf(contents.program, at),
  });
}

/** Turns what is wrong with a typed ID into an error that says what to do about it. */
export function keyPackIdRefusal(problem: KeyPackIdProblem, typed: string, server: LicenseServer): Error {
  switch (problem.kind) {
    case 'several-ids':
      return new InvalidInputError(
        'one-key-pack-at-a-time',
        `That is ${problem.count} license key pack IDs. RDS CALs are reinstalled one pack at a time: enter one ID, click Next, then choose to continue with the next pack.`,
      );
    case 'wrong-length':
      return new InvalidInputError(
        'invalid-key-pack-id',
        `A license key pack ID has 35 letters and digits (7 boxes of 5); "${typed}" has ${problem.length}.`,
      );
    case 'wrong-characters':
      return new InvalidInputError(
        'invalid-key-pack-id',
        `A license key pack ID has only letters A-Z and digits; "${typed}" has other characters.`,
      );
    case 'typing-error':
      return new InvalidInputError(
        'key-pack-id-typing-error',
        `License key pack ID "${typed}" contains a typing error; compare it with what the representative read out.`,
      );
    case 'unknown-layout':
      return new InvalidInputError('invalid-key-pack-id', `"${typed}" is not a license key pack ID issued by the Clearinghouse.`);
    case 'sealed-for-another-server':
      return new RefusedError(
        'key-pack-id-for-another-server',
        `License key pack ID "${typed}" was not issued for ${server.name} (License Server ID ${inGroupsOfFive(server.licenseServerId ?? '')}). Give the representative this server's ID and ask for a new key pack ID.`,
      );
  }
}

/**
 * Microsoft does not say which key packs expire. The fake chooses: CALs under a Services
 * Provider License Agreement are licensed month by month, so their pack expires 30 days
 * after it is installed; every other program's CALs do not expire.
 */
export const SERVICES_PROVIDER_PACK_DAYS = 30;

function expiryOf(program: LicenseProgram, installedAt: string): string | null {
  if (program !== 'servicesProvider') return null;
  return new Date(Date.parse(installedAt) + SERVICES_PROVIDER_PACK_DAYS * 24 * 60 * 60 * 1000).toISOString();
}

/** Microsoft's event 26 names the type bare, before "RDS CALs": "All available Per User RDS CALs for product …". */
const CAL_TYPE_IN_EVENT_26: Record<CalType, string> = { perDevice: 'Per Device', perUser: 'Per User' };

function removedGroups(keyPacks: InstalledKeyPack[]): { type: string; product: string }[] {
  const seen = new Map<string, { type: string; product: string }>();
  for (const pack of keyPacks) {
    const group = { type: CAL_TYPE_IN_EVENT_26[pack.calType], product: productVersionName(pack.productVersionId) };
    seen.set(`${group.type}|${group.product}`, group);
  }
  return [...seen.values()];
}
