import { randomUUID } from 'node:crypto';
import { addDays } from '@serviceops/kernel';
import type { CallContext } from '@serviceops/platform';
import { eventually } from '@serviceops/testing';
import { ContractStore } from '../src/application/contract-store';
import type { ProposalView } from '../src/application/proposal.handlers';
import { ProposalQueries } from '../src/application/proposal-queries';
import { proposalStreamId } from '../src/domain/proposal/proposal.decider';
import { proposalListProjection } from '../src/projections/proposal-list.projection';
import {
  declaredMethods,
  adminOf as callOf,
  contractsDatabaseFor,
  itRefusesFilters,
  PRACTICE_SESSIONS,
} from './contracts-on-own-database';
import { itMovesOnlyForward } from './forward-only-read-model';

// The proposal list on a real database: the read model follows each proposal's events (sent, accepted with its
// contract, declined), filters by status, customer, kind and last valid day, pages newest first, and keeps
// tenants apart.

const db = contractsDatabaseFor('contracts_proposal_list');

const app = () => db().running().app;

/** A quote of ten practice sessions for `customerId`, starting in a month, valid `validIn` days from today. */
async function quoteOf(call: CallContext, customerId: string, kind: string, validIn: number) {
  const today = await app().get(ContractStore).today(call.tenantId);
  return declaredMethods<ProposalView>(app()).CreateProposal(
    {
      customerId,
      line: 'driving_practice',
      kind,
      items: PRACTICE_SESSIONS,
      paymentTerms: 'in full before the first session',
      startDate: addDays(today, 30),
      endDate: addDays(today, 210),
      validUntil: addDays(today, validIn),
    },
    call,
  );
}

it('lists proposals by status, customer, kind and validity, newest first, a page at a time', async () => {
  const call = callOf(randomUUID());
  const quotes = declaredMethods<ProposalView>(app());
  const queries = app().get(ProposalQueries);
  const today = await app().get(ContractStore).today(call.tenantId);
  const [alice, bob] = [randomUUID(), randomUUID()];
  const quote = (customerId: string, kind: string, validIn: number) =>
    quoteOf(call, customerId, kind, validIn);
  // Created one after the other: the newest first is the reverse.
  const first = await quote(alice, 'service_package', 1);
  const second = await quote(alice, 'service_package', 5);
  const third = await quote(bob, 'maintenance', 10);
  const fourth = await quote(alice, 'service_package', 20);
  const sentSecond = await quotes.SendProposal({ id: second.id }, call);
  const accepted = await quotes.AcceptProposal({ id: second.id, expectedVersion: sentSecond.version }, call);
  const sentThird = await quotes.SendProposal({ id: third.id }, call);
  await quotes.DeclineProposal(
    { id: third.id, expectedVersion: sentThird.version, reason: 'too dear' },
    call,
  );

  const ids = async (filter: Parameters<ProposalQueries['list']>[0]) =>
    (await queries.list(filter, call)).items.map((p) => p.id);
  // The projection is asynchronous: wait until it has the decline (the last event).
  await eventually('the list caught up', async () =>
    (await queries.list({ status: 'declined' }, call)).items.length === 1 ? true : undefined,
  );

  expect(await ids({})).toEqual([fourth.id, third.id, second.id, first.id]);
  const [acceptedRow] = (await queries.list({ status: 'accepted' }, call)).items;
  expect(acceptedRow).toMatchObject({
    id: second.id,
    version: accepted.version,
    status: 'accepted',
    customerId: alice,
    kind: 'service_package',
    line: 'driving_practice',
    validUntil: addDays(today, 5),
    contractId: accepted.contractId,
  });
  expect(await ids({ status: 'drafted' })).toEqual([fourth.id, first.id]);
  expect(await ids({ customerId: bob })).toEqual([third.id]);
  expect(await ids({ kind: 'maintenance' })).toEqual([third.id]);
  // Strictly before / after the day named.
  expect(await ids({ validUntilBefore: addDays(today, 5) })).toEqual([first.id]);
  expect(await ids({ validUntilAfter: addDays(today, 5) })).toEqual([fourth.id, third.id]);
  expect(
    await ids({
      validUntilAfter: addDays(today, 1),
      validUntilBefore: addDays(today, 20),
      customerId: alice,
    }),
  ).toEqual([second.id]);

  const page1 = await queries.list({ limit: 3 }, call);
  expect(page1.items.map((p) => p.id)).toEqual([fourth.id, third.id, second.id]);
  expect(page1.nextCursor).toEqual(expect.any(String));
  const page2 = await queries.list({ limit: 3, cursor: page1.nextCursor }, call);
  expect(page2.items.map((p) => p.id)).toEqual([first.id]);
  expect(page2.nextCursor).toBeUndefined();

  // Another tenant sees none of them.
  expect((await queries.list({}, callOf(randomUUID()))).items).toEqual([]);
}, 60_000);

itRefusesFilters(
  (filter: Parameters<ProposalQueries['list']>[0]) =>
    app().get(ProposalQueries).list(filter, callOf(randomUUID())),
  [
    [{ status: 'signed' }, 'status'],
    [{ kind: 'lease' }, 'kind'],
    [{ validUntilBefore: '2026-13-01' }, 'validUntilBefore'],
    [{ validUntilAfter: 'soon' }, 'validUntilAfter'],
    [{ limit: 0 }, 'limit'],
    [{ cursor: 'nope' }, 'cursor'],
  ],
);

/** A quote created (v1), sent (v2) and accepted (v3) into a contract draft. */
itMovesOnlyForward(
  db,
  { table: 'proposal_list', key: 'proposal_id', projection: proposalListProjection },
  async () => {
    const call = callOf(randomUUID());
    const quotes = declaredMethods<ProposalView>(app());
    const created = await quoteOf(call, randomUUID(), 'service_package', 10);
    const sent = await quotes.SendProposal({ id: created.id }, call);
    await quotes.AcceptProposal({ id: created.id, expectedVersion: sent.version }, call);
    return { id: created.id, streamId: proposalStreamId(call.tenantId, created.id) };
  },
  { status: 'accepted', version: 3, contract_id: expect.any(String) as unknown },
);
