import { randomUUID } from 'node:crypto';
import { addDays } from '@serviceops/kernel';
import { ContractStore } from '../src/application/contract-store';
import { contractStreamId } from '../src/domain/contract/contract.decider';
import { contractListProjection } from '../src/projections/contract-list.projection';
import { ContractQueries } from '../src/application/contract-queries';
import {
  declaredMethods,
  adminOf,
  contractsDatabaseFor,
  itRefusesFilters,
  practicePackage,
} from './contracts-on-own-database';
import { itMovesOnlyForward } from './forward-only-read-model';

// The contract list on a real database only moves forward by stream version: a redelivered older event leaves the
// row as the later event made it, and a replay of the stream from scratch writes the same row again.

const db = contractsDatabaseFor('contracts_list');

const call = adminOf(randomUUID(), 'contract-list-test');
const app = () => db().running().app;

/** A package drafted (v1), submitted for review (v2) and returned by legal (v3). */
async function returnedContract() {
  const contracts = declaredMethods(app());
  const today = await app().get(ContractStore).today(call.tenantId);
  const draft = await contracts.DraftContract(practicePackage(addDays(today, 10), addDays(today, 100)), call);
  await contracts.SubmitContractForReview({ id: draft.id }, call);
  await contracts.ReturnContract({ id: draft.id, reasons: ['the fees clause names no currency'] }, call);
  return { id: draft.id, streamId: contractStreamId(call.tenantId, draft.id) };
}

itMovesOnlyForward(
  db,
  { table: 'contract_list', key: 'contract_id', projection: contractListProjection },
  returnedContract,
  { status: 'returned', version: 3 },
);

// The list pages as the proposals and the follow-ups do: a limit out of 1–200 is refused, not clamped.
itRefusesFilters(
  (filter: Parameters<ContractQueries['list']>[0]) => app().get(ContractQueries).list(filter, call),
  [
    [{ status: 'lapsed' }, 'status'],
    [{ kind: 'lease' }, 'kind'],
    [{ expiringBefore: '2026-02-30' }, 'expiringBefore'],
    [{ limit: 0 }, 'limit'],
    [{ limit: 201 }, 'limit'],
    [{ cursor: 'nope' }, 'cursor'],
  ],
);
