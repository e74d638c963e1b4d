/**
 * The ledger (what a scenario said) and the observations (what the fake answered) kept apart:
 * a purchase is found as a person reads it, and an observation cannot be the expected side of
 * a check (the @ts-expect-error lines below fail the typecheck the day that becomes possible).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Ledger } from '../support/glue/ledger';
import { Observations } from '../support/glue/observations';
import { programInformationOf } from '../support/words/purchase-references';

const RETAIL = 'License Pack (Retail Purchase) 7QK2M-9RD4X-H8TB3-LC6WP-N5FJ4';
const AGREEMENT = 'Enterprise Agreement 4271956';

function ledgerOf(...rows: [string, string, 'perDevice' | 'perUser', number][]): Ledger {
  const ledger = new Ledger();
  for (const [reference, productVersion, calType, quantity] of rows) {
    ledger.describe({ reference, information: programInformationOf(reference), productVersion, calType, quantity, installedOn: null });
  }
  return ledger;
}

describe('the ledger of what a scenario said', () => {
  it('finds a purchase written as a person reads it: case, spaces and hyphens do not matter', () => {
    const ledger = ledgerOf([RETAIL, 'Windows Server 2022', 'perDevice', 20]);
    assert.equal(ledger.find('License Pack (Retail Purchase) 7qk2m 9rd4x h8tb3 lc6wp n5fj4')?.reference, RETAIL);
    assert.equal(ledger.find('License Pack (Retail Purchase) 7QK2M-9RD4X-H8TB3-LC6WP-N5FJ5'), undefined);
    assert.throws(() => ledger.purchase('Enterprise Agreement 1234567'), /has not described the purchase "Enterprise Agreement 1234567"/);
  });

  it('tells two purchases under one agreement apart by product version and CAL type, in either form', () => {
    const ledger = ledgerOf([AGREEMENT, 'Windows Server 2022', 'perUser', 250], [AGREEMENT, 'Windows Server 2019', 'perDevice', 60]);
    assert.throws(() => ledger.find(AGREEMENT), /Several purchases of the scenario share "Enterprise Agreement 4271956"/);
    const byColumns = ledger.find(AGREEMENT, { productVersion: 'Windows Server 2019', calType: 'perDevice' });
    const compound = ledger.find(`${AGREEMENT}, Windows Server 2019, Per Device`);
    assert.equal(byColumns?.quantity, 60);
    assert.equal(compound, byColumns);
    assert.equal(byColumns && ledger.nameOf(byColumns), `${AGREEMENT}, Windows Server 2019, Per Device`);
    assert.throws(
      () => ledgerOf([AGREEMENT, 'Windows Server 2022', 'perUser', 250], [AGREEMENT, 'Windows Server 2022', 'perUser', 9]),
      /twice/,
    );
  });

  it('identifies a stored pack by its purchase record, not by what the scenario called about', () => {
    const other = 'License Pack (Retail Purchase) NVEZ2-GG4YT-TKJGN-A16ZF-TITWW';
    const ledger = ledgerOf([RETAIL, 'Windows Server 2022', 'perDevice', 20], [other, 'Windows Server 2022', 'perDevice', 20]);
    const record = { purchaseNumber: 2, information: { program: 'retail' as const, licenseCode: 'NVEZ2GG4YTTKJGNA16ZFTITWW' } };
    const pack = { purchaseNumber: 2, productVersion: 'Windows Server 2022', calType: 'perDevice' as const };
    const identified = ledger.identifyPack(pack as never, [
      { ...record, productVersionId: 7, calType: 'perDevice', quantity: 20, registeredTo: null },
    ]);
    assert.equal(identified?.reference, other);
  });

  it('takes no observation as what the scenario said', () => {
    const ledger = ledgerOf([RETAIL, 'Windows Server 2022', 'perDevice', 20]);
    const observations = new Observations();
    const given = observations.keyPackGiven(
      { licenseKeyPackId: 'X', purchaseNumber: 1, productVersion: 'Windows Server 2022', calType: 'perDevice', quantity: 20 },
      ledger.find(RETAIL),
    );
    const looksLikeAPurchase = { ...given, reference: RETAIL, information: programInformationOf(RETAIL), installedOn: null };
    // @ts-expect-error an observation cannot be described into the ledger
    assert.throws(() => ledger.describe(looksLikeAPurchase), /twice/);
    // @ts-expect-error an observation is not a purchase the scenario named
    assert.equal(ledger.nameOf(looksLikeAPurchase), RETAIL);
  });
});
