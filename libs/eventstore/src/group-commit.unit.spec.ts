import { waves, type AppendOutcome, type AppendRequest } from './append';
import { GroupCommitter } from './group-commit';

const request = (streamId: string): AppendRequest => ({ streamId, expected: 'any', events: [] });
const ok = (r: AppendRequest): AppendOutcome => ({
  ok: true,
  result: {
    streamId: r.streamId,
    nextExpectedVersion: 1,
    firstPosition: 1n,
    lastPosition: 1n,
    transactionId: 1n,
  },
});

/** A writer whose batches finish only when the test says so. */
function controlledWriter() {
  const batches: { streams: string[]; finish: () => void }[] = [];
  const write = (batch: readonly AppendRequest[]) =>
    new Promise<AppendOutcome[]>((resolve) => {
      batches.push({ streams: batch.map((r) => r.streamId), finish: () => resolve(batch.map(ok)) });
    });
  return { batches, write };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('GroupCommitter', () => {
  it('writes appends that arrive during a transaction together in the next one', async () => {
    const w = controlledWriter();
    const committer = new GroupCommitter({ maxBatch: 100, maxConcurrent: 1 }, w.write);
    const first = committer.submit(request('a'));
    const rest = ['b', 'c', 'd'].map((s) => committer.submit(request(s)));
    await tick();
    expect(w.batches.map((b) => b.streams)).toEqual([['a']]);
    w.batches[0]?.finish();
    await first;
    await tick();
    expect(w.batches.map((b) => b.streams)).toEqual([['a'], ['b', 'c', 'd']]);
    w.batches[1]?.finish();
    await Promise.all(rest);
  });

  it('never puts one stream in two batches in flight, and keeps its appends in order', async () => {
    const w = controlledWriter();
    const committer = new GroupCommitter({ maxBatch: 100, maxConcurrent: 2 }, w.write);
    void committer.submit(request('s'));
    await tick();
    void committer.submit(request('s'));
    void committer.submit(request('t'));
    await tick();
    // The second batch may take 't' but must leave the second 's' until the first batch is done.
    expect(w.batches.map((b) => b.streams)).toEqual([['s'], ['t']]);
    w.batches[0]?.finish();
    await tick();
    await tick();
    expect(w.batches.map((b) => b.streams)).toEqual([['s'], ['t'], ['s']]);
  });

  it('caps the batch size', async () => {
    const w = controlledWriter();
    const committer = new GroupCommitter({ maxBatch: 2, maxConcurrent: 1 }, w.write);
    void committer.submit(request('x'));
    await tick();
    ['a', 'b', 'c'].forEach((s) => void committer.submit(request(s)));
    w.batches[0]?.finish();
    await tick();
    await tick();
    expect(w.batches[1]?.streams).toEqual(['a', 'b']);
  });

  it('fails every append of a batch whose write threw, and carries on', async () => {
    let calls = 0;
    const committer = new GroupCommitter({ maxBatch: 10, maxConcurrent: 1 }, (batch) => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error('connection lost')) : Promise.resolve(batch.map(ok));
    });
    const failed = await committer.submit(request('a'));
    expect(failed).toEqual({ ok: false, error: new Error('connection lost') });
    expect((await committer.submit(request('b'))).ok).toBe(true);
  });
});

describe('waves', () => {
  it('puts each stream at most once in a wave, keeping each stream’s appends in order', () => {
    const batch = ['a', 'b', 'a', 'c', 'a', 'b'].map(request);
    const result = waves(batch).map((wave) => wave.map(({ index, request: r }) => `${r.streamId}${index}`));
    expect(result).toEqual([['a0', 'b1', 'c3'], ['a2', 'b5'], ['a4']]);
  });
});
