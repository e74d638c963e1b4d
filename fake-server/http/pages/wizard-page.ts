/**
 * The Manage RDS CALs Wizard as one form per page (procedure steps 4 to 11). Back, Next,
 * Finish and Cancel are always there and enabled exactly when the wizard allows them; a
 * choice is submitted with the button pressed, or at once when the page's script runs.
 */
import { notAvailableMessage } from '../../domain/wizard-pages';
import { revisionOf } from '../wizard-revision';
import { WizardView } from '../../domain/wizard-view';
import { Html, factTable, flag, html } from './html';

const ACTIONS = [
  { value: 'rebuild', label: 'Rebuild the license server database' },
  { value: 'migrate', label: 'Migrate RDS CALs from another license server to this license server' },
];
const ADDITIONAL = [
  { value: 'continue', label: 'Continue reinstalling additional RDS CALs' },
  { value: 'finish', label: 'Finish rebuilding the RD Licensing database' },
];
/** The wizard's four buttons, on every page and on its frame, and the move each one posts. */
export const BUTTONS = [
  { move: 'back', label: 'Back' },
  { move: 'next', label: 'Next' },
  { move: 'finish', label: 'Finish' },
  { move: 'cancel', label: 'Cancel' },
] as const;

/** A key pack ID as typed, spread over the seven boxes of five characters. */
export function boxesOf(typed: string): string[] {
  const plain = typed.replace(/[\s-]+/g, '');
  return Array.from({ length: 7 }, (_, index) => plain.slice(index * 5, index * 5 + 5));
}

function radios(name: string, legend: string, options: { value: string; label: string }[], chosen: string | null): Html {
  return html`<fieldset>
    <legend>${legend}</legend>
    ${options.map(
      (option) =>
        html`<label
          ><input type="radio" name="${name}" value="${option.value}" data-submit-on-change${flag('checked', option.value === chosen)} />
          ${option.label}</label
        >`,
    )}
  </fieldset>`;
}

function content(view: WizardView): Html {
  switch (view.page) {
    case 'welcome':
      return html`<p>This wizard installs, rebuilds or migrates RDS CALs on ${view.serverName}. Click Next to continue.</p>`;
    case 'actionSelection': {
      const selection = view.actionSelection;
      return html`${radios('action', 'What do you want to do?', ACTIONS, selection?.action ?? null)}
        <label for="reason">Reason for rebuilding the RD Licensing database</label>
        <select id="reason" name="reason" data-submit-on-change>
          <option value="" ${flag('selected', !selection?.reason)}>Select a reason</option>
          ${(selection?.reasons ?? []).map((reason) => html`<option${flag('selected', reason === selection?.reason)}>${reason}</option>`)}
        </select>`;
    }
    case 'confirmDeletion':
      return html`<p class="note">
          Caution: rebuilding deletes every RDS CAL installed on ${view.serverName}. Have your RDS CAL purchase agreement documents at hand:
          you reinstall the CALs from them.
        </p>
        <input type="hidden" name="deletionShown" value="1" />
        <label
          ><input
            type="checkbox"
            name="deletionConfirmed"
            data-submit-on-change${flag('checked', view.confirmDeletion?.deletionConfirmed === true)}
          />
          Confirm deletion of RDS CALs currently installed on this license server</label
        >`;
    case 'reinstallingCals':
      return html`<p>
        The contents of the RD Licensing database have been deleted. Click Next to reinstall your RDS CALs, one pack at a time.
      </p>`;
    case 'obtainKeyPack': {
      const shown = view.obtainKeyPack;
      return html`${factTable('Call the Microsoft Clearinghouse', [
        ['Country/region', shown?.countryRegion ?? '—'],
        ['Telephone number', shown?.telephoneNumber ?? '—'],
        ['License Server ID', shown?.licenseServerId ?? '—'],
      ])}
        <p>
          Give the representative the License Server ID and your purchase documents, then type the license key pack ID you are given. Keep a
          copy of it.
        </p>
        <fieldset data-key-pack-boxes>
          <legend>License key pack ID</legend>
          <div class="boxes">
            ${boxesOf(shown?.keyPackId ?? '').map(
              (value, index) =>
                html`<input
                    name="keyPackId"
                    data-key-pack-box
                    maxlength="5"
                    autocomplete="off"
                    spellcheck="false"
                    aria-label="License key pack ID, box ${index + 1} of 7"
                    value="${value}"
                  />${index < 6 ? '-' : ''}`,
            )}
          </div>
        </fieldset>`;
    }
    case 'reinstallingAdditional':
      return html`<p>The RDS CALs were reinstalled. You can reinstall one pack at a time.</p>
        ${radios('additional', 'Do you want to reinstall more RDS CALs?', ADDITIONAL, view.reinstallingAdditional?.choice ?? null)}`;
    case 'completing':
      return html`<p>You have completed the Manage RDS CALs Wizard. Click Finish to close it.</p>`;
    case 'closed':
      return html`<p>The wizard has closed.</p>`;
  }
}

/** What a form drawn on the wizard's frame carries instead of a wizard's revision: no state of the wizard matches it. */
const FRAME_DRAWN_FROM = 'not-shown';

/**
 * The wizard as the pages show it to someone outside the local Administrators group: its frame
 * with its four buttons and none of its pages (the refusal to show them is the page's alert). A
 * button pressed is sent to the wizard, which refuses it, naming it; so Back, Cancel and Finish
 * are each refused for themselves, as over the API. The real console's behaviour for such a
 * person is not published; docs/modelling-choices.md.
 */
export function wizardFrameBody(serverName: string): Html {
  const path = `/servers/${encodeURIComponent(serverName)}`;
  return html`<p><a href="/">RD Licensing Manager</a> › <a href="${path}">${serverName}</a> › Manage RDS CALs</p>
    <h1>Manage RDS CALs Wizard on ${serverName}</h1>
    <form method="post" action="${path}/wizard/moves" data-in-place>
      <input type="hidden" name="drawnFrom" value="${FRAME_DRAWN_FROM}" />
      <p>The wizard's pages are shown to members of the local Administrators group on ${serverName} only.</p>
<div class="buttons">
${BUTTONS.map((button) => html`<button type="submit" name="move" value="${button.move}">${button.label}</button>`)}
</div>
    </form>`;
}

export function wizardBody(view: WizardView): Html {
  const path = `/servers/${encodeURIComponent(view.serverName)}`;
  return html`<p><a href="/">RD Licensing Manager</a> › <a href="${path}">${view.serverName}</a> › Manage RDS CALs</p>
    <h1>Manage RDS CALs Wizard on ${view.serverName}</h1>
    <form method="post" action="${path}/wizard/moves" data-in-place>
      <input type="hidden" name="drawnFrom" value="${revisionOf(view)}" />
      <h2>${view.title}</h2>
      ${content(view)} ${view.reason === null || view.page === 'actionSelection' ? '' : html`<p>Reason for the rebuild: ${view.reason}</p>`}
      ${view.packsReinstalled === null ? '' : html`<p>RDS CAL packs reinstalled so far: ${view.packsReinstalled}</p>`}
<div class="buttons">
${BUTTONS.map((button) => {
  const enabled = view.allowed.includes(button.move);
  // A disabled button says why (its title), in the words of the refusal the fake would give.
  const why = enabled ? '' : notAvailableMessage(view.page, button.move, view.packsReinstalled !== null, view.allowed);
  const primary = button.move === 'next' || button.move === 'finish' ? html` class="primary"` : '';
  return html`<button type="submit" name="move" value="${button.move}"${primary}${flag('disabled', !enabled)}${why ? html` title="${why}"` : ''}>${button.label}</button>`;
})}
</div>
    </form>`;
}
