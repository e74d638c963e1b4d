/**
 * The Clearinghouse's form in the browser, as the representative on the telephone works it:
 * its telephone numbers read from their table, a call typed into the form (what the caller
 * says, field by field, with the mouse or the keyboard only), a question about a license key
 * pack ID, and the key pack the representative reads out. The browser driver finds the page
 * and posts the form (support/browser/browser-driver.ts); this file knows what is on it.
 */
import type { Page } from 'playwright-core';
import { GrantedKeyPack, TelephoneCall } from '../seams/person-and-harness';
import { CAL_TYPE_LABELS, PROGRAM_LABELS, valueOf } from '../words/page-labels';
import { tableFacts } from './page-reading';
import { InputMode, reach } from './wizard-screen';

/** Where the Clearinghouse's page is. */
export const CLEARINGHOUSE_PATH = '/clearinghouse';

/** The Clearinghouse's telephone numbers by country or region, as its table lists them. */
export async function telephoneNumbersShown(page: Page): Promise<Record<string, string>> {
  // The first row is the table's header.
  return Object.fromEntries([...(await tableFacts(page, 'Clearinghouse telephone numbers'))].slice(1));
}

/** Types what the caller says into the call form, field by field; nothing is posted yet (see pressCall). */
export async function fillInCall(page: Page, call: TelephoneCall, mode: InputMode): Promise<void> {
  const { information } = call;
  const keyboard = mode === 'keyboard';
  const type = async (label: string, text: string) => {
    const field = page.getByLabel(label);
    if (keyboard) await reach(page, field).then(() => page.keyboard.type(text));
    else await field.fill(text);
  };
  const choose = async (label: string, option: string) => {
    const list = page.getByLabel(label);
    if (keyboard) await reach(page, list).then(() => page.keyboard.type(option));
    else await list.selectOption({ label: option });
  };
  await type('Number dialled', call.dialledNumber);
  await type('License Server ID', call.licenseServerId);
  await choose('Licensing program', PROGRAM_LABELS[information.program]);
  if (information.program === 'retail') await type('License code', information.licenseCode);
  else if (information.program === 'openLicense') {
    await type('License number', information.licenseNumber);
    await type('Authorization number', information.authorizationNumber);
  } else await type('Agreement number', information.agreementNumber);
  if (call.productVersion !== undefined) await choose('Product version', call.productVersion);
  if (call.calType !== undefined) await choose('CAL type', CAL_TYPE_LABELS[call.calType]);
}

/** Presses Call (Enter on it, with the keyboard only): the form is posted. */
export async function pressCall(page: Page, mode: InputMode): Promise<void> {
  const callButton = page.getByRole('button', { name: 'Call' });
  if (mode === 'keyboard') await reach(page, callButton).then(() => page.keyboard.press('Enter'));
  else await callButton.click();
}

/** Types a license key pack ID into the question form; pressAsk posts it. */
export async function fillInQuestion(page: Page, licenseKeyPackId: string): Promise<void> {
  await page.getByLabel('License key pack ID').fill(licenseKeyPackId);
}

export async function pressAsk(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Ask' }).click();
}

/** The Clearinghouse's page about one license key pack, as the representative reads it out. */
export async function keyPackShown(page: Page): Promise<GrantedKeyPack & { licenseServerId: string }> {
  const facts = await tableFacts(page, 'License key pack');
  return {
    licenseKeyPackId: facts.get('License key pack ID') ?? '',
    licenseServerId: facts.get('License Server ID') ?? '',
    purchaseNumber: Number(facts.get('Purchase')),
    productVersion: facts.get('Product version') ?? '',
    calType: valueOf(CAL_TYPE_LABELS, facts.get('CAL type') ?? ''),
    quantity: Number(facts.get('Number of CALs')),
  };
}
