import { randomBytes } from 'node:crypto';
import { PostgresEventStore } from '@serviceops/eventstore';
import { addDays, defaultBusinessCalendar } from '@serviceops/kernel';
import { runService, type CallContext, type RunningService } from '@serviceops/platform';
import { databaseUrl, eventually, newInternalKeyPair, uniqueName } from '@serviceops/testing';
import { Client } from 'pg';
import { ContractStore, noticeTimerId, startOfDay } from '../src/application/contract-store';
import { ContractHandlers } from '../src/application/contract.handlers';
import { ContractQueries } from '../src/application/contract-queries';
import { contractsService } from '../src/contracts.service-definition';
import { monthsBefore } from '../src/domain/terms/terms';
import { dropDatabase } from '@serviceops/platform/testing';

// The contract's timers on a real database, across a restart of the service: the expiry notice is armed at
// signing, fires once (a second firing records nothing), and moves when an amendment changes the end. And two
// amendments against one version: one wins, the other is refused with 409.

const database = uniqueName('contracts_timers');
const url = (() => {
  const u = new URL(databaseUrl());
  u.pathname = `/${database}`;
  return u.toString();
})();
const keys = newInternalKeyPair();
/** One key across the restart, as a deployment keeps it. */
const masterKey = randomBytes(32).toString('base64');
const TENANT = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const ZONE = 'America/New_York';
const call: CallContext = {
  tenantId: TENANT,
  actorId: '1f2e3d4c-5b6a-4789-8a9b-0c1d2e3f4a5b',
  roles: ['admin'],
  correlationId: 'timers-test',
};

async function onServer(sql: string, target = databaseUrl()): Promise<{ rows: Record<string, unknown>[] }> {
  const client = new Client({ connectionString: target });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

function boot(): Promise<RunningService> {
  return runService(contractsService, {
    DATABASE_URL: url,
    GRPC_PORT: '0',
    HTTP_PORT: '0',
    LOG_LEVEL: 'silent',
    INTERNAL_TOKEN_PUBLIC_KEYS: keys.publicKey,
    MASTER_KEY: masterKey,
  });
}

let running: RunningService | undefined;

beforeAll(async () => {
  await onServer(`CREATE DATABASE ${database}`);
});

afterAll(async () => {
  await running?.stop();
  await dropDatabase(database);
});

const timerRow = async (id: string) =>
  (await onServer(`SELECT due_at, fired_at FROM contracts.timers WHERE timer_id = '${id}'`, url)).rows[0] as
    { due_at: Date; fired_at: Date | null } | undefined;
/** The clock moved: the timer is due now (and armed again when it had fired). */
const dueNow = (id: string) =>
  onServer(`UPDATE contracts.timers SET due_at = now(), fired_at = NULL WHERE timer_id = '${id}'`, url);

const sign = (party: 'customer' | 'provider') => ({
  party,
  signer: party === 'customer' ? 'Li Lei' : 'Han Meimei',
  method: 'electronic',
});

it('fires the expiry notice once across a restart, and moves it with an amendment of the end', async () => {
  running = await boot();
  // The tenant's calendar is in New York (tenancy's event): the contract's days, and so its timers, are New York's.
  const tenancyLog = new PostgresEventStore({
    pool: running.app.get(ContractStore).runtime.store.pool,
    schema: 'tenancy',
  });
  await tenancyLog.migrate();
  await tenancyLog.append(
    `tenant-${TENANT}-calendar`,
    [{ type: 'BusinessCalendarSet', data: { calendar: { ...defaultBusinessCalendar, timeZone: ZONE } } }],
    { metadata: { tenantId: TENANT } },
  );
  await eventually('the tenant’s zone', async () =>
    (await onServer(`SELECT 1 FROM contracts.tenant_zones WHERE tenant_id = '${TENANT}'`, url)).rows.length
      ? true
      : undefined,
  );
  const handlers = running.app.get(ContractHandlers);
  const today = await running.app.get(ContractStore).today(TENANT);
  const end = monthsBefore(today, -2);
  const draft = await handlers.draft(
    {
      kind: 'service_package',
      customerId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
      line: 'driving_practice',
      terms: {
        startDate: addDays(today, -10),
        endDate: end,
        items: [
          {
            kind: 'service',
            description: 'practice session',
            quantity: 10,
            unitPrice: { amount: '20000', currency: 'CNY' },
          },
        ],
        clauses: {
          items: 'ten sessions',
          fees: 'in advance',
          term: 'two months',
          breachLiability: 'forfeited',
        },
      },
    },
    call,
  );
  await handlers.sign({ id: draft.id, ...sign('customer') }, call);
  const signed = await handlers.sign({ id: draft.id, ...sign('provider') }, call);
  expect(signed.status).toBe('active');
  const armed = await timerRow(noticeTimerId(draft.id));
  expect(armed?.due_at.toISOString()).toBe(startOfDay(monthsBefore(end, 1), ZONE).toISOString());
  expect(armed?.fired_at).toBeNull();

  await running.stop();
  running = undefined;
  await dueNow(noticeTimerId(draft.id));

  running = await boot();
  const queries = running.app.get(ContractQueries);
  const notices = async () =>
    (await queries.history({ id: draft.id }, call)).entries.filter((e) => e.type === 'ExpiryNoticeSent');
  await eventually('the notice', async () => ((await notices()).length === 1 ? true : undefined));
  expect((await timerRow(noticeTimerId(draft.id)))?.fired_at).not.toBeNull();

  // Fired again (a crash after the effect, a replay): nothing more for the same end.
  await dueNow(noticeTimerId(draft.id));
  await eventually('the timer fired again', async () =>
    (await timerRow(noticeTimerId(draft.id)))?.fired_at ? true : undefined,
  );
  expect(await notices()).toHaveLength(1);

  // An amendment moves the end by a month: the notice is armed again, for the new end.
  const moved = monthsBefore(end, -1);
  const handlers2 = running.app.get(ContractHandlers);
  await handlers2.amend({ id: draft.id, effectiveFrom: today, changes: { endDate: moved } }, call);
  await handlers2.signAmendment({ id: draft.id, ...sign('customer') }, call);
  const amended = await handlers2.signAmendment({ id: draft.id, ...sign('provider') }, call);
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
  running ??= await boot();
  const handlers = running.app.get(ContractHandlers);
  const today = await running.app.get(ContractStore).today(TENANT);
  const draft = await handlers.draft(
    {
      kind: 'service_package',
      customerId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
      line: 'driving_practice',
      terms: {
        startDate: addDays(today, -10),
        endDate: monthsBefore(today, -6),
        items: [
          {
            kind: 'service',
            description: 'practice session',
            quantity: 10,
            unitPrice: { amount: '20000', currency: 'CNY' },
          },
        ],
        clauses: {
          items: 'ten sessions',
          fees: 'in advance',
          term: 'six months',
          breachLiability: 'forfeited',
        },
      },
    },
    call,
  );
  await handlers.sign({ id: draft.id, ...sign('customer') }, call);
  const signed = await handlers.sign({ id: draft.id, ...sign('provider') }, call);
  const amend = (visits: number) =>
    handlers.amend(
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
  running ??= await boot();
  const handlers = running.app.get(ContractHandlers);
  const queries = running.app.get(ContractQueries);
  const today = await running.app.get(ContractStore).today(TENANT);
  const draft = await handlers.draft(
    {
      kind: 'service_package',
      customerId: '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
      line: 'driving_practice',
      terms: {
        startDate: addDays(today, -60),
        endDate: addDays(today, -1),
        items: [
          {
            kind: 'service',
            description: 'practice session',
            quantity: 10,
            unitPrice: { amount: '20000', currency: 'CNY' },
          },
        ],
        clauses: {
          items: 'ten sessions',
          fees: 'in advance',
          term: 'two months',
          breachLiability: 'forfeited',
        },
      },
    },
    call,
  );
  await handlers.sign({ id: draft.id, ...sign('customer') }, call);
  await handlers.sign({ id: draft.id, ...sign('provider') }, call);
  const expired = await eventually('the contract expired', async () => {
    const contract = await queries.get({ id: draft.id }, call);
    return contract.status === 'expired' ? contract : undefined;
  });
  expect(expired.status).toBe('expired');
  const types = (await queries.history({ id: draft.id }, call)).entries.map((e) => e.type);
  expect(types.filter((t) => t === 'ExpiryNoticeSent')).toHaveLength(1);
  expect(types.filter((t) => t === 'ContractExpired')).toHaveLength(1);
}, 60_000);
