/** Steps 1 and 2: RD Licensing Manager and the server's Properties. */
import { Then, When } from '@cucumber/cucumber';
import { expect } from 'chai';
import { ConnectionMethod } from '../support/seams/person-and-harness';
import { LicensingWorld, Persona } from '../support/glue/world';

When('the administrator opens Remote Desktop Licensing Manager', async function (this: LicensingWorld) {
  this.listedServers = await this.person.listLicenseServers();
});

When('{persona} tries to open Remote Desktop Licensing Manager', async function (this: LicensingWorld, persona: Persona) {
  this.actAs(persona);
  await this.attempt(() => this.person.listLicenseServers());
});

Then('the manager lists {string} as activated', function (this: LicensingWorld, name: string) {
  expect(this.listedServers.find((server) => server.name === name)).to.include({ name, activated: true });
});

Then('the manager lists {string} as not activated', function (this: LicensingWorld, name: string) {
  expect(this.listedServers.find((server) => server.name === name)).to.include({ name, activated: false, licenseServerId: null });
});

Then('its License Server ID is shown as 7 groups of 5 letters and digits', function (this: LicensingWorld) {
  const server = this.listedServers.find((candidate) => candidate.name === this.serverName);
  expect(server?.licenseServerId).to.match(/^(?:[0-9A-Z]{5}-){6}[0-9A-Z]{5}$/);
});

When('the administrator sets the connection method to {connectionMethod}', async function (this: LicensingWorld, method: ConnectionMethod) {
  await this.person.setConnectionMethod(this.serverName, method);
});

When(
  '{persona} tries to set the connection method to {connectionMethod}',
  async function (this: LicensingWorld, persona: Persona, method: ConnectionMethod) {
    this.actAs(persona);
    await this.attempt(() => this.person.setConnectionMethod(this.serverName, method));
  },
);

When('the administrator tries to set the connection method to {string}', async function (this: LicensingWorld, method: string) {
  await this.attempt(() => this.person.setConnectionMethod(this.serverName, method as ConnectionMethod));
});

Then(
  'the Properties of the license server show the connection method {connectionMethod}',
  async function (this: LicensingWorld, method: ConnectionMethod) {
    expect(await this.person.connectionMethodInProperties(this.serverName), 'what Properties show').to.equal(method);
    expect((await this.person.licenseServer(this.serverName)).connectionMethod, "what the server's page shows").to.equal(method);
  },
);

Then('RD Licensing Manager lists only {string}', async function (this: LicensingWorld, name: string) {
  expect((await this.person.listLicenseServers()).map((server) => server.name)).to.deep.equal([name]);
});
