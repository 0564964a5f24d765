import { addDays } from '@serviceops/kernel';
import type { CallContext } from '@serviceops/platform';
import { eventually } from '@serviceops/testing';
import { ContractStore, noticeTimerId, startOfDay } from '../src/application/contract-store';
import { ContractQueries } from '../src/application/contract-queries';
import { monthsBefore } from '../src/domain/terms/terms';
import {
  declaredMethods,
  adminOf,
  contractsDatabaseFor,
  practicePackage,
  signatureOf as sign,
} from './contracts-on-own-database';

// The contract's timers on a real database, across a restart of the service: the expiry notice is armed at
// signing, fires once (a second firing records nothing), and moves when an amendment changes the end. And two
// amendments against one version: one wins, the other is refused with 409.

const TENANT = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CUSTOMER = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const ZONE = 'America/New_York';
const call: CallContext = adminOf(TENANT, 'timers-test');

const db = contractsDatabaseFor('contracts_timers');

const app = () => db().running().app;

it('fires the expiry notice once across a restart, and moves it with an amendment of the end', async () => {
  const { timerRow, dueNow } = db();
  // The tenant's calendar is in New York (tenancy's event): the contract's days, and so its timers, are New York's.
  await db().moveTenant(TENANT, ZONE);
  const contracts = declaredMethods(app());
  const today = await app().get(ContractStore).today(TENANT);
  const end = monthsBefore(today, -2);
  const draft = await contracts.DraftContract(practicePackage(addDays(today, -10), end, CUSTOMER), call);
  await contracts.SignContract({ id: draft.id, ...sign('customer') }, call);
  const signed = await contracts.SignContract({ id: draft.id, ...sign('provider') }, call);
  expect(signed.status).toBe('active');
  const armed = await timerRow(noticeTimerId(draft.id));
  expect(armed?.due_at.toISOString()).toBe(startOfDay(monthsBefore(end, 1), ZONE).toISOString());
  expect(armed?.fired_at).toBeNull();

  const restarted = await db().restart(() => dueNow(noticeTimerId(draft.id)));
  const queries = restarted.app.get(ContractQueries);
  const notices = async () =>
    (await queries.history({ id: draft.id }, call)).entries.filter((e) => e.type === 'ExpiryNoticeSent');
  await eventually('the notice', async () => ((await notices()).length === 1 ? true : undefined));
  // The timer is marked fired after its effect commits (at least once: a crash between them fires it again).
  await eventually('the timer marked fired', async () =>
    (await timerRow(noticeTimerId(draft.id)))?.fired_at ? true : undefined,
  );

  // Fired again (a crash after the effect, a replay): nothing more for the same end.
  await dueNow(noticeTimerId(draft.id));
  await eventually('the timer fired again', async () =>
    (await timerRow(noticeTimerId(draft.id)))?.fired_at ? true : undefined,
  );
  expect(await notices()).toHaveLength(1);

  // An amendment moves the end by a month: the notice is armed again, for the new end.
  const moved = monthsBefore(end, -1);
  const contracts2 = declaredMethods(restarted.app);
  await contracts2.AmendContract({ id: draft.id, effectiveFrom: today, changes: { endDate: moved } }, call);
  await contracts2.SignAmendment({ id: draft.id, ...sign('customer') }, call);
  const amended = await contracts2.SignAmendment({ id: draft.id, ...sign('provider') }, call);
  expect(amended.terms.endDate).toBe(moved);
  const rearmed = await timerRow(noticeTimerId(draft.id));
  expect(rearmed?.due_at.toISOString()).toBe(startOfDay(monthsBefore(moved, 1), ZONE).toISOString());
  expect(rearmed?.fired_at).toBeNull();
  await dueNow(noticeTimerId(draft.id));
  await eventually('the notice for the new end', async () =>
    (await notices()).length === 2 ? true : undefined,
  );
}, 90_000);

it('two amendments against the same version: one wins, the other is refused with 409', async () => {
  const contracts = declaredMethods(app());
  const today = await app().get(ContractStore).today(TENANT);
  const draft = await contracts.DraftContract(
    practicePackage(addDays(today, -10), monthsBefore(today, -6), CUSTOMER),
    call,
  );
  await contracts.SignContract({ id: draft.id, ...sign('customer') }, call);
  const signed = await contracts.SignContract({ id: draft.id, ...sign('provider') }, call);
  const amend = (visits: number) =>
    contracts.AmendContract(
      {
        id: draft.id,
        expectedVersion: signed.version,
        effectiveFrom: today,
        changes: { visitsPerYear: visits },
      },
      call,
    );
  const results = await Promise.allSettled([amend(4), amend(6)]);
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(refused?.reason).toMatchObject({
    code: expect.stringMatching(
      /^(EVENTSTORE\.WRONG_EXPECTED_VERSION|CONTRACTS\.AMENDMENT_CONFLICT)$/,
    ) as string,
  });
  // A third, with the version it saw, is stale as well.
  await expect(amend(8)).rejects.toMatchObject({ code: 'EVENTSTORE.WRONG_EXPECTED_VERSION' });
}, 60_000);

it('expires a contract not renewed by its end (the end timer), after one notice', async () => {
  const contracts = declaredMethods(app());
  const queries = app().get(ContractQueries);
  const today = await app().get(ContractStore).today(TENANT);
  const draft = await contracts.DraftContract(
    practicePackage(addDays(today, -60), addDays(today, -1), CUSTOMER),
    call,
  );
  await contracts.SignContract({ id: draft.id, ...sign('customer') }, call);
  await contracts.SignContract({ id: draft.id, ...sign('provider') }, call);
  const expired = await eventually('the contract expired', async () => {
    const contract = await queries.get({ id: draft.id }, call);
    return contract.status === 'expired' ? contract : undefined;
  });
  expect(expired.status).toBe('expired');
  const types = (await queries.history({ id: draft.id }, call)).entries.map((e) => e.type);
  expect(types.filter((t) => t === 'ExpiryNoticeSent')).toHaveLength(1);
  expect(types.filter((t) => t === 'ContractExpired')).toHaveLength(1);
}, 60_000);
