import { randomBytes, randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@serviceops/eventstore';
import { addDays, defaultBusinessCalendar } from '@serviceops/kernel';
import { runService, type CallContext, type RunningService } from '@serviceops/platform';
import { dropDatabase } from '@serviceops/platform/testing';
import { databaseUrl, eventually, newInternalKeyPair, uniqueName } from '@serviceops/testing';
import { Client } from 'pg';
import {
  ContractStore,
  PROPOSAL_VALIDITY_TIMER,
  startOfDay,
  validityTimerId,
} from '../src/application/contract-store';
import { ProposalHandlers } from '../src/application/proposal.handlers';
import { contractsService } from '../src/contracts.service-definition';

// The proposal's validity timer on a real database, across a restart of the service: a sent proposal not answered
// by its last valid day expires exactly once; an accepted one is left alone (its timer cancelled, and a late
// firing records nothing); accepting an expired one is refused as lapsed.
//
// The clock is real, so the passing of the last valid day is the tenant's calendar moving: a proposal valid until
// today in UTC−12 has lapsed in UTC+14 (26 hours ahead, so always a later date), tenancy's event moving the tenant.

const database = uniqueName('contracts_proposal_timers');
const url = (() => {
  const u = new URL(databaseUrl());
  u.pathname = `/${database}`;
  return u.toString();
})();
const keys = newInternalKeyPair();
const masterKey = randomBytes(32).toString('base64');
const BEHIND = 'Etc/GMT+12';
const AHEAD = 'Etc/GMT-14';

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

const callOf = (tenantId: string): CallContext => ({
  tenantId,
  actorId: '1f2e3d4c-5b6a-4789-8a9b-0c1d2e3f4a5b',
  roles: ['admin'],
  correlationId: 'proposal-timers-test',
});

const timerRow = async (id: string) =>
  (await onServer(`SELECT due_at, fired_at FROM contracts.timers WHERE timer_id = '${id}'`, url)).rows[0] as
    { due_at: Date; fired_at: Date | null } | undefined;
/** The timer is due now (and armed again when it had fired). */
const dueNow = (id: string) =>
  onServer(`UPDATE contracts.timers SET due_at = now(), fired_at = NULL WHERE timer_id = '${id}'`, url);
const zoneRow = async (tenantId: string) =>
  (await onServer(`SELECT time_zone FROM contracts.tenant_zones WHERE tenant_id = '${tenantId}'`, url))
    .rows[0]?.['time_zone'];
/** How many events of a type the proposal's stream holds. */
const recorded = async (proposalId: string, type: string) =>
  Number(
    (
      await onServer(
        `SELECT count(*) AS n FROM contracts.events WHERE stream_id LIKE '%${proposalId}' AND type = '${type}'`,
        url,
      )
    ).rows[0]?.['n'],
  );

/** Tenancy moves the tenant's calendar to `zone`; waits until this service has it. */
async function moveTenant(service: RunningService, tenantId: string, zone: string): Promise<void> {
  const tenancyLog = new PostgresEventStore({
    pool: service.app.get(ContractStore).runtime.store.pool,
    schema: 'tenancy',
  });
  await tenancyLog.migrate();
  await tenancyLog.append(
    `tenant-${tenantId}-calendar`,
    [{ type: 'BusinessCalendarSet', data: { calendar: { ...defaultBusinessCalendar, timeZone: zone } } }],
    { metadata: { tenantId } },
  );
  await eventually(`the tenant in ${zone}`, async () =>
    (await zoneRow(tenantId)) === zone ? true : undefined,
  );
}

/** A proposal valid until today (in the tenant's zone now), sent: its validity timer armed. */
async function sentProposal(service: RunningService, call: CallContext) {
  const proposals = service.app.get(ProposalHandlers);
  const today = await service.app.get(ContractStore).today(call.tenantId);
  const created = await proposals.create(
    {
      customerId: randomUUID(),
      line: 'driving_practice',
      kind: 'service_package',
      items: [
        {
          kind: 'service',
          description: 'practice session',
          quantity: 10,
          unitPrice: { amount: '20000', currency: 'CNY' },
        },
      ],
      paymentTerms: 'in full before the first session',
      startDate: addDays(today, 7),
      endDate: addDays(today, 187),
      validUntil: today,
    },
    call,
  );
  const sent = await proposals.send({ id: created.id, expectedVersion: created.version }, call);
  return { sent, today };
}

it('expires a sent proposal exactly once, across a restart of the service', async () => {
  const call = callOf(randomUUID());
  running = await boot();
  await moveTenant(running, call.tenantId, BEHIND);
  const { sent, today } = await sentProposal(running, call);
  expect(sent.status).toBe('sent');
  const timerId = validityTimerId(sent.id);
  expect(timerId.startsWith(`${PROPOSAL_VALIDITY_TIMER}:`)).toBe(true);
  // Due at the start of the day after the last valid one, on the tenant's calendar.
  const armed = await timerRow(timerId);
  expect(armed?.due_at.toISOString()).toBe(startOfDay(today, BEHIND, 1).toISOString());
  expect(armed?.fired_at).toBeNull();

  // The last valid day passes (the tenant's today is later now); the service is down when the timer falls due.
  await moveTenant(running, call.tenantId, AHEAD);
  expect(await running.app.get(ContractStore).today(call.tenantId)).not.toBe(today);
  await running.stop();
  running = undefined;
  await dueNow(timerId);

  running = await boot();
  const proposals = running.app.get(ProposalHandlers);
  await eventually('the proposal expired', async () =>
    (await proposals.get({ id: sent.id }, call)).status === 'expired' ? true : undefined,
  );
  await eventually('the timer fired', async () => ((await timerRow(timerId))?.fired_at ? true : undefined));
  expect(await recorded(sent.id, 'ProposalExpired')).toBe(1);

  // Fired again (a crash after the effect, a replay): nothing more is recorded.
  await dueNow(timerId);
  await eventually('the timer fired again', async () =>
    (await timerRow(timerId))?.fired_at ? true : undefined,
  );
  expect(await recorded(sent.id, 'ProposalExpired')).toBe(1);

  // Accepting it now is refused as lapsed (422), the same answer as before the timer ran; no contract drafted.
  const expired = await proposals.get({ id: sent.id }, call);
  await expect(
    proposals.accept({ id: sent.id, expectedVersion: expired.version }, call),
  ).rejects.toMatchObject({
    code: 'CONTRACTS.PROPOSAL_LAPSED',
  });
  expect(await recorded(sent.id, 'ProposalAccepted')).toBe(0);
  expect((await proposals.get({ id: sent.id }, call)).contractId).toBeUndefined();
}, 90_000);

it('accepting before the validity ends cancels the timer; a late firing leaves the proposal accepted', async () => {
  const call = callOf(randomUUID());
  running ??= await boot();
  await moveTenant(running, call.tenantId, BEHIND);
  const { sent } = await sentProposal(running, call);
  const timerId = validityTimerId(sent.id);
  expect(await timerRow(timerId)).toBeDefined();

  const proposals = running.app.get(ProposalHandlers);
  const accepted = await proposals.accept({ id: sent.id, expectedVersion: sent.version }, call);
  expect(accepted).toMatchObject({ status: 'accepted', contractId: expect.any(String) as string });
  // Cancelled in the acceptance's transaction: nothing left to fire.
  expect(await timerRow(timerId)).toBeUndefined();

  // Even a firing that slipped through (a timer read just before the cancellation), after the validity, records
  // nothing: the decider leaves an answered proposal alone.
  await moveTenant(running, call.tenantId, AHEAD);
  await proposals.expire({
    id: timerId,
    tenantId: call.tenantId,
    kind: PROPOSAL_VALIDITY_TIMER,
    dueAt: new Date(),
    payload: { proposalId: sent.id },
    attempts: 0,
  });
  const after = await proposals.get({ id: sent.id }, call);
  expect(after).toMatchObject({
    status: 'accepted',
    version: accepted.version,
    contractId: accepted.contractId,
  });
  expect(await recorded(sent.id, 'ProposalExpired')).toBe(0);
}, 60_000);
