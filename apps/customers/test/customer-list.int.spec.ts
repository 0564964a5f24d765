import { withTransaction } from '@serviceops/eventstore';
import { newId } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import { customerListProjection } from '../src/projections/customer-list.projection';
import { openCustomersDatabase, type CustomersDatabase } from './customers-database';

// The customer list on real PostgreSQL: an event it does not show (a use case added later, decision 61) leaves the
// row as it is but for the version, which must stay the stream's (callers send it back as If-Match).

let db: CustomersDatabase;

beforeAll(async () => {
  db = await openCustomersDatabase('customer_list', 2);
}, 60_000);

afterAll(async () => {
  await db?.close();
});

function delivered(customerId: string, version: number, type: string, data: object): DeliveredEvent {
  return {
    type,
    data: { customerId, ...data },
    eventId: newId(),
    streamId: `customer-${newId()}-${customerId}`,
    streamVersion: version,
    globalPosition: BigInt(version),
    transactionId: BigInt(version),
    schemaVersion: 1,
    metadata: { tenantId: newId() },
    recordedAt: new Date(),
    topic: 'customers.events',
  };
}

describe('the customer list', () => {
  it('takes the stream’s version from an event it does not show, and nothing else', async () => {
    const project = customerListProjection(db.dataSource);
    const customerId = newId();
    const at = '2026-11-22T08:00:00.000Z';
    const apply = (event: DeliveredEvent) => withTransaction(db.pool, (tx) => project(event, tx));
    await apply(
      delivered(customerId, 1, 'CustomerRegistered', {
        channel: 'phone',
        registeredAt: at,
        name: 'enc:v1:sealed-name',
      }),
    );
    const before = await db.pool.query<{ version: number; name: string; updated_at: Date }>(
      `SELECT version, name, updated_at FROM customers.customer_list WHERE customer_id = $1`,
      [customerId],
    );
    await apply(
      delivered(customerId, 2, 'CustomerConsentRecorded', { recordedAt: '2026-11-23T08:00:00.000Z' }),
    );
    const after = await db.pool.query<{ version: number; name: string; updated_at: Date }>(
      `SELECT version, name, updated_at FROM customers.customer_list WHERE customer_id = $1`,
      [customerId],
    );
    expect(before.rows).toEqual([{ version: 1, name: 'enc:v1:sealed-name', updated_at: new Date(at) }]);
    expect(after.rows).toEqual([{ version: 2, name: 'enc:v1:sealed-name', updated_at: new Date(at) }]);
  });
});
