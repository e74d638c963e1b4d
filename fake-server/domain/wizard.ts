/**
 * The Manage RDS CALs Wizard, rebuild branch, as a pure state machine: no I/O, no clock.
 * `transition` says which page follows and which effects (deleting the database,
 * reinstalling a pack, logging the rebuild) the move asks for; the licensing manager
 * carries the effects out inside one transaction, so a refused effect undoes the move.
 *
 * Page sequence (procedure steps 4 to 11): Welcome -> Action Selection (action and reason
 * on one page: steps 5 and 6 have one Next between them) -> Confirm Deletion of RDS CALs
 * -> [database contents deleted] -> Reinstalling RDS CALs -> Obtain Client License Key
 * Pack -> Reinstalling Additional RDS CALs -> (again Obtain Client License Key Pack, or)
 * Completing the wizard -> Finish.
 */
import { ConnectionMethod, CONNECTION_METHOD_LABELS } from './catalogue';
import { allowedEvents, notAvailableMessage } from './wizard-pages';
import { RefusalCode } from './refusal-code-list';
import { WizardEvent, WizardPage, WizardState } from './wizard-states';

export { PAGE_TITLES, allowedEvents, moveInWords } from './wizard-pages';

export { WIZARD_ACTIONS } from './wizard-states';
export type { AdditionalPacksChoice, WizardAction, WizardEvent, WizardEventType, WizardPage, WizardState } from './wizard-states';

/** Work the wizard asks the license server to do when a move is made. */
export type WizardEffect =
  | { kind: 'deleteDatabaseContents' }
  | { kind: 'reinstallKeyPack'; keyPackId: string }
  | { kind: 'recordRebuilt'; packsReinstalled: number; reason: string }
  | { kind: 'recordAbandonedRebuild'; packsReinstalled: number; reason: string };

/** What the wizard knows about the license server it was opened on. */
export interface WizardContext {
  reasons: readonly string[];
  connectionMethod: ConnectionMethod;
  activated: boolean;
}

/** `invalid-choice`: the value itself is wrong. `not-now`: the move does not fit the page or the server. */
export type WizardRefusal = { ok: false; kind: 'invalid-choice' | 'not-now'; code: RefusalCode; message: string };
export type WizardTransition = { ok: true; state: WizardState; effects: WizardEffect[] } | WizardRefusal;

/** The pure transition function of the wizard. */
export function transition(state: WizardState, event: WizardEvent, context: WizardContext): WizardTransition {
  // A closed wizard takes no move at all; said first, so the switch below knows every page it meets is open.
  if (state.page === 'closed') return wizardClosed();
  if (!allowedEvents(state).includes(event.type)) return notAvailable(state, event);
  if (event.type === 'cancel') return cancel(state);
  switch (state.page) {
    case 'welcome':
      return moved({ page: 'actionSelection', action: null, reason: null });
    case 'actionSelection':
      return onActionSelection(state, event, context);
    case 'confirmDeletion':
      return onConfirmDeletion(state, event);
    case 'reinstallingCals':
      return moved({ page: 'obtainKeyPack', reason: state.reason, packsReinstalled: state.packsReinstalled, keyPackId: '' });
    case 'obtainKeyPack':
      return onObtainKeyPack(state, event);
    case 'reinstallingAdditional':
      return onReinstallingAdditional(state, event);
    case 'completing':
      return event.type === 'back'
        ? moved({ page: 'reinstallingAdditional', reason: state.reason, packsReinstalled: state.packsReinstalled, choice: 'finish' })
        : moved({ page: 'closed', outcome: 'finished' }, [
            { kind: 'recordRebuilt', packsReinstalled: state.packsReinstalled, reason: state.reason },
          ]);
  }
}

type StateOf<P extends WizardPage> = Extract<WizardState, { page: P }>;
type OpenWizardState = Exclude<WizardState, { page: 'closed' }>;

function onActionSelection(state: StateOf<'actionSelection'>, event: WizardEvent, context: WizardContext): WizardTransition {
  switch (event.type) {
    case 'selectAction':
      if (event.action !== 'rebuild') {
        return invalidChoice(
          'action-not-modelled',
          'This fake models only "Rebuild the license server database"; migrating RDS CALs is not modelled yet.',
        );
      }
      return moved({ ...state, action: 'rebuild' });
    case 'selectReason':
      if (state.action !== 'rebuild') {
        return notNow('rebuild-not-selected', 'Click "Rebuild the license server database" first; the reason list belongs to that action.');
      }
      if (!context.reasons.includes(event.reason)) {
        return invalidChoice(
          'unknown-reason',
          `"${event.reason}" is not in the list of reasons. Choose one of: ${context.reasons.join('; ')}.`,
        );
      }
      return moved({ ...state, reason: event.reason });
    case 'back':
      return moved({ page: 'welcome' });
    default:
      return leaveActionSelection(state, context);
  }
}

function leaveActionSelection(state: StateOf<'actionSelection'>, context: WizardContext): WizardTransition {
  if (state.action === null) return notNow('no-action-selected', 'Click "Rebuild the license server database" before clicking Next.');
  if (state.reason === null)
    return notNow('no-reason-selected', 'Select a reason for rebuilding the RD Licensing database before clicking Next.');
  if (!context.activated) {
    return notNow(
      'server-not-activated',
      'The license server is not activated, so the Clearinghouse cannot reissue CALs to it; activate it first.',
    );
  }
  if (context.connectionMethod !== 'telephone') {
    return notNow(
      'connection-method-not-telephone',
      `The connection method is "${CONNECTION_METHOD_LABELS[context.connectionMethod]}". Cancel the wizard, set it to Telephone in the license server's Properties, then start again.`,
    );
  }
  return moved({ page: 'confirmDeletion', reason: state.reason, deletionConfirmed: false });
}

function onConfirmDeletion(state: StateOf<'confirmDeletion'>, event: WizardEvent): WizardTransition {
  switch (event.type) {
    case 'setDeletionConfirmed':
      return moved({ ...state, deletionConfirmed: event.confirmed });
    case 'back':
      return moved({ page: 'actionSelection', action: 'rebuild', reason: state.reason });
    default:
      if (!state.deletionConfirmed) {
        return notNow(
          'deletion-not-confirmed',
          'Select the check box confirming the deletion of the RDS CALs installed on this license server before clicking Next; nothing has been deleted.',
        );
      }
      return moved({ page: 'reinstallingCals', reason: state.reason, packsReinstalled: 0 }, [{ kind: 'deleteDatabaseContents' }]);
  }
}

function onObtainKeyPack(state: StateOf<'obtainKeyPack'>, event: WizardEvent): WizardTransition {
  if (event.type === 'enterKeyPackId') return moved({ ...state, keyPackId: event.keyPackId });
  if (state.keyPackId.trim() === '') {
    return notNow('no-key-pack-id', 'Enter the license key pack ID that the Clearinghouse representative gave you before clicking Next.');
  }
  const packsReinstalled = state.packsReinstalled + 1;
  return moved({ page: 'reinstallingAdditional', reason: state.reason, packsReinstalled, choice: null }, [
    { kind: 'reinstallKeyPack', keyPackId: state.keyPackId },
  ]);
}

function onReinstallingAdditional(state: StateOf<'reinstallingAdditional'>, event: WizardEvent): WizardTransition {
  if (event.type === 'chooseAdditionalPacks') return moved({ ...state, choice: event.choice });
  const { reason, packsReinstalled } = state;
  switch (state.choice) {
    case null:
      return notNow(
        'no-choice',
        'Choose "Continue reinstalling additional RDS CALs" or "Finish rebuilding the RD Licensing database" before clicking Next.',
      );
    case 'continue':
      return moved({ page: 'obtainKeyPack', reason, packsReinstalled, keyPackId: '' });
    case 'finish':
      return moved({ page: 'completing', reason, packsReinstalled });
  }
}

function cancel(state: WizardState): WizardTransition {
  const afterDeletion = 'packsReinstalled' in state;
  return moved(
    { page: 'closed', outcome: 'cancelled' },
    afterDeletion ? [{ kind: 'recordAbandonedRebuild', packsReinstalled: state.packsReinstalled, reason: state.reason }] : [],
  );
}

function wizardClosed(): WizardRefusal {
  return notNow('wizard-closed', 'The wizard has been closed; open it again from the Action menu.');
}

function notAvailable(state: OpenWizardState, event: WizardEvent): WizardRefusal {
  return notNow(
    'not-available-on-this-page',
    notAvailableMessage(state.page, event.type, 'packsReinstalled' in state, allowedEvents(state)),
  );
}

function moved(state: WizardState, effects: WizardEffect[] = []): WizardTransition {
  return { ok: true, state, effects };
}

/** A move that does not fit the page, or the server, now (the HTTP layer answers 409). */
function notNow(code: RefusalCode, message: string): WizardRefusal {
  // Stryker disable next-line StringLiteral: equivalent, every kind other than 'invalid-choice' is answered as not possible now
  return { ok: false, kind: 'not-now', code, message };
}

/** A value that is wrong whatever the page (an unknown reason; the HTTP layer answers 422). */
function invalidChoice(code: RefusalCode, message: string): WizardRefusal {
  return { ok: false, kind: 'invalid-choice', code, message };
}
