import { START, type ReadAllOptions, type ReadAllResult } from '@serviceops/eventstore';
import type { RecordedEvent } from '@serviceops/kernel';
import { SharedLog } from './shared-log';

/** A store whose reads answer only when the test says so. */
function pendingStore() {
  const calls: ReadAllOptions[] = [];
  const answers: Array<(page: ReadAllResult) => void> = [];
  return {
    calls,
    answer: (i: number, events: RecordedEvent[] = []) => {
      const last = events[events.length - 1];
      answers[i]?.({
        events,
        checkpoint: last ? { transactionId: last.transactionId, position: last.globalPosition } : START,
      });
    },
    readAll: (options: ReadAllOptions = {}) =>
      new Promise<ReadAllResult>((resolve) => {
        calls.push(options);
        answers.push(resolve);
      }),
  };
}

describe('a shared log', () => {
  it('reads a page once for consumers asking for it at the same moment', async () => {
    const store = pendingStore();
    const log = new SharedLog(store);
    const pages = [log.readAll(START, 500), log.readAll(START, 500), log.readAll(START, 500)];
    expect(store.calls).toHaveLength(1);
    store.answer(0);
    const [a, b, c] = await Promise.all(pages);
    expect(a).toBe(b);
    expect(b).toBe(c);
  });

  it('reads afresh once a wake-up came after the shared read', async () => {
    const store = pendingStore();
    let wakeups = 0;
    const log = new SharedLog(store, () => wakeups);
    const first = log.readAll(START, 500);
    store.answer(0);
    await first;
    wakeups += 1; // a NOTIFY: something was committed after the read
    const again = log.readAll(START, 500);
    expect(store.calls).toHaveLength(2);
    store.answer(1);
    expect((await again).mark).toBe(1);
  });

  it('gives the rest of a page that reached the head, without a query, until the next wake-up', async () => {
    const store = pendingStore();
    let wakeups = 0;
    const log = new SharedLog(store, () => wakeups);
    const [e1, e2, e3] = [event(5n, 1n), event(5n, 2n), event(6n, 3n)];
    const first = log.readAll(START, 500);
    store.answer(0, [e1, e2, e3]);
    expect((await first).events).toEqual([e1, e2, e3]);

    // A consumer that finished e1 later asks from there: the rest of the page, with the mark of its read.
    expect(await log.readAll(at(e1), 500)).toEqual({ events: [e2, e3], checkpoint: at(e3), mark: 0 });
    expect(await log.readAll(at(e2), 500)).toEqual({ events: [e3], checkpoint: at(e3), mark: 0 });
    expect(store.calls).toHaveLength(1);

    // From the page's end a reader asks what came since (it may be polling for writes that send no NOTIFY).
    const fromEnd = log.readAll(at(e3), 500);
    expect(store.calls).toHaveLength(2);
    store.answer(1);
    await fromEnd;

    wakeups += 1;
    const after = log.readAll(at(e1), 500);
    expect(store.calls).toEqual([
      { after: START, limit: 500 },
      { after: at(e3), limit: 500 },
      { after: at(e1), limit: 500 },
    ]);
    store.answer(2);
    await after;
  });

  it.each([
    ['a full page (more may follow it)', START, 3],
    ['a place past the page', { transactionId: 6n, position: 5n }, 500],
    ['the page’s end', { transactionId: 6n, position: 4n }, 500],
    ['a place before the page was read from', { transactionId: 0n, position: 0n }, 500],
  ])('reads again for %s', async (_, after, limit) => {
    const store = pendingStore();
    const log = new SharedLog(store);
    const from = { transactionId: 0n, position: 1n };
    const first = log.readAll(from, limit);
    store.answer(0, [event(5n, 2n), event(5n, 3n), event(6n, 4n)]);
    await first;
    const next = log.readAll(after, limit);
    expect(store.calls).toHaveLength(2);
    store.answer(1);
    await next;
  });

  it.each([
    ['another checkpoint', { transactionId: 7n, position: 3n }, 500],
    ['another position in the same transaction', { transactionId: 0n, position: 1n }, 500],
    ['another page size', START, 10],
  ])('reads separately for %s', async (_, after, limit) => {
    const store = pendingStore();
    const log = new SharedLog(store);
    const pages = [log.readAll(START, 500), log.readAll(after, limit)];
    expect(store.calls).toEqual([
      { after: START, limit: 500 },
      { after, limit },
    ]);
    store.answer(0);
    store.answer(1);
    await Promise.all(pages);
  });
});

function event(transactionId: bigint, globalPosition: bigint): RecordedEvent {
  return {
    eventId: `e-${globalPosition}`,
    type: 'Happened',
    schemaVersion: 1,
    streamId: 's-1',
    streamVersion: Number(globalPosition),
    globalPosition,
    transactionId,
    data: {},
    metadata: {},
    recordedAt: new Date(0),
  };
}

const at = (e: RecordedEvent) => ({ transactionId: e.transactionId, position: e.globalPosition });
