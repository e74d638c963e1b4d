/** The demo world (`npm start`'s fixture) and the first moves on its console, for the checks that drive the pages themselves. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EnvironmentFixture } from '../../fake-server/domain/seeding';
import { environmentFixture } from '../../fake-server/http/schemas';

export const DEMO: EnvironmentFixture = environmentFixture.parse(
  JSON.parse(readFileSync(join(__dirname, '../../fake-server/fixtures/demo.json'), 'utf8')),
);

/** The demo world with every server on the Telephone connection method, ready for a rebuild by telephone. */
export const DEMO_BY_TELEPHONE: EnvironmentFixture = {
  ...DEMO,
  licenseServers: DEMO.licenseServers?.map((server) => ({ ...server, connectionMethod: 'telephone' as const })),
};

/** Signs in as the demo's administrator and opens the Manage RDS CALs Wizard on LS-CONTOSO (scripts on). */
export async function openDemoWizard(page: Page): Promise<void> {
  await page.getByLabel('User name').fill('administrator');
  await page.getByLabel('Password').fill('demo-Admin-1');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('link', { name: 'LS-CONTOSO' }).click();
  await page.getByText('Action', { exact: true }).click();
  await page.getByRole('button', { name: 'Manage RDS CALs' }).click();
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
}
