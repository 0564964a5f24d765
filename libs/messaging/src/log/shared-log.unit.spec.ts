import { START, type ReadAllOptions, type ReadAllResult } from '@serviceops/eventstore';
import { SharedLog } from './shared-log';

/** A store whose reads answer only when the test says so. */
function pendingStore() {
  const calls: ReadAllOptions[] = [];
  const answers: Array<(page: ReadAllResult) => void> = [];
  return {
    calls,
    answer: (i: number) => answers[i]?.({ events: [], checkpoint: START }),
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

  it('reads afresh once the shared read has answered: nothing is kept', async () => {
    const store = pendingStore();
    const log = new SharedLog(store);
    const first = log.readAll(START, 500);
    store.answer(0);
    await first;
    const again = log.readAll(START, 500);
    expect(store.calls).toHaveLength(2);
    store.answer(1);
    await again;
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
