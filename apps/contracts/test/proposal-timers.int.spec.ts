import { randomUUID } from 'node:crypto';
import { addDays } from '@serviceops/kernel';
import type { CallContext } from '@serviceops/platform';
import { eventually } from '@serviceops/testing';
import {
  ContractStore,
  PROPOSAL_VALIDITY_TIMER,
  startOfDay,
  validityTimerId,
} from '../src/application/contract-store';
import { ProposalHandlers, type ProposalView } from '../src/application/proposal.handlers';
import {
  declaredMethods,
  adminOf,
  contractsDatabaseFor,
  PRACTICE_SESSIONS,
} from './contracts-on-own-database';

// The proposal's validity timer on a real database, across a restart of the service: a sent proposal not answered
// by its last valid day expires exactly once; an accepted one is left alone (its timer cancelled, and a late
// firing records nothing); accepting an expired one is refused as lapsed.
//
// The clock is real, so the passing of the last valid day is the tenant's calendar moving: a proposal valid until
// today in UTC−12 has lapsed in UTC+14 (26 hours ahead, so always a later date), tenancy's event moving the tenant.

const BEHIND = 'Etc/GMT+12';
const AHEAD = 'Etc/GMT-14';

const db = contractsDatabaseFor('contracts_proposal_timers');

const callOf = (tenantId: string): CallContext => adminOf(tenantId, 'proposal-timers-test');

/** A proposal valid until today (in the tenant's zone now), sent: its validity timer armed. */
async function sentProposal(call: CallContext) {
  const app = db().running().app;
  const quotes = declaredMethods<ProposalView>(app);
  const today = await app.get(ContractStore).today(call.tenantId);
  const created = await quotes.CreateProposal(
    {
      customerId: randomUUID(),
      line: 'driving_practice',
      kind: 'service_package',
      items: PRACTICE_SESSIONS,
      paymentTerms: 'in full before the first session',
      startDate: addDays(today, 7),
      endDate: addDays(today, 187),
      validUntil: today,
    },
    call,
  );
  const sent = await quotes.SendProposal({ id: created.id, expectedVersion: created.version }, call);
  return { sent, today };
}

it('expires a sent proposal exactly once, across a restart of the service', async () => {
  const call = callOf(randomUUID());
  const { timerRow, dueNow, recorded, moveTenant } = db();
  await moveTenant(call.tenantId, BEHIND);
  const { sent, today } = await sentProposal(call);
  expect(sent.status).toBe('sent');
  const timerId = validityTimerId(sent.id);
  expect(timerId.startsWith(`${PROPOSAL_VALIDITY_TIMER}:`)).toBe(true);
  // Due at the start of the day after the last valid one, on the tenant's calendar.
  const armed = await timerRow(timerId);
  expect(armed?.due_at.toISOString()).toBe(startOfDay(today, BEHIND, 1).toISOString());
  expect(armed?.fired_at).toBeNull();

  // The last valid day passes (the tenant's today is later now); the service is down when the timer falls due.
  await moveTenant(call.tenantId, AHEAD);
  expect(await db().running().app.get(ContractStore).today(call.tenantId)).not.toBe(today);
  const restarted = await db().restart(() => dueNow(timerId));
  const proposals = restarted.app.get(ProposalHandlers);
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
    declaredMethods<ProposalView>(restarted.app).AcceptProposal(
      { id: sent.id, expectedVersion: expired.version },
      call,
    ),
  ).rejects.toMatchObject({
    code: 'CONTRACTS.PROPOSAL_LAPSED',
  });
  expect(await recorded(sent.id, 'ProposalAccepted')).toBe(0);
  expect((await proposals.get({ id: sent.id }, call)).contractId).toBeUndefined();
}, 90_000);

it('accepting before the validity ends cancels the timer; a late firing leaves the proposal accepted', async () => {
  const call = callOf(randomUUID());
  const { timerRow, recorded, moveTenant } = db();
  await moveTenant(call.tenantId, BEHIND);
  const { sent } = await sentProposal(call);
  const timerId = validityTimerId(sent.id);
  expect(await timerRow(timerId)).toBeDefined();

  const proposals = db().running().app.get(ProposalHandlers);

  const accepted = await declaredMethods<ProposalView>(db().running().app).AcceptProposal(
    { id: sent.id, expectedVersion: sent.version },
    call,
  );
  expect(accepted).toMatchObject({ status: 'accepted', contractId: expect.any(String) as string });
  // Cancelled in the acceptance's transaction: nothing left to fire.
  expect(await timerRow(timerId)).toBeUndefined();

  // Even a firing that slipped through (a timer read just before the cancellation), after the validity, records
  // nothing: the decider leaves an answered proposal alone.
  await moveTenant(call.tenantId, AHEAD);
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
