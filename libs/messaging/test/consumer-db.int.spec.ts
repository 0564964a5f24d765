import { randomUUID } from 'node:crypto';
import { testPool, uniqueName } from '@serviceops/testing';
import type { Pool, PoolClient } from 'pg';
import { ConsumerDb, type DeliveredEvent } from '../src';

// A run of events applied in one transaction (`deliverAll`) on real PostgreSQL: the inbox rows of the whole run,
// and the checkpoint, go in the statement that opens it; what was applied before is passed over, and a failing
// handler leaves nothing behind.

const CONSUMER = 'projection';
const SOURCE = 'svc.events';

let pool: Pool;
let db: ConsumerDb;

beforeAll(async () => {
  pool = testPool({ max: 4 });
  db = new ConsumerDb(pool, uniqueName('cdb'));
  await db.migrate();
  await pool.query(`CREATE TABLE "${db.schema}".effects (event_id uuid, consumer text)`);
});

afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS "${db.schema}" CASCADE`);
  await pool.end();
});

let position = 0n;

function event(eventId: string = randomUUID()): DeliveredEvent {
  position += 1n;
  return {
    eventId,
    type: 'Happened',
    schemaVersion: 1,
    streamId: `thing-${randomUUID()}`,
    streamVersion: 1,
    globalPosition: position,
    transactionId: position,
    data: {},
    metadata: {},
    recordedAt: new Date(),
    topic: SOURCE,
  };
}

const record = async (e: DeliveredEvent, tx: PoolClient) => {
  await tx.query(`INSERT INTO "${db.schema}".effects (event_id, consumer) VALUES ($1, $2)`, [
    e.eventId,
    CONSUMER,
  ]);
};

async function effects(): Promise<string[]> {
  const { rows } = await pool.query<{ event_id: string }>(
    `SELECT event_id FROM "${db.schema}".effects ORDER BY event_id`,
  );
  return rows.map((r) => r.event_id);
}

describe('a run of events delivered together', () => {
  beforeEach(async () => {
    await pool.query(`TRUNCATE "${db.schema}".effects`);
    await db.forget(CONSUMER);
  });

  it('applies each new event once, passes over those applied before, and moves the checkpoint with them', async () => {
    const [a, b, c] = [event(), event(), event()] as [DeliveredEvent, DeliveredEvent, DeliveredEvent];
    expect(
      await db.deliver(CONSUMER, b, record, { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 }),
    ).toEqual(expect.objectContaining({ result: 'applied' }));

    const results = await db.deliverAll(CONSUMER, [a, b, c], record, {
      source: SOURCE,
      checkpoint: { transactionId: c.transactionId, position: c.globalPosition },
    });

    expect(results).toEqual(['applied', 'duplicate', 'applied']);
    expect(await effects()).toEqual([a.eventId, b.eventId, c.eventId].sort());
    expect(await db.loadCheckpoint(CONSUMER, SOURCE)).toEqual({
      transactionId: c.transactionId,
      position: c.globalPosition,
    });
    // Delivered again (a replay from an older checkpoint): nothing more.
    expect(await db.deliverAll(CONSUMER, [a, c], record)).toEqual(['duplicate', 'duplicate']);
    expect(await effects()).toHaveLength(3);
  });

  it('finds an event id in upper case among those applied', async () => {
    const id = randomUUID();
    const [first, again] = [event(id.toUpperCase()), event(id)];

    expect(await db.deliverAll(CONSUMER, [first, event()], record)).toEqual(['applied', 'applied']);
    expect(await db.deliverAll(CONSUMER, [again, event()], record)).toEqual(['duplicate', 'applied']);
    expect((await effects()).filter((e) => e === id)).toHaveLength(1);
  });

  it('leaves no effect, inbox row or checkpoint when a handler fails', async () => {
    const [a, b] = [event(), event()];
    const failing = async (e: DeliveredEvent, tx: PoolClient) => {
      await record(e, tx);
      if (e === b) throw new Error('the handler failed');
    };

    const results = await db.deliverAll(CONSUMER, [a, b], failing, {
      source: SOURCE,
      checkpoint: { transactionId: b.transactionId, position: b.globalPosition },
    });

    expect(results).toBeUndefined();
    expect(await effects()).toEqual([]);
    expect(await db.loadCheckpoint(CONSUMER, SOURCE)).toBeUndefined();
    expect(await db.deliverAll(CONSUMER, [a, b], record)).toEqual(['applied', 'applied']);
  });

  it('answers an empty run with no results and no transaction', async () => {
    const spy = jest.spyOn(pool, 'connect');
    expect(await db.deliverAll(CONSUMER, [], record)).toEqual([]);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
