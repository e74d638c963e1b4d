/** Givens that describe the world before the procedure starts. */
import { DataTable, Given } from '@cucumber/cucumber';
import { ConnectionMethod } from '../support/seams/person-and-harness';
import { calTypeOf, programInformationOf } from '../support/words/purchase-references';
import { LOCAL_GROUPS } from '../support/glue/personas';
import { LicensingWorld, PERSONAS } from '../support/glue/world';

const ACCOUNTS = Object.values(PERSONAS).map((persona) => ({ ...persona, groups: [...persona.groups] }));
const PERSONA_SERVER = { accounts: ACCOUNTS, localGroups: LOCAL_GROUPS };

Given('the license server {string} was activated for {string}', async function (this: LicensingWorld, name: string, countryRegion: string) {
  await this.harness.seed({ licenseServers: [{ name, countryRegion, ...PERSONA_SERVER }] });
  this.serverName = name;
});

/** A second server beside the one the scenario is about, which stays "it". */
Given(
  'another license server {string} was activated for {string}',
  async function (this: LicensingWorld, name: string, countryRegion: string) {
    await this.harness.seed({ licenseServers: [{ name, countryRegion, ...PERSONA_SERVER }] });
  },
);

Given('the license server {string} has not been activated', async function (this: LicensingWorld, name: string) {
  await this.harness.seed({ licenseServers: [{ name, activated: false, ...PERSONA_SERVER }] });
  this.serverName = name;
});

Given('its connection method is {connectionMethod}', async function (this: LicensingWorld, method: ConnectionMethod) {
  await this.person.setConnectionMethod(this.serverName, method);
});

Given('its RD Licensing database holds these RDS CAL packs:', async function (this: LicensingWorld, table: DataTable) {
  await seedPurchases(this, table, this.serverName);
});

Given('these purchases are on record but not installed:', async function (this: LicensingWorld, table: DataTable) {
  await seedPurchases(this, table, null);
});

async function seedPurchases(world: LicensingWorld, table: DataTable, installedOn: string | null): Promise<void> {
  const rows = table.hashes().map((row) => ({
    purchase: {
      reference: row.purchase ?? '',
      information: programInformationOf(row.purchase ?? ''),
      productVersion: row['product version'] ?? '',
      calType: calTypeOf(row['CAL type'] ?? ''),
      quantity: Number(row.CALs),
      installedOn,
    },
    issued: Number(row.issued ?? 0),
  }));
  await world.harness.seed({
    purchases: rows.map(({ purchase: { information, productVersion, calType, quantity, installedOn: server }, issued }) => {
      const rest = { information, productVersion, calType, quantity };
      return server === null ? rest : { ...rest, installedOn: server, issuedCals: issued };
    }),
  });
  for (const { purchase } of rows) world.ledger.describe(purchase);
}
