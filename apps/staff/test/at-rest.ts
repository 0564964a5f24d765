import type { RecordedEvent } from '@serviceops/kernel';
import type { EventSourcingRuntime } from '@serviceops/platform';

// What the staff integration specs read of the event store to show what is sealed.

/** A stream's events as the store gives them (sealed values still sealed). */
export async function storedEvents(
  runtime: EventSourcingRuntime,
  stream: string,
): Promise<readonly RecordedEvent[]> {
  return (await runtime.store.readStream(stream)).events;
}

/** The event store's rows of a stream as text: what a backup or a look at the table shows. */
export async function atRest(runtime: EventSourcingRuntime, stream: string): Promise<string> {
  const { rows } = await runtime.store.pool.query<{ data: unknown }>(
    `SELECT data FROM staff.events WHERE stream_id = $1`,
    [stream],
  );
  expect(rows.length).toBeGreaterThan(0);
  return JSON.stringify(rows);
}
