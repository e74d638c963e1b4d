/**
 * The Manage RDS CALs Wizard in the browser: what a page shows, read back into the same
 * WizardPage the API answers, and each WizardMove made with the mouse or the keyboard on
 * the control the procedure names. A move the page does not offer (a disabled button, a
 * control that is not there) is refused as the fake refuses it: "not available on this
 * page". A move no person could make on the page (a reason that is not in the list, two
 * IDs in seven boxes) is an error: such scenarios are tagged @api-only.
 */
import type { Locator, Page } from 'playwright-core';
import { Refusal, WizardMove, WizardPage } from '../seams/person-and-harness';
import {
  ACTION_LABELS,
  ADDITIONAL_LABELS,
  CLOSED_TITLE,
  CLOSING_NOTES,
  PAGE_NAMES,
  WIZARD_BUTTONS as BUTTONS,
  WIZARD_CONTROLS,
  keyPackBoxName,
} from '../words/page-labels';
import { AriaNode, ariaNodes, facts, node, paragraphAfter } from './aria';
import { andWaitForAnswer, shownOrNull, throwIfRefused } from './page-reading';

const { reasonList: REASON_LIST, deletionCheckBox: CHECK_BOX, keyPackBox: KEY_PACK_BOX } = WIZARD_CONTROLS;

/** How the person works the controls: with the mouse (clicks) or the keyboard only. */
export type InputMode = 'mouse' | 'keyboard';

/** Reads the wizard page on the screen, from its accessibility tree. */
export async function readWizardPage(page: Page, serverName: string): Promise<WizardPage> {
  const nodes = await ariaNodes(page.getByRole('main'));
  // The first heading names the wizard and its server; the second is the page's title.
  const heading = nodes.filter((candidate) => candidate.role === 'heading')[1]?.name ?? '';
  const pageName = PAGE_NAMES[heading];
  if (!pageName) throw new Error(`The browser shows "${heading}", which is not a page of the Manage RDS CALs Wizard`);
  const checked = (role: string, name: string) => node(nodes, role, name)?.states.has('checked') === true;
  const view: WizardPage = { serverName, page: pageName, title: heading, ...shownOnAnyPage(nodes) };
  if (pageName === 'actionSelection') {
    const options = nodes.filter((candidate) => candidate.role === 'option');
    const chosen = options.find((option) => option.states.has('selected'));
    const reason = chosen && chosen !== options[0] ? chosen.name : null;
    view.reason = reason;
    const action = checked('radio', ACTION_LABELS.rebuild) ? 'rebuild' : checked('radio', ACTION_LABELS.migrate) ? 'migrate' : null;
    view.actionSelection = { action, reason, reasons: options.slice(1).map((option) => option.name) };
  }
  if (pageName === 'confirmDeletion') view.confirmDeletion = { deletionConfirmed: checked('checkbox', CHECK_BOX) };
  if (pageName === 'obtainKeyPack') {
    const shown = facts(nodes);
    const boxes = nodes.filter((candidate) => candidate.role === 'textbox' && candidate.name.startsWith(KEY_PACK_BOX));
    view.obtainKeyPack = {
      countryRegion: shownOrNull(shown.get('Country/region')),
      telephoneNumber: shownOrNull(shown.get('Telephone number')),
      licenseServerId: shown.get('License Server ID') ?? '',
      keyPackId: boxes
        .map((box) => box.value)
        .filter(Boolean)
        .join('-'),
    };
  }
  if (pageName === 'reinstallingAdditional') {
    const choice = checked('radio', ADDITIONAL_LABELS.continue) ? 'continue' : checked('radio', ADDITIONAL_LABELS.finish) ? 'finish' : null;
    view.reinstallingAdditional = { choice };
  }
  return view;
}

/**
 * What the fake answers for every page, closed or not, read from what the screen shows: the moves
 * its controls offer, the packs reinstalled so far and the reason, where the page shows them.
 */
function shownOnAnyPage(nodes: AriaNode[]): Pick<WizardPage, 'allowed' | 'packsReinstalled' | 'reason'> {
  const enabledButtons = (Object.keys(BUTTONS) as (keyof typeof BUTTONS)[]).filter((move) => {
    const shown = node(nodes, 'button', BUTTONS[move]);
    return shown !== undefined && !shown.states.has('disabled');
  });
  const packs = paragraphAfter(nodes, WIZARD_CONTROLS.packsReinstalledShown);
  return {
    allowed: [...controlsShown(nodes), ...enabledButtons],
    packsReinstalled: packs === null ? null : Number(packs),
    reason: paragraphAfter(nodes, WIZARD_CONTROLS.reasonShown),
  };
}

/**
 * The wizard after Finish or Cancel, read from the page that follows, the server's: how it closed
 * from its status note, and the rest as on any page (no control or count of the wizard is there
 * any more, and a page that still showed one would say so). Undefined while a wizard page is on
 * the screen, or no note says the wizard closed.
 */
async function readClosedWizard(page: Page, serverName: string): Promise<WizardPage | undefined> {
  if (new URL(page.url()).pathname.endsWith('/wizard')) return undefined;
  const nodes = await ariaNodes(page.getByRole('main'));
  const outcome = nodes.map((candidate) => (candidate.role === 'status' ? CLOSING_NOTES[candidate.value] : undefined)).find(Boolean);
  if (!outcome) return undefined;
  return { serverName, page: 'closed', title: CLOSED_TITLE, ...shownOnAnyPage(nodes), outcome };
}

/**
 * One move of the wizard, whole: made on the page on the screen, then what follows read from
 * it, the wizard closed (the server's page after Finish or Cancel) or its next page. `shown` is
 * told of the page between the two, before it is read (the accessibility check of every page the
 * driver shows). A move the page refuses rejects with the Refusal, nothing read.
 */
export async function moveAndRead(
  page: Page,
  serverName: string,
  move: WizardMove,
  mode: InputMode,
  shown: (page: Page) => Promise<void>,
): Promise<WizardPage> {
  await makeMove(page, move, mode);
  await shown(page);
  return (await readClosedWizard(page, serverName)) ?? readWizardPage(page, serverName);
}

/** Makes one move on the page on the screen; the page then shown is the result (or a refusal). */
async function makeMove(page: Page, move: WizardMove, mode: InputMode): Promise<void> {
  // Read only when a move is refused: every move would otherwise pay a round trip for it.
  const notHere = async () =>
    new Refusal(
      'refused',
      'not-available-on-this-page',
      `The "${(await page.getByRole('heading', { level: 2 }).innerText()).trim()}" page offers no ${describe(move)}: it is not there or not enabled.`,
    );
  switch (move.type) {
    case 'next':
    case 'back':
    case 'cancel':
    case 'finish': {
      const target = button(page, move.type);
      if (!(await target.isEnabled())) {
        // The page says why on the disabled button (its title), in the fake's own words.
        throw new Refusal('refused', 'not-available-on-this-page', (await target.getAttribute('title')) ?? (await notHere()).reason);
      }
      await andWaitForAnswer(page, () => press(target, mode));
      break;
    }
    case 'selectAction':
    case 'chooseAdditionalPacks': {
      const label = move.type === 'selectAction' ? ACTION_LABELS[move.action] : ADDITIONAL_LABELS[move.choice];
      const radio = page.getByRole('radio', { name: label });
      if ((await radio.count()) === 0) throw await notHere();
      await andWaitForAnswer(page, () => (mode === 'keyboard' ? chooseRadioByKeyboard(page, radio) : radio.click()));
      break;
    }
    case 'selectReason': {
      const list = page.getByRole('combobox', { name: REASON_LIST });
      if ((await list.count()) === 0) throw await notHere();
      const offered = await list.getByRole('option').allInnerTexts();
      if (!offered.includes(move.reason)) {
        throw new Error(`The reason list offers no "${move.reason}", so nobody can choose it in a browser; tag the scenario @api-only`);
      }
      // By keyboard: the list takes the typed start of an option, as a closed list does on Windows.
      await andWaitForAnswer(page, () =>
        mode === 'keyboard' ? reach(page, list).then(() => page.keyboard.type(move.reason)) : list.selectOption({ label: move.reason }),
      );
      break;
    }
    case 'setDeletionConfirmed': {
      const box = page.getByRole('checkbox', { name: CHECK_BOX });
      if ((await box.count()) === 0) throw await notHere();
      if ((await box.isChecked()) === move.confirmed) return;
      await andWaitForAnswer(page, () => (mode === 'keyboard' ? reach(page, box).then(() => page.keyboard.press('Space')) : box.click()));
      break;
    }
    case 'enterKeyPackId': {
      const boxes = keyPackBoxes(page);
      if ((await boxes[0]?.count()) === 0) throw await notHere();
      const groups = groupsOf(move.keyPackId);
      for (const [index, box] of boxes.entries()) {
        if (mode === 'keyboard') {
          if (index === 0) await reach(page, box);
          await page.keyboard.press('Control+A');
          await page.keyboard.type(groups[index] ?? '');
          if (index < 6) await page.keyboard.press('Tab');
        } else await box.fill(groups[index] ?? '');
      }
      // Leaving the seven boxes hands the ID to the wizard, as a person moving on to Next does.
      await andWaitForAnswer(page, () =>
        mode === 'keyboard' ? page.keyboard.press('Tab') : (boxes[6]?.press('Tab') ?? Promise.resolve()),
      );
      break;
    }
  }
  await throwIfRefused(page);
}

/** The name of the button a move presses, if it is one of the wizard's four. */
export function buttonOf(move: WizardMove): string | undefined {
  return move.type in BUTTONS ? BUTTONS[move.type as keyof typeof BUTTONS] : undefined;
}

function button(page: Page, move: keyof typeof BUTTONS): Locator {
  return page.getByRole('button', { name: BUTTONS[move], exact: true });
}

function press(target: Locator, mode: InputMode): Promise<void> {
  return mode === 'keyboard' ? reach(target.page(), target).then(() => target.page().keyboard.press('Enter')) : target.click();
}

/**
 * A radio button by keyboard, as in any radio group: Tab reaches the group (its checked
 * button, or the first), Space chooses the focused one, an arrow key moves to the next one
 * and chooses it.
 */
async function chooseRadioByKeyboard(page: Page, radio: Locator): Promise<void> {
  const inGroup = () =>
    radio.evaluate((element) => {
      const active = element.ownerDocument.activeElement;
      return active?.getAttribute('type') === 'radio' && active.getAttribute('name') === element.getAttribute('name');
    });
  for (let presses = 0; presses < 60 && !(await inGroup()); presses += 1) await page.keyboard.press('Tab');
  if (!(await inGroup())) throw new Error(`The keyboard cannot reach the group of ${radio.toString()}`);
  if (await radio.evaluate((element) => element === element.ownerDocument.activeElement)) await page.keyboard.press('Space');
  else await page.keyboard.press('ArrowDown');
}

/**
 * Moves the focus to a control with the Tab key only, as a keyboard user does, and fails
 * if it cannot be reached that way: the proof that the page works without a mouse.
 */
export async function reach(page: Page, target: Locator): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`The keyboard cannot reach ${target.toString()}: 60 presses of Tab never focused it`);
}

function keyPackBoxes(page: Page): Locator[] {
  return Array.from({ length: 7 }, (_, index) => page.getByRole('textbox', { name: keyPackBoxName(index + 1) }));
}

/** How a person types an ID into seven boxes of five: by its groups, or five characters to a box. */
export function groupsOf(typed: string): string[] {
  const groups = /[\s-]/.test(typed.trim()) ? typed.trim().split(/[\s-]+/) : (typed.match(/.{1,5}/gu) ?? []);
  if (groups.length > 7 || groups.some((group) => [...group].length > 5)) {
    throw new Error(`"${typed.slice(0, 80)}" does not fit seven boxes of five characters; tag the scenario @api-only`);
  }
  return groups;
}

/** The moves the page's own controls offer, read from what it shows (an enabled control of each kind), not from a table of the harness's. */
function controlsShown(nodes: AriaNode[]): string[] {
  const enabled = (role: string, name: string) => {
    const shown = node(nodes, role, name);
    return shown !== undefined && !shown.states.has('disabled');
  };
  const reasonList = nodes.some(
    (candidate) => (candidate.role === 'combobox' || candidate.role === 'listbox') && candidate.name === REASON_LIST,
  );
  const keyPackBoxes = nodes.some((candidate) => candidate.role === 'textbox' && candidate.name.startsWith(KEY_PACK_BOX));
  return [
    ...(enabled('radio', ACTION_LABELS.rebuild) ? ['selectAction'] : []),
    ...(reasonList ? ['selectReason'] : []),
    ...(enabled('checkbox', CHECK_BOX) ? ['setDeletionConfirmed'] : []),
    ...(keyPackBoxes ? ['enterKeyPackId'] : []),
    ...(enabled('radio', ADDITIONAL_LABELS.continue) ? ['chooseAdditionalPacks'] : []),
  ];
}

function describe(move: WizardMove): string {
  return move.type in BUTTONS ? `${BUTTONS[move.type as keyof typeof BUTTONS]} button` : `control for ${move.type}`;
}

/**
 * Types the first `typedGroups` groups of a license key pack ID into their boxes, then pastes the
 * rest into the next box, as a person does with Ctrl+V (the page's script spreads it over the
 * boxes from there on). The ID reaches the wizard when the focus leaves the boxes.
 */
export async function pasteIntoBoxes(page: Page, keyPackId: string, typedGroups = 0): Promise<void> {
  const boxes = keyPackBoxes(page);
  const groups = keyPackId.replace(/-/g, '').match(/.{1,5}/g) ?? [];
  const target = boxes[typedGroups];
  if (!target || (await target.count()) === 0) {
    throw new Refusal('refused', 'not-available-on-this-page', 'This page has no boxes for a license key pack ID.');
  }
  for (const [index, box] of boxes.slice(0, typedGroups).entries()) await box.fill(groups[index] ?? '');
  const rest = typedGroups === 0 ? keyPackId : groups.slice(typedGroups).join('');
  await target.focus();
  // A paste event with the text on its clipboard data, dispatched on the focused box (as text:
  // this project's TypeScript has no DOM types; Playwright evaluates an expression outside the
  // page's CSP, unlike waitForFunction's polling).
  await page.evaluate(
    `(() => { const data = new DataTransfer(); data.setData('text/plain', ${JSON.stringify(rest)});
       document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); })()`,
  );
}
