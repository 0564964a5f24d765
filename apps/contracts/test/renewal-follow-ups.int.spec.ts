import { randomBytes, randomUUID } from 'node:crypto';
import { addDays } from '@serviceops/kernel';
import { runService, type CallContext, type RunningService } from '@serviceops/platform';
import { dropDatabase } from '@serviceops/platform/testing';
import { databaseUrl, eventually, newInternalKeyPair, uniqueName } from '@serviceops/testing';
import { Client } from 'pg';
import { ContractStore } from '../src/application/contract-store';
import { ContractHandlers } from '../src/application/contract.handlers';
import { ContractQueries } from '../src/application/contract-queries';
import { contractsService } from '../src/contracts.service-definition';

// The renewal follow-up on a real database: the expiry notice's timer opens it for the user who signed; it is
// listed by owner and status; a stranger may not close it, its owner closes it once; a renewal closes it as
// renewed, the end (no renewal) as dropped.

const database = uniqueName('contracts_follow_ups');
const url = (() => {
  const u = new URL(databaseUrl());
  u.pathname = `/${database}`;
  return u.toString();
})();
const keys = newInternalKeyPair();
const TENANT = randomUUID();
const OWNER = randomUUID();
const owner: CallContext = {
  tenantId: TENANT,
  actorId: OWNER,
  roles: ['service_advisor'],
  correlationId: 'fu',
};
const stranger: CallContext = { ...owner, actorId: randomUUID(), roles: ['customer_service_agent'] };

async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let running: RunningService;

beforeAll(async () => {
  await onServer(`CREATE DATABASE ${database}`);
  running = await runService(contractsService, {
    DATABASE_URL: url,
    GRPC_PORT: '0',
    HTTP_PORT: '0',
    LOG_LEVEL: 'silent',
    INTERNAL_TOKEN_PUBLIC_KEYS: keys.publicKey,
    MASTER_KEY: randomBytes(32).toString('base64'),
  });
});

afterAll(async () => {
  await running.stop();
  await dropDatabase(database);
});

const sign = (party: 'customer' | 'provider') => ({
  party,
  signer: party === 'customer' ? 'Li Lei' : 'Han Meimei',
  method: 'electronic',
});

/** A package signed by OWNER, from `start` to `end` days from today; its notice (a month before) is due at once. */
async function signedContract(start: number, end: number) {
  const handlers = running.app.get(ContractHandlers);
  const today = await running.app.get(ContractStore).today(TENANT);
  const draft = await handlers.draft(
    {
      kind: 'service_package',
      customerId: randomUUID(),
      line: 'driving_practice',
      terms: {
        startDate: addDays(today, start),
        endDate: addDays(today, end),
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
          term: 'a season',
          breachLiability: 'forfeited',
        },
      },
    },
    owner,
  );
  await handlers.sign({ id: draft.id, ...sign('customer') }, owner);
  await handlers.sign({ id: draft.id, ...sign('provider') }, owner);
  return { id: draft.id, endDate: addDays(today, end) };
}

const followUpOf = async (contractId: string, filter: { owner?: string; status?: string } = {}) =>
  (await running.app.get(ContractQueries).followUps(filter, owner)).items.find(
    (f) => f.contractId === contractId,
  );
const listed = (contractId: string, status: string) =>
  eventually(`the follow-up ${status}`, async () => {
    const found = await followUpOf(contractId, { owner: OWNER, status });
    return found ?? undefined;
  });

it('the notice opens a follow-up for its owner; only its owner (or a manager) closes it, once', async () => {
  const contract = await signedContract(-30, 10);
  const open = await listed(contract.id, 'open');
  expect(open).toMatchObject({ owner: OWNER, endDate: contract.endDate, status: 'open' });
  expect(open.closedAt).toBeUndefined();

  const handlers = running.app.get(ContractHandlers);
  await expect(
    handlers.closeFollowUp({ id: contract.id, outcome: 'done', expectedVersion: open.version }, stranger),
  ).rejects.toMatchObject({ code: 'CONTRACTS.FOLLOW_UP_FORBIDDEN' });
  const closed = await handlers.closeFollowUp(
    { id: contract.id, outcome: 'done', expectedVersion: open.version },
    owner,
  );
  expect(closed).toMatchObject({ contractId: contract.id, status: 'done', closedBy: OWNER });
  expect(closed.version).toBe(open.version + 1);
  const done = await listed(contract.id, 'done');
  expect(done).toMatchObject({ version: closed.version, closedBy: OWNER, closedAt: closed.closedAt });
  expect(await followUpOf(contract.id, { status: 'open' })).toBeUndefined();

  await expect(handlers.closeFollowUp({ id: contract.id, outcome: 'dropped' }, owner)).rejects.toMatchObject({
    code: 'CONTRACTS.NO_OPEN_FOLLOW_UP',
  });
}, 60_000);

it('a renewal closes the open follow-up as renewed', async () => {
  const contract = await signedContract(-30, 10);
  const open = await listed(contract.id, 'open');
  await running.app.get(ContractHandlers).renew({ id: contract.id, expectedVersion: open.version }, owner);
  expect(await listed(contract.id, 'renewed')).toMatchObject({ closedBy: 'system' });
}, 60_000);

it('the end without a renewal closes it as dropped', async () => {
  const contract = await signedContract(-60, -1);
  expect(await listed(contract.id, 'dropped')).toMatchObject({
    closedBy: 'system',
    endDate: contract.endDate,
  });
}, 60_000);

it.each([
  [{ status: 'closed' }, 'status'],
  [{ limit: 500 }, 'limit'],
  [{ cursor: 'x' }, 'cursor'],
])('refuses %j naming %s (400)', async (filter, path) => {
  await expect(running.app.get(ContractQueries).followUps(filter, owner)).rejects.toMatchObject({
    code: 'VALIDATION',
    errors: [expect.objectContaining({ path }) as unknown],
  });
});
