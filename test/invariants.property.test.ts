/**
 * Random use of the fake against a simple model of what the procedure promises: 10,000
 * random sequences of wizard moves, Clearinghouse calls, key pack entries, cancels and
 * callers. After every action: available <= total; no CAL between the deletion and the
 * first reinstall; each license key pack ID installs at most once; a refused action
 * changes nothing; the event log is exactly what happened.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { PasswordHasher } from '../fake-server/domain/accounts';
import { DomainError } from '../fake-server/domain/errors';
import { WizardEvent } from '../fake-server/domain/wizard';
import { FakeEnvironment, createEnvironment } from '../fake-server/environment';
import { EnvironmentImages } from '../fake-server/persistence/open-databases';
import { ADMIN, FIXTURE, STANDARD_USER, TO_OBTAIN_PAGE } from './helpers/http-fake';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 10_000);
const SERVER = 'LS-CONTOSO';
const CALLERS = { admin: ADMIN, user: STANDARD_USER, nobody: { userName: ADMIN.userName, password: 'wrong' } } as const;
type CallerKind = keyof typeof CALLERS;
const PURCHASES = (FIXTURE.purchases ?? []).map((purchase) => purchase.information);

type Action =
  | { kind: 'open'; caller: CallerKind }
  | { kind: 'move'; caller: CallerKind; event: WizardEvent }
  | { kind: 'call'; purchase: number; mistypedServerId: boolean }
  | { kind: 'enter'; which: 'latest' | 'first' | 'typo' | 'foreign' | 'two' }
  | { kind: 'method'; caller: CallerKind; method: 'telephone' | 'webBrowser' };

const caller = fc.constantFrom<CallerKind>('admin', 'admin', 'admin', 'user', 'nobody');
const event: fc.Arbitrary<WizardEvent> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<WizardEvent>({ type: 'next' }) },
  { weight: 1, arbitrary: fc.constant<WizardEvent>({ type: 'back' }) },
  { weight: 1, arbitrary: fc.constant<WizardEvent>({ type: 'cancel' }) },
  { weight: 1, arbitrary: fc.constant<WizardEvent>({ type: 'finish' }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<WizardEvent>({ type: 'selectAction', action: 'rebuild' }, { type: 'selectAction', action: 'migrate' }),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<WizardEvent>({ type: 'selectReason', reason: 'Other' }, { type: 'selectReason', reason: 'Nope' }),
  },
  { weight: 2, arbitrary: fc.boolean().map<WizardEvent>((confirmed) => ({ type: 'setDeletionConfirmed', confirmed })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<WizardEvent>(
      { type: 'chooseAdditionalPacks', choice: 'continue' },
      { type: 'chooseAdditionalPacks', choice: 'finish' },
    ),
  },
);
const primitive: fc.Arbitrary<Action> = fc.oneof(
  { weight: 1, arbitrary: caller.map<Action>((who) => ({ kind: 'open', caller: who })) },
  { weight: 8, arbitrary: fc.record({ caller, event }).map<Action>((move) => ({ kind: 'move', ...move })) },
  {
    weight: 3,
    arbitrary: fc
      .record({ purchase: fc.nat(PURCHASES.length - 1), mistypedServerId: fc.boolean() })
      .map<Action>((call) => ({ kind: 'call', ...call })),
  },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom('latest', 'latest', 'first', 'typo', 'foreign', 'two')
      .map<Action>((which) => ({ kind: 'enter', which }) as Action),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ caller, method: fc.constantFrom<'telephone' | 'webBrowser'>('telephone', 'webBrowser') })
      .map<Action>((m) => ({ kind: 'method', ...m })),
  },
);
/**
 * Typical runs of the procedure, as several primitive actions in a row, so that sequences
 * often get as far as a second or third pack: a correct call then an entry of any kind,
 * and the choice to continue with another pack.
 */
const pack: fc.Arbitrary<Action[]> = fc
  .record({
    purchase: fc.nat(PURCHASES.length - 1),
    which: fc.constantFrom<'latest' | 'first' | 'typo' | 'foreign' | 'two'>(
      'latest',
      'latest',
      'latest',
      'first',
      'typo',
      'foreign',
      'two',
    ),
  })
  .map(({ purchase, which }) => [
    { kind: 'call', purchase, mistypedServerId: false },
    { kind: 'enter', which },
  ]);
const continueWithAnother: Action[] = [
  { kind: 'move', caller: 'admin', event: { type: 'chooseAdditionalPacks', choice: 'continue' } },
  { kind: 'move', caller: 'admin', event: { type: 'next' } },
];
const action: fc.Arbitrary<Action[]> = fc.oneof(
  { weight: 6, arbitrary: primitive.map((single) => [single]) },
  { weight: 2, arbitrary: pack },
  { weight: 1, arbitrary: fc.constant(continueWithAnother) },
);

/** Half the sequences start with a correct walk to the Obtain Client License Key Pack page, so deep pages are reached often. */
const WALK: Action[] = [
  { kind: 'open', caller: 'admin' },
  ...(TO_OBTAIN_PAGE as WizardEvent[]).map<Action>((move) => ({ kind: 'move', caller: 'admin', event: move })),
];
const sequence = fc
  .tuple(fc.boolean(), fc.array(action, { maxLength: 8 }))
  .map(([walk, groups]) => [...(walk ? WALK : []), ...groups.flat()]);

interface Model {
  /** purchase number -> total CALs expected in the database */
  packs: Map<number, number>;
  issued: number;
  events: number[];
  awaitingFirstReinstall: boolean;
}

function mistype(id: string): string {
  const index = 8;
  return id.slice(0, index) + (id[index] === 'A' ? 'B' : 'A') + id.slice(index + 1);
}

async function check(images: EnvironmentImages, hasher: PasswordHasher, foreignId: string, actions: Action[]): Promise<void> {
  const environment: FakeEnvironment = await createEnvironment({ images, hasher });
  try {
    const { manager, clearinghouse } = environment;
    const admin = manager.signIn(SERVER, ADMIN);
    const serverId = manager.properties(admin).licenseServerId ?? '';
    const start = environment.inspect(SERVER);
    const model: Model = {
      packs: new Map(start.keyPacks.map((pack) => [pack.purchaseNumber, pack.totalLicenses])),
      issued: start.issuedCals.length,
      events: environment.snapshot(SERVER).events.map((entry) => entry.eventId),
      awaitingFirstReinstall: false,
    };
    const granted: string[] = [];
    const state = () => JSON.stringify([environment.snapshot(SERVER), environment.issuances()]);
    const page = () => {
      try {
        return manager.wizardView(admin);
      } catch {
        return undefined;
      }
    };

    for (const step of actions) {
      const before = state();
      const pageBefore = page();
      let refused = false;
      try {
        switch (step.kind) {
          case 'open':
            manager.openWizard(manager.signIn(SERVER, CALLERS[step.caller]));
            break;
          case 'method':
            manager.setConnectionMethod(manager.signIn(SERVER, CALLERS[step.caller]), step.method);
            break;
          case 'call': {
            const answer = clearinghouse.call({
              dialledNumber: '+1 555 0100',
              licenseServerId: step.mistypedServerId ? mistype(serverId) : serverId,
              information: PURCHASES[step.purchase] ?? { program: 'select', agreementNumber: '0000000' },
            });
            granted.push(answer.licenseKeyPackId);
            break;
          }
          case 'enter': {
            const latest = granted.at(-1) ?? '';
            const typed = { latest, first: granted[0] ?? '', typo: mistype(latest), foreign: foreignId, two: `${latest} ${latest}` }[
              step.which
            ];
            manager.actOnWizard(admin, { type: 'enterKeyPackId', keyPackId: typed });
            const after = manager.actOnWizard(admin, { type: 'next' });
            // Typing is a change of its own; only the Next that follows is judged here.
            if (after.page !== 'reinstallingAdditional') throw new Error('unreachable');
            const { purchase } = clearinghouse.lookUpKeyPackId(typed);
            model.packs.set(purchase.purchaseNumber, purchase.quantity);
            model.events.push(9001);
            model.awaitingFirstReinstall = false;
            break;
          }
          case 'move': {
            const after = manager.actOnWizard(manager.signIn(SERVER, CALLERS[step.caller]), step.event);
            if (pageBefore?.page === 'confirmDeletion' && after.page === 'reinstallingCals') {
              model.events.push(...deletionEvents(before));
              model.packs.clear();
              model.issued = 0;
              model.awaitingFirstReinstall = true;
            }
            if (step.event.type === 'finish') model.events.push(88);
            if (step.event.type === 'cancel' && pageBefore?.packsReinstalled !== null) model.events.push(9002);
            break;
          }
        }
      } catch (error) {
        // A refusal is a named domain error; anything else (a constraint violation, a bug) fails the property.
        if (!(error instanceof DomainError)) throw error;
        refused = true;
      }
      if (refused && step.kind !== 'enter') assert.equal(state(), before, `refused ${JSON.stringify(step)} changed something`);
      assertInvariants(environment, model, step);
    }
  } finally {
    environment.close();
  }
}

/** Event 26 once per (product, CAL type) group that the deletion removed, read from the state before it. */
function deletionEvents(before: string): number[] {
  const [snapshot] = JSON.parse(before) as [{ database: { keyPacks: { productVersionId: number; calType: string }[] } }];
  const groups = new Set(snapshot.database.keyPacks.map((pack) => `${pack.productVersionId}|${pack.calType}`));
  return [...groups].map(() => 26);
}

function assertInvariants(environment: FakeEnvironment, model: Model, step: Action): void {
  const { keyPacks, issuedCals } = environment.inspect(SERVER);
  const context = JSON.stringify(step);
  for (const pack of keyPacks) assert.ok(pack.issuedLicenses <= pack.totalLicenses, `available < 0 after ${context}`);
  if (model.awaitingFirstReinstall)
    assert.equal(keyPacks.length + issuedCals.length, 0, `CALs appeared before the first reinstall after ${context}`);
  const ids = keyPacks.map((pack) => pack.licenseKeyPackId);
  assert.equal(new Set(ids).size, ids.length, `a key pack ID is installed twice after ${context}`);
  const events = environment.snapshot(SERVER).events;
  const reinstalledIds = events.filter((entry) => entry.eventId === 9001).map((entry) => entry.licenseKeyPackId);
  assert.equal(new Set(reinstalledIds).size, reinstalledIds.length, `a key pack ID was reinstalled twice after ${context}`);
  assert.deepEqual(
    events.map((entry) => entry.eventId),
    model.events,
    `event log differs from what happened after ${context}`,
  );
  assert.deepEqual(
    new Map(keyPacks.map((pack) => [pack.purchaseNumber, pack.totalLicenses])),
    model.packs,
    `packs differ from the model after ${context}`,
  );
  assert.equal(issuedCals.length, model.issued, `issued CALs differ from the model after ${context}`);
}

describe('invariants under random use', () => {
  let images: EnvironmentImages;
  let foreignId: string;
  const hasher = new PasswordHasher();

  before(async () => {
    const base = await createEnvironment({ fixture: FIXTURE, hasher });
    foreignId = base.clearinghouse.call({
      dialledNumber: '+49 30 23125 001',
      licenseServerId: base.manager.properties(base.manager.signIn('LS-FABRIKAM', ADMIN)).licenseServerId ?? '',
      information: { program: 'select', agreementNumber: '5550123' },
    }).licenseKeyPackId;
    images = base.images();
    base.close();
  });

  it(`holds over ${RUNS} random sequences`, async (t) => {
    let actions = 0;
    await fc.assert(
      fc.asyncProperty(sequence, async (steps) => {
        actions += steps.length;
        await check(images, hasher, foreignId, steps);
      }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261128) },
    );
    t.diagnostic(`sequences run: ${RUNS}, actions checked: ${actions}`);
  });
});
