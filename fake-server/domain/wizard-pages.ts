/**
 * What each page of the Manage RDS CALs Wizard is called and which moves it offers, as the
 * console shows them. The transition function (wizard.ts) refuses any other move.
 */
import type { WizardEvent, WizardEventType, WizardPage, WizardState } from './wizard-states';

export const PAGE_TITLES: Record<WizardPage, string> = {
  welcome: 'Welcome to the Manage RDS CALs Wizard',
  actionSelection: 'Action Selection',
  confirmDeletion: 'Confirm Deletion of RDS CALs',
  reinstallingCals: 'Reinstalling RDS CALs',
  obtainKeyPack: 'Obtain Client License Key Pack',
  reinstallingAdditional: 'Reinstalling Additional RDS CALs',
  completing: 'Completing the Manage RDS CALs Wizard',
  closed: 'Closed',
};

export const EVENT_LABELS: Record<WizardEventType, string> = {
  next: 'Next',
  back: 'Back',
  cancel: 'Cancel',
  finish: 'Finish',
  selectAction: 'choosing an action',
  selectReason: 'choosing a reason',
  setDeletionConfirmed: 'the deletion check box',
  enterKeyPackId: 'entering a license key pack ID',
  chooseAdditionalPacks: 'choosing whether to reinstall more RDS CALs',
};

/** A move as a person makes it, for a refusal that names it ("clicking Cancel", "selecting the deletion check box"). */
export function moveInWords(event: WizardEvent): string {
  switch (event.type) {
    case 'next':
    case 'back':
    case 'cancel':
    case 'finish':
      return `clicking ${EVENT_LABELS[event.type]}`;
    case 'setDeletionConfirmed':
      return `${event.confirmed ? 'selecting' : 'clearing'} the deletion check box`;
    default:
      return EVENT_LABELS[event.type];
  }
}

/** The moves each page offers; anything else is refused without a change. */
export function allowedEvents(state: WizardState): WizardEventType[] {
  switch (state.page) {
    case 'welcome':
      return ['next', 'cancel'];
    case 'actionSelection':
      return ['selectAction', 'selectReason', 'next', 'back', 'cancel'];
    case 'confirmDeletion':
      return ['setDeletionConfirmed', 'next', 'back', 'cancel'];
    case 'reinstallingCals':
      return ['next', 'cancel'];
    case 'obtainKeyPack':
      return ['enterKeyPackId', 'next', 'cancel'];
    case 'reinstallingAdditional':
      return ['chooseAdditionalPacks', 'next', 'cancel'];
    case 'completing':
      return ['finish', 'back', 'cancel'];
    case 'closed':
      return [];
  }
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Why a move is not available on a page: the refusal's message, and the hint a page shows
 * on a disabled button. `afterDeletion` says whether the database contents are gone.
 */
export function notAvailableMessage(page: WizardPage, event: WizardEventType, afterDeletion: boolean, offered: WizardEventType[]): string {
  const why = afterDeletion && event === 'back' ? ' The database contents have already been deleted, so there is no going back.' : '';
  return `${capitalise(EVENT_LABELS[event])} is not available on the "${PAGE_TITLES[page]}" page.${why} Available here: ${offered.map((type) => EVENT_LABELS[type]).join(', ')}.`;
}
