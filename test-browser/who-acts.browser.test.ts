/**
 * The browser profile's two drivers as the glue composes them (support/glue/who-acts.ts), on a
 * real fake and a real Chromium: a Given's verb goes over the API, a When's or Then's on the
 * pages, and a page drawn before a Given changed the fake is not read as it stands afterwards
 * (the browser driver counts the API's changes: "what the API moved is on no screen").
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FakeApi } from '../support/api/fake-api';
import { ApiHarness } from '../support/api/harness-control';
import { HttpDriver } from '../support/api/http-driver';
import { BrowserDriver } from '../support/browser/browser-driver';
import { allContexts, closeWorkerBrowser, contextFor, workerBrowser } from '../support/browser/session';
import { RunningFake, startFake } from '../support/fake/fake-under-test';
import { PERSONAS } from '../support/glue/personas';
import { whoActs } from '../support/glue/who-acts';
import { PersonVerbs } from '../support/seams/person-and-harness';

const SERVER = 'LS-WHO-ACTS';

describe('who acts, on a real fake and a real browser', () => {
  let fake: RunningFake;
  let api: FakeApi;
  let pages: BrowserDriver;
  let person: PersonVerbs;
  let stepType = 'Context';

  before(async () => {
    fake = await startFake();
    api = new FakeApi(fake.baseUrl);
    const harness = new ApiHarness(api);
    pages = new BrowserDriver(api, { browser: workerBrowser, contextFor, allContexts, onPage: () => Promise.resolve() });
    person = whoActs({ overApi: new HttpDriver(api), onPages: pages, settingUp: () => stepType === 'Context' });
    await harness.startScenario();
    await pages.startScenario();
    const { administrator } = PERSONAS;
    await harness.seed({
      licenseServers: [
        {
          name: SERVER,
          activated: true,
          countryRegion: 'United States',
          connectionMethod: 'automatic',
          accounts: [{ ...administrator, groups: [...administrator.groups] }],
        },
      ],
    });
    person.actAs(administrator);
  });

  after(async () => {
    await pages?.endScenario();
    await closeWorkerBrowser();
    await fake?.stop();
  });

  /** The requests this test made over the API since the given count, as "METHOD path". */
  const overApiSince = (count: number) =>
    api.exchanges.slice(count).map((exchange) => `${exchange.method.toUpperCase()} ${exchange.route}`);

  it('reads on the pages in a Then, changes over the API in a Given, and reads the change on the pages afterwards', async () => {
    stepType = 'Outcome';
    let requests = api.exchanges.length;
    assert.equal((await person.licenseServer(SERVER)).connectionMethod, 'automatic');
    assert.deepEqual(overApiSince(requests), [], 'a Then read the server over the API, not on its page');

    stepType = 'Context';
    requests = api.exchanges.length;
    await person.setConnectionMethod(SERVER, 'telephone');
    assert.deepEqual(
      overApiSince(requests).filter((request) => request.startsWith('PUT ')),
      [`PUT /license-servers/${SERVER}/connection-method`],
      'a Given did not set the connection method over the API',
    );

    stepType = 'Outcome';
    requests = api.exchanges.length;
    assert.equal(
      (await person.licenseServer(SERVER)).connectionMethod,
      'telephone',
      'the page drawn before the Given was read as it stood',
    );
    assert.deepEqual(overApiSince(requests), [], 'a Then read the server over the API, not on its page');
  });
});
