import { randomBytes } from 'node:crypto';
import { dropDatabase, freePort } from '@serviceops/platform/testing';
import type { CallContext } from '@serviceops/platform';
import {
  internalPrivateKeyOf,
  InternalTokenSigner,
  LocalServices,
  runService,
  type RunningService,
} from '@serviceops/platform';
import { newId } from '@serviceops/kernel';
import { databaseUrl, eventually, newInternalKeyPair, uniqueName } from '@serviceops/testing';
import { Pool } from 'pg';
import { customersService } from '../../customers/src/customers.service-definition';
import { ProblemResponse } from '../../gateway/src/errors/problems';
import { Upstream, type UpstreamAddresses } from '../../gateway/src/upstream/upstream';
import { API, type Rpc } from '@serviceops/contracts';

/** What a call gave: its answer, or the problem it failed with. */
async function outcome(call: () => Promise<unknown>): Promise<{ answer?: unknown; problem?: unknown }> {
  try {
    return { answer: await call() };
  } catch (error) {
    if (error instanceof ProblemResponse) return { problem: error.problem };
    throw error;
  }
}

/**
 * The contract between the two topologies: one running customers service, called over gRPC (a process per
 * service) and in its process (`LocalServices`, the one-process default), answers and fails alike.
 */
describe('a call in process answers as the gRPC call does', () => {
  const tenantId = newId();
  const caller: CallContext = {
    tenantId,
    actorId: newId(),
    roles: ['admin'],
    correlationId: 'topology-contract',
  };
  let admin: Pool;
  let database: string;
  let service: RunningService;
  let overGrpc: Upstream;
  let inProcess: Upstream;
  let addresses: UpstreamAddresses;
  const keys = newInternalKeyPair();
  const signer = new InternalTokenSigner(internalPrivateKeyOf(keys.privateKey), 60);

  beforeAll(async () => {
    admin = new Pool({ connectionString: databaseUrl(), max: 2 });
    database = uniqueName('topology');
    await admin.query(`CREATE DATABASE "${database}"`);
    const url = new URL(databaseUrl());
    url.pathname = `/${database}`;
    const grpcPort = await freePort();
    service = await runService(
      customersService,
      {
        DATABASE_URL: url.toString(),
        TRANSPORT: 'log',
        MASTER_KEY: randomBytes(32).toString('base64'),
        GRPC_PORT: String(grpcPort),
        HTTP_PORT: String(await freePort()),
        LOG_LEVEL: 'warn',
        INTERNAL_TOKEN_PUBLIC_KEYS: keys.publicKey,
      },
      { signals: false },
    );
    const local = new LocalServices();
    local.add('customers', service.app, customersService.handlers);
    // Only customers runs here; the others' addresses are never called.
    addresses = {
      ...(Object.fromEntries(Object.keys(API).map((name) => [name, '127.0.0.1:1'])) as UpstreamAddresses),
      customers: `127.0.0.1:${grpcPort}`,
    };
    overGrpc = new Upstream(addresses, signer);
    inProcess = new Upstream(addresses, signer, undefined, local);
  });

  afterAll(async () => {
    overGrpc.close();
    inProcess.close();
    await service.stop();
    await dropDatabase(database);
    await admin.end();
  });

  const both = async (rpc: Rpc, request: object, who: CallContext | undefined) => {
    const viaGrpc = await outcome(() => overGrpc.call(rpc, request, who));
    const viaProcess = await outcome(() => inProcess.call(rpc, request, who));
    return { viaGrpc, viaProcess };
  };

  it('answers a read alike, field for field', async () => {
    const registered = await inProcess.call<{ id: string; version: number }>(
      'customers.RegisterCustomer',
      { name: 'Lin Dai', phone: '+86 139 0000 1234', channel: 'phone', needs: [], tenantId: 'ignored' },
      caller,
    );
    const { viaGrpc, viaProcess } = await both('customers.GetCustomer', { id: registered.id }, caller);
    expect(viaGrpc.answer).toMatchObject({ id: registered.id, name: 'Lin Dai', phone: '+86 139 0000 1234' });
    expect(viaProcess).toEqual(viaGrpc);
    // The list is a read model fed by the event stream: wait until it holds the customer, then compare.
    await eventually('the customer in the list read model', async () => {
      const list = await overGrpc.call<{ items: unknown[] }>('customers.ListCustomers', { limit: 5 }, caller);
      return list.items.length > 0 ? true : undefined;
    });
    const lists = await both('customers.ListCustomers', { limit: 5 }, caller);
    expect(lists.viaGrpc.answer).toMatchObject({ items: [expect.objectContaining({ id: registered.id })] });
    expect(lists.viaProcess).toEqual(lists.viaGrpc);
  });

  it.each<[string, Rpc, () => object, CallContext | undefined, string]>([
    [
      'a record that does not exist',
      'customers.GetCustomer',
      () => ({ id: newId() }),
      caller,
      'CUSTOMERS.CUSTOMER_NOT_FOUND',
    ],
    ['a malformed path id', 'customers.GetCustomer', () => ({ id: 'not-a-uuid' }), caller, 'NOT_FOUND'],
    [
      'a rule the domain refuses',
      'customers.RegisterCustomer',
      () => ({ name: '', channel: 'phone' }),
      caller,
      'CUSTOMERS.INVALID_NAME',
    ],
    [
      'a malformed body id',
      'customers.OpenInquiry',
      () => ({ customerId: 'x', channel: 'phone', subject: 's', content: 'c' }),
      caller,
      'VALIDATION',
    ],
    ['no caller at all', 'customers.GetCustomer', () => ({ id: newId() }), undefined, 'UNAUTHENTICATED'],
  ])('fails alike on %s', async (_what, rpc, request, who, code) => {
    const { viaGrpc, viaProcess } = await both(rpc, request(), who);
    expect(viaGrpc.problem).toMatchObject({ code });
    expect(viaProcess).toEqual(viaGrpc);
  });

  it('fails alike on a stale If-Match (a conflict)', async () => {
    const { id, version } = await overGrpc.call<{ id: string; version: number }>(
      'customers.RegisterCustomer',
      { name: 'Mei Chen', channel: 'walk_in', needs: [] },
      caller,
    );
    const stale = { id, expectedVersion: version + 7, email: 'mei@example.com' };
    const { viaGrpc, viaProcess } = await both('customers.ChangeCustomerContacts', stale, caller);
    expect(viaGrpc.problem).toMatchObject({ code: 'EVENTSTORE.WRONG_EXPECTED_VERSION', status: 409 });
    expect(viaProcess).toEqual(viaGrpc);
  });

  it('fails alike when the deadline passes', async () => {
    const local = new LocalServices();
    local.add('customers', service.app, customersService.handlers);
    const hurriedGrpc = new Upstream(addresses, signer, 0);
    const hurriedLocal = new Upstream(addresses, signer, 0, local);
    try {
      const viaGrpc = await outcome(() => hurriedGrpc.call('customers.ListCustomers', {}, caller));
      const viaProcess = await outcome(() => hurriedLocal.call('customers.ListCustomers', {}, caller));
      expect(viaGrpc.problem).toMatchObject({ code: 'UNAVAILABLE', status: 503 });
      expect(viaProcess).toEqual(viaGrpc);
    } finally {
      hurriedGrpc.close();
      hurriedLocal.close();
    }
  });
});
