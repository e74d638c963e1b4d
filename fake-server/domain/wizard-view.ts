/**
 * What the Manage RDS CALs Wizard shows on its current page: the data a person (or a
 * browser driver later) needs to make the next move. Built from the state, never stored.
 */
import { LicenseServer } from './model';
import { inGroupsOfFive } from './ids';
import { AdditionalPacksChoice, PAGE_TITLES, WizardAction, WizardEventType, WizardPage, WizardState, allowedEvents } from './wizard';

export interface WizardView {
  serverName: string;
  page: WizardPage;
  title: string;
  /** The moves this page offers. */
  allowed: WizardEventType[];
  /** Packs reinstalled since the database contents were deleted; null before the deletion. */
  packsReinstalled: number | null;
  /** The reason chosen for the rebuild, from Action Selection on; null before one is chosen. */
  reason: string | null;
  actionSelection?: { action: WizardAction | null; reason: string | null; reasons: readonly string[] };
  confirmDeletion?: { deletionConfirmed: boolean };
  obtainKeyPack?: {
    countryRegion: string | null;
    /** The Clearinghouse number for the country/region chosen at activation. */
    telephoneNumber: string | null;
    /** Shown in groups of five, as the representative expects to hear it. */
    licenseServerId: string;
    keyPackId: string;
  };
  reinstallingAdditional?: { choice: AdditionalPacksChoice | null };
  outcome?: 'finished' | 'cancelled';
}

export function viewOf(state: WizardState, server: LicenseServer, reasons: readonly string[], telephoneNumber: string | null): WizardView {
  const base: WizardView = {
    serverName: server.name,
    page: state.page,
    title: PAGE_TITLES[state.page],
    allowed: allowedEvents(state),
    packsReinstalled: 'packsReinstalled' in state ? state.packsReinstalled : null,
    reason: 'reason' in state ? state.reason : null,
  };
  switch (state.page) {
    case 'actionSelection':
      return { ...base, actionSelection: { action: state.action, reason: state.reason, reasons } };
    case 'confirmDeletion':
      return { ...base, confirmDeletion: { deletionConfirmed: state.deletionConfirmed } };
    case 'obtainKeyPack':
      return {
        ...base,
        obtainKeyPack: {
          countryRegion: server.countryRegion,
          telephoneNumber,
          licenseServerId: inGroupsOfFive(server.licenseServerId ?? ''),
          keyPackId: state.keyPackId,
        },
      };
    case 'reinstallingAdditional':
      return { ...base, reinstallingAdditional: { choice: state.choice } };
    case 'closed':
      return { ...base, outcome: state.outcome };
    default:
      return base;
  }
}
