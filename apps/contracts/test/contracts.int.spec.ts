import { PostgresEventStore } from '@serviceops/eventstore';
import { addDays, newId } from '@serviceops/kernel';
import { isSealed, type CallContext } from '@serviceops/platform';
import { eventually } from '@serviceops/testing';
import { ContractStore } from '../src/application/contract-store';
import { ContractQueries } from '../src/application/contract-queries';
import { ProposalHandlers, type ProposalView } from '../src/application/proposal.handlers';
import { FULFILMENT_EVENT_TYPES } from '../src/domain/performance/performance';
import { monthsBefore } from '../src/domain/terms/terms';
import {
  declaredMethods,
  contractsDatabaseFor,
  practicePackage,
  PRACTICE_SESSIONS,
  signatureOf as sign,
} from './contracts-on-own-database';

// The contracts service's consumers and personal data on a real database. The periodic review (issue 14 item 7): orders' and billing's events, appended to their logs
// as those services will publish them, reach the contracts service's consumer once each, and the review flags
// what is behind schedule.

const TENANT = newId();
const call: CallContext = {
  tenantId: TENANT,
  actorId: newId(),
  roles: ['admin'],
  correlationId: 'review-test',
};

const db = contractsDatabaseFor('contracts_review');

/** An event as the producing service appends it to its log (which the log transport delivers). */
async function published(service: 'orders' | 'billing' | 'customers', type: string, data: object) {
  const store = new PostgresEventStore({ pool: db().pool, schema: service });
  await store.migrate();
  await store.append(`${service}-${newId()}`, [{ type, data }], { metadata: { tenantId: TENANT } });
}

it('counts sessions used from orders and flags a package behind schedule', async () => {
  const app = db().running().app;
  const contracts = declaredMethods(app);
  const queries = app.get(ContractQueries);
  const today = await app.get(ContractStore).today(TENANT);
  const start = monthsBefore(today, 1);
  const draft = await contracts.DraftContract(
    practicePackage(start, addDays(monthsBefore(start, -2), -1), newId()),
    call,
  );
  await contracts.SignContract({ id: draft.id, ...sign('customer') }, call);
  await contracts.SignContract({ id: draft.id, ...sign('provider') }, call);

  // Half the term gone: 5 of 10 sessions expected; none used yet.
  const before = await queries.review({ id: draft.id }, call);
  expect(before.sessions).toEqual({ total: 10, used: 0, expectedByNow: expect.any(Number) as number });
  expect(before.sessions?.expectedByNow).toBeGreaterThanOrEqual(4);
  expect(before.behind).toEqual(['sessions']);

  for (let i = 0; i < 6; i++)
    await published('orders', FULFILMENT_EVENT_TYPES.sessionUsed, { contractId: draft.id });
  // Another contract's session and an event the review does not read change nothing here.
  await published('orders', FULFILMENT_EVENT_TYPES.sessionUsed, { contractId: newId() });
  await published('orders', 'OrderDispatched', { contractId: draft.id });

  const after = await eventually('six sessions counted', async () => {
    const review = await queries.review({ id: draft.id }, call);
    return review.sessions?.used === 6 ? review : undefined;
  });
  expect(after.behind).toEqual([]);

  // On a date before the start there are no terms in force.
  await expect(queries.review({ id: draft.id, on: addDays(start, -1) }, call)).rejects.toMatchObject({
    code: 'CONTRACTS.NO_TERMS_IN_FORCE',
  });
  // Another tenant does not see it.
  await expect(queries.review({ id: draft.id }, { ...call, tenantId: newId() })).rejects.toMatchObject({
    code: 'CONTRACTS.CONTRACT_NOT_FOUND',
  });
}, 60_000);

it('counts payments from billing in the contract’s currency and visits from orders', async () => {
  const app = db().running().app;
  const contracts = declaredMethods(app);
  const queries = app.get(ContractQueries);
  const today = await app.get(ContractStore).today(TENANT);
  const start = addDays(today, -3);
  const draft = await contracts.DraftContract(
    {
      kind: 'rental_lease',
      customerId: newId(),
      line: 'equipment_rental',
      terms: {
        startDate: start,
        endDate: addDays(monthsBefore(start, -12), -1),
        items: [
          {
            kind: 'equipment',
            description: 'excavator',
            quantity: 1,
            unitPrice: { amount: '500000', currency: 'CNY' },
          },
        ],
        rentPerMonth: { amount: '500000', currency: 'CNY' },
        deposit: { amount: '1000000', currency: 'CNY' },
        clauses: {
          items: 'one excavator',
          fees: 'monthly in advance',
          term: 'a year',
          delivery: 'on site',
          maintenanceDuties: 'lessor',
          deposit: 'two months',
          breachLiability: 'damages',
          latePaymentPenalty: '0.05% a day',
        },
      },
    },
    call,
  );
  // A lease is reviewed by legal before signing: until signed there are no terms to review against.
  await expect(queries.review({ id: draft.id }, call)).rejects.toMatchObject({
    code: 'CONTRACTS.NO_TERMS_IN_FORCE',
  });
  await contracts.SubmitContractForReview({ id: draft.id }, call);
  await contracts.ApproveContract({ id: draft.id }, call);
  await contracts.SignContract({ id: draft.id, ...sign('customer') }, call);
  await contracts.SignContract({ id: draft.id, ...sign('provider') }, call);

  // Due by now: the deposit and the first month's rent (in advance); nothing paid yet.
  const unpaid = await queries.review({ id: draft.id }, call);
  expect(unpaid.payments).toEqual({
    dueByNow: { amount: 1_500_000, currency: 'CNY' },
    paid: { amount: 0, currency: 'CNY' },
  });
  expect(unpaid.behind).toContain('payments');

  await published('billing', FULFILMENT_EVENT_TYPES.paymentMade, {
    contractId: draft.id,
    amount: { amount: 1_500_000, currency: 'CNY' },
  });
  // A payment in another currency is not this contract's money.
  await published('billing', FULFILMENT_EVENT_TYPES.paymentMade, {
    contractId: draft.id,
    amount: { amount: 99, currency: 'USD' },
  });
  await published('orders', FULFILMENT_EVENT_TYPES.visitDone, { contractId: draft.id });
  const paid = await eventually('the payments and the visit counted', async () => {
    const review = await queries.review({ id: draft.id }, call);
    const { rows } = await db().pool.query(
      'SELECT 1 FROM contracts.contract_payments WHERE contract_id = $1',
      [draft.id],
    );
    return review.visits.done === 1 && rows.length === 2 ? review : undefined;
  });
  expect(paid.payments.paid).toEqual({ amount: 1_500_000, currency: 'CNY' });
  expect(paid.behind).not.toContain('payments');
}, 60_000);

it('records every clear read of a contract’s personal text, and none of a masked one', async () => {
  const app = db().running().app;
  const contracts = declaredMethods(app);
  const queries = app.get(ContractQueries);
  const today = await app.get(ContractStore).today(TENANT);
  const customerId = newId();
  const draft = await contracts.DraftContract(
    {
      kind: 'service_package',
      customerId,
      line: 'driving_practice',
      terms: {
        startDate: today,
        endDate: monthsBefore(today, -1),
        items: [
          {
            kind: 'service',
            description: 'practice session',
            quantity: 2,
            unitPrice: { amount: '100', currency: 'CNY' },
          },
        ],
        clauses: { items: 'two sessions', fees: 'in advance', term: 'a month', breachLiability: 'forfeited' },
      },
    },
    call,
  );
  await contracts.SignContract({ id: draft.id, ...sign('customer') }, call);
  await contracts.SignContract({ id: draft.id, ...sign('provider') }, call);
  const reads = async () =>
    (
      await db().pool.query<{
        data: { customerId: string; fields: string[]; through: string; recordId: string };
      }>(
        `SELECT data FROM contracts.events WHERE type = 'PersonalDataRead' AND data->>'recordId' = $1
          ORDER BY global_position`,
        [draft.id],
      )
    ).rows.map((r) => r.data);

  await queries.get({ id: draft.id }, { ...call, purpose: 'renewal call' });
  await queries.terms({ id: draft.id }, call);
  await queries.document({ id: draft.id }, call);
  // An auditor sees the clauses and signers masked: nothing read in clear, nothing recorded.
  await queries.get({ id: draft.id }, { ...call, roles: ['auditor'] });

  expect(await reads()).toEqual([
    expect.objectContaining({
      customerId,
      fields: ['clauses', 'signers'],
      through: 'contract',
      purpose: 'renewal call',
    }),
    expect.objectContaining({ customerId, fields: ['clauses'] }),
    expect.objectContaining({ customerId, fields: ['clauses', 'signers'] }),
  ]);
}, 60_000);

it('seals a declined proposal’s reason at rest, readable until the customer is erased', async () => {
  const app = db().running().app;
  const proposals = app.get(ProposalHandlers);
  const quotes = declaredMethods<ProposalView>(app);
  const today = await app.get(ContractStore).today(TENANT);
  const customerId = newId();
  const offer = {
    line: 'driving_practice',
    kind: 'service_package',
    items: PRACTICE_SESSIONS,
    paymentTerms: 'paid in full before the first session',
    startDate: today,
    endDate: monthsBefore(today, -3),
    validUntil: addDays(today, 7),
  };
  const created = await quotes.CreateProposal({ ...offer, customerId }, call);
  const reason = 'Li Lei moved to Chengdu for his new job';
  await quotes.SendProposal({ id: created.id }, call);
  await quotes.DeclineProposal({ id: created.id, reason }, call);
  const { rows } = await db().pool.query<{ data: { reason: unknown } }>(
    `SELECT data FROM contracts.events WHERE type = 'ProposalDeclined' AND data->>'proposalId' = $1`,
    [created.id],
  );
  expect(rows).toHaveLength(1);
  expect(isSealed(rows[0]?.data.reason)).toBe(true);
  expect(JSON.stringify(rows)).not.toContain('Chengdu');
  expect((await proposals.get({ id: created.id }, call)).status).toBe('declined');

  // The customer erased (customers' CustomerErased destroys their key here): the proposal still reads, the
  // reason no longer can, and no new proposal takes their personal text.
  await published('customers', 'CustomerErased', { customerId });
  await eventually('the key destroyed', async () => {
    const { rowCount } = await db().pool.query('SELECT 1 FROM contracts.data_keys WHERE customer_id = $1', [
      customerId,
    ]);
    return rowCount === 0 ? true : undefined;
  });
  expect((await proposals.get({ id: created.id }, call)).status).toBe('declined');
  await expect(quotes.CreateProposal({ ...offer, customerId }, call)).rejects.toMatchObject({
    code: 'CONTRACTS.CUSTOMER_ERASED',
  });
}, 60_000);
