import { withTransaction } from '@serviceops/eventstore';
import { eventsTopic, type DeliveredEvent } from '@serviceops/messaging';
import { eventually } from '@serviceops/testing';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { ContractStore } from '../src/application/contract-store';
import type { ContractsOnOwnDatabase } from './contracts-on-own-database';

// What the specs of the forward-only read models (decision 48) share: a row of the read model as stored, the
// stream it follows as its consumer receives it, and the two checks: a redelivered older event (the transport
// delivers at least once; a consumer restarted before its checkpoint delivers again), or the latest again, leaves
// the row as the latest made it; a replay of the stream from scratch writes the same row, and again over it.

export interface ForwardOnlyReadModel {
  /** The read model's table and the column that keys a row. */
  readonly table: string;
  readonly key: string;
  /** The projection as the service's consumer runs it. */
  readonly projection: (
    dataSource: DataSource,
  ) => (delivered: DeliveredEvent, tx: PoolClient) => Promise<void>;
}

/** A row of the read model, made live by the service, and the stream it follows. */
export interface Followed {
  /** The row's key. */
  readonly id: string;
  readonly streamId: string;
}

/**
 * Declares the redelivery and the replay tests of `model` on the service of `db`. `arrange` makes a stream of a few
 * events through the service; `live` states what the row is after its last event (the state an older event would
 * set back).
 */
export function itMovesOnlyForward(
  db: () => ContractsOnOwnDatabase,
  model: ForwardOnlyReadModel,
  arrange: () => Promise<Followed>,
  live: Record<string, unknown>,
): void {
  const app = () => db().running().app;
  const rowOf = async (id: string) =>
    (
      await db().pool.query<Record<string, unknown>>(`SELECT * FROM ${model.table} WHERE ${model.key} = $1`, [
        id,
      ])
    ).rows[0];
  /** Delivers `event` to the projection again, in a transaction of its own as the consumer does. */
  const deliver = (event: DeliveredEvent) =>
    withTransaction(db().pool, (tx) => model.projection(app().get(DataSource))(event, tx));

  /** The stream as the read model's consumer receives it, and its row once the consumer has applied it all. */
  async function followed() {
    const { id, streamId } = await arrange();
    const events = (await app().get(ContractStore).runtime.store.readStream(streamId)).events.map(
      (e): DeliveredEvent => ({ ...e, topic: eventsTopic('contracts') }),
    );
    const last = events.at(-1)!;
    const row = await eventually(`${model.table} caught up`, async () => {
      const found = await rowOf(id);
      return found?.['version'] === last.streamVersion ? found : undefined;
    });
    expect(row).toMatchObject({ version: last.streamVersion, ...live });
    return { id, events, row };
  }

  it(`${model.table}: keeps the latest state when older events, then the latest, are delivered again`, async () => {
    const { id, events, row } = await followed();
    expect(events.length).toBeGreaterThan(2);
    for (const older of events.slice(0, -1).reverse()) {
      await deliver(older);
      expect(await rowOf(id)).toEqual(row);
    }
    await deliver(events.at(-1)!);
    expect(await rowOf(id)).toEqual(row);
  }, 60_000);

  it(`${model.table}: writes the same row when the stream is replayed from scratch, and again over it`, async () => {
    const { id, events, row } = await followed();
    await db().pool.query(`DELETE FROM ${model.table} WHERE ${model.key} = $1`, [id]);
    expect(await rowOf(id)).toBeUndefined();
    for (const event of events) await deliver(event);
    expect(await rowOf(id)).toEqual(row);
    // The whole stream once more (a consumer's checkpoint lost): nothing moves, at any event.
    for (const event of events) {
      await deliver(event);
      expect(await rowOf(id)).toEqual(row);
    }
  }, 60_000);
}
