import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { InvalidInputError, RefusedError } from '../fake-server/domain/errors';
import { FakeEnvironment, createEnvironment } from '../fake-server/environment';

const ENTERPRISE = { program: 'enterpriseAgreement', agreementNumber: '4271956' } as const;

describe('Clearinghouse on the telephone', () => {
  let environment: FakeEnvironment;
  let serverId: string;

  before(async () => {
    environment = await createEnvironment({
      fixture: {
        licenseServers: [
          { name: 'LS-A', countryRegion: 'United States' },
          { name: 'LS-B', countryRegion: 'Germany' },
        ],
        purchases: [
          { information: ENTERPRISE, productVersion: 'Windows Server 2022', calType: 'perUser', quantity: 250 },
          {
            information: { program: 'select', agreementNumber: '5550123' },
            productVersion: 'Windows Server 2019',
            calType: 'perDevice',
            quantity: 40,
          },
          {
            information: { program: 'select', agreementNumber: '5550123' },
            productVersion: 'Windows Server 2022',
            calType: 'perUser',
            quantity: 10,
          },
        ],
      },
    });
    serverId = environment.snapshot('LS-A').server.licenseServerId ?? '';
  });

  const call = (overrides: object = {}) =>
    environment.clearinghouse.call({ dialledNumber: '+1 555 0100', licenseServerId: serverId, information: ENTERPRISE, ...overrides });

  it('issues a key pack ID for the whole purchase and registers it to the server', () => {
    const granted = call();
    assert.equal(granted.quantity, 250);
    assert.match(granted.licenseKeyPackId, /^[0-9A-Z]{35}$/);
    const record = environment.purchaseRecords().find((purchase) => purchase.purchaseNumber === granted.purchaseNumber);
    assert.equal(record?.registeredTo, serverId);
    assert.equal(environment.clearinghouse.lookUpKeyPackId(granted.licenseKeyPackId).issuance.licenseServerId, serverId);
  });

  it('gives a fresh ID on every call', () => {
    assert.notEqual(call().licenseKeyPackId, call().licenseKeyPackId);
  });

  it('refuses a number that is not a Clearinghouse line, and the line of another country', () => {
    assert.throws(
      () => call({ dialledNumber: '+1 555 0199' }),
      (error: unknown) => error instanceof RefusedError && error.code === 'not-a-clearinghouse-number',
    );
    assert.throws(
      () => call({ dialledNumber: '+49 30 23125 001' }),
      (error: unknown) => error instanceof RefusedError && error.code === 'wrong-country-line',
    );
  });

  it('refuses a mistyped License Server ID and malformed program information', () => {
    const typo = serverId.replace(/^./, (first) => (first === 'A' ? 'B' : 'A'));
    assert.throws(() => call({ licenseServerId: typo }), InvalidInputError);
    assert.throws(
      () => call({ information: { program: 'openLicense', licenseNumber: '123', authorizationNumber: 'X' } }),
      InvalidInputError,
    );
  });

  it('refuses unknown purchases and asks to disambiguate several', () => {
    assert.throws(
      () => call({ information: { ...ENTERPRISE, agreementNumber: '4271957' } }),
      (error: unknown) => error instanceof RefusedError && error.code === 'no-matching-purchase',
    );
    const select = { program: 'select', agreementNumber: '5550123' };
    assert.throws(
      () => call({ information: select }),
      (error: unknown) => error instanceof RefusedError && error.code === 'several-purchases-match',
    );
    assert.equal(call({ information: select, productVersionId: 6, calType: 'perDevice' }).quantity, 40);
  });

  it('does not reissue CALs registered to another server', () => {
    const otherId = environment.snapshot('LS-B').server.licenseServerId ?? '';
    assert.throws(
      () => call({ dialledNumber: '+49 30 23125 001', licenseServerId: otherId }),
      (error: unknown) => error instanceof RefusedError && error.code === 'registered-to-another-server',
    );
  });

  it('refuses, when seeded directly, a purchase of no CALs or of part of one (the domain does not lean on the request schema)', async () => {
    for (const quantity of [0, -1, 2.5]) {
      await assert.rejects(
        createEnvironment({
          fixture: { purchases: [{ information: ENTERPRISE, productVersion: 'Windows Server 2022', calType: 'perUser', quantity }] },
        }),
        (error: unknown) =>
          error instanceof InvalidInputError &&
          error.code === 'invalid-quantity' &&
          error.message === 'A purchase needs a whole number of CALs, at least 1.',
        `a purchase of ${quantity} CALs`,
      );
    }
  });
});
