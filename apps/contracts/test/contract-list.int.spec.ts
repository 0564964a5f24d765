import { randomUUID } from 'node:crypto';
import { withTransaction } from '@serviceops/eventstore';
import { addDays } from '@serviceops/kernel';
import { eventsTopic, type DeliveredEvent } from '@serviceops/messaging';
import { eventually } from '@serviceops/testing';
import { DataSource } from 'typeorm';
import { ContractStore } from '../src/application/contract-store';
import { ContractHandlers } from '../src/application/contract.handlers';
import { contractStreamId } from '../src/domain/contract/contract.decider';
import { contractListProjection } from '../src/projections/contract-list.projection';
import { adminOf, contractsDatabaseFor, practicePackage } from './contracts-on-own-database';

// The contract list on a real database only moves forward by stream version: a redelivered older event (the
// transport delivers at least once; a consumer restarted before its checkpoint delivers again) leaves the row as
// the later event made it, and a replay of the stream from scratch writes the same row again.

const db = contractsDatabaseFor('contracts_list');

const call = adminOf(randomUUID(), 'contract-list-test');
const app = () => db().running().app;

/** The contract's row in the list, as stored. */
const rowOf = async (contractId: string) =>
  (
    await db().pool.query<Record<string, unknown>>('SELECT * FROM contract_list WHERE contract_id = $1', [
      contractId,
    ])
  ).rows[0];

/** The contract's events as the list's consumer receives them from the contracts topic. */
const streamOf = async (contractId: string): Promise<DeliveredEvent[]> =>
  (
    await app().get(ContractStore).runtime.store.readStream(contractStreamId(call.tenantId, contractId))
  ).events.map((e) => ({ ...e, topic: eventsTopic('contracts') }));

/** Delivers `event` to the list's projection again, in a transaction of its own as the consumer does. */
const deliver = (event: DeliveredEvent) =>
  withTransaction(db().pool, (tx) => contractListProjection(app().get(DataSource))(event, tx));

/** A package drafted (v1), submitted for review (v2) and returned by legal (v3). */
async function returnedContract(): Promise<string> {
  const handlers = app().get(ContractHandlers);
  const today = await app().get(ContractStore).today(call.tenantId);
  const draft = await handlers.draft(practicePackage(addDays(today, 10), addDays(today, 100)), call);
  await handlers.submit({ id: draft.id }, call);
  await handlers.return({ id: draft.id, reasons: ['the fees clause names no currency'] }, call);
  await eventually('the list caught up', async () =>
    (await rowOf(draft.id))?.['version'] === 3 ? true : undefined,
  );
  return draft.id;
}

it('keeps v3’s state when v2, then the drafting, are delivered again', async () => {
  const contractId = await returnedContract();
  const v3 = await rowOf(contractId);
  expect(v3).toMatchObject({ version: 3, status: 'returned' });
  const [drafted, submitted, returned] = await streamOf(contractId);
  expect([drafted?.type, submitted?.type, returned?.type]).toEqual([
    'ContractDrafted',
    'ContractSubmittedForReview',
    'ContractReturned',
  ]);

  await deliver(submitted!);
  expect(await rowOf(contractId)).toEqual(v3);
  await deliver(drafted!);
  expect(await rowOf(contractId)).toEqual(v3);
  // The latest delivered again is no change either.
  await deliver(returned!);
  expect(await rowOf(contractId)).toEqual(v3);
}, 60_000);

it('writes the same row when the stream is replayed from scratch, and again over it', async () => {
  const contractId = await returnedContract();
  const live = await rowOf(contractId);
  const events = await streamOf(contractId);

  await db().pool.query('DELETE FROM contract_list WHERE contract_id = $1', [contractId]);
  expect(await rowOf(contractId)).toBeUndefined();
  for (const event of events) await deliver(event);
  expect(await rowOf(contractId)).toEqual(live);

  // The whole stream once more (a consumer's checkpoint lost): nothing moves.
  for (const event of events) await deliver(event);
  expect(await rowOf(contractId)).toEqual(live);
}, 60_000);
