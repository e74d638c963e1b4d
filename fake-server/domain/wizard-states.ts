/**
 * The states and moves of the Manage RDS CALs Wizard, as types: what wizard.ts (the state
 * machine) and wizard-pages.ts (what each page offers) both speak of. In a file of their own
 * so that neither of the two imports the other for them.
 */
export const WIZARD_ACTIONS = ['rebuild', 'migrate'] as const;
export type WizardAction = (typeof WIZARD_ACTIONS)[number];
export type AdditionalPacksChoice = 'continue' | 'finish';

export type WizardState =
  | { page: 'welcome' }
  | { page: 'actionSelection'; action: WizardAction | null; reason: string | null }
  | { page: 'confirmDeletion'; reason: string; deletionConfirmed: boolean }
  | { page: 'reinstallingCals'; reason: string; packsReinstalled: number }
  | { page: 'obtainKeyPack'; reason: string; packsReinstalled: number; keyPackId: string }
  | { page: 'reinstallingAdditional'; reason: string; packsReinstalled: number; choice: AdditionalPacksChoice | null }
  | { page: 'completing'; reason: string; packsReinstalled: number }
  | { page: 'closed'; outcome: 'finished' | 'cancelled' };

export type WizardPage = WizardState['page'];

export type WizardEvent =
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'cancel' }
  | { type: 'finish' }
  | { type: 'selectAction'; action: WizardAction }
  | { type: 'selectReason'; reason: string }
  | { type: 'setDeletionConfirmed'; confirmed: boolean }
  | { type: 'enterKeyPackId'; keyPackId: string }
  | { type: 'chooseAdditionalPacks'; choice: AdditionalPacksChoice };

export type WizardEventType = WizardEvent['type'];
