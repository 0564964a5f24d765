import { databaseUrl } from '@serviceops/testing';
import { Client, Pool } from 'pg';
import type { MessagingLogger } from '../src';
import { Wakeups } from '../src/log/wakeups';

// The log transport's wake-ups: a service subscribes all its consumers at once, so LISTENs arrive together on
// one connection. Each must take effect, one statement at a time (pg warns, and pg 9 will fail, when a client is
// handed a query while another runs).

describe('wake-ups', () => {
  const pool = new Pool({ connectionString: databaseUrl(), max: 2 });
  const errors: string[] = [];
  const logger: MessagingLogger = { error: (message) => errors.push(message), warn: () => undefined };
  const wakeups = new Wakeups(pool, logger);
  // The most LISTEN statements a client had running at once.
  let running = 0;
  let most = 0;
  beforeAll(() => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called back with the client as `this`
    const query = Client.prototype.query;
    jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const listen = typeof args[0] === 'string' && args[0].startsWith('LISTEN');
      const result = (query as (...a: unknown[]) => unknown).apply(this, args);
      if (!listen || !(result instanceof Promise)) return result as never;
      running += 1;
      most = Math.max(most, running);
      return result.finally(() => (running -= 1)) as never;
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await wakeups.close();
    await pool.end();
  });

  it('listens on channels asked for together, each woken by its own NOTIFY', async () => {
    const channels = Array.from({ length: 6 }, (_, i) => `wakeups_test_${process.pid}_${i}`);
    await Promise.all(channels.map((channel) => wakeups.listen(channel)));
    for (const channel of channels) {
      const woken = wakeups.wait(channel, 5_000);
      await pool.query(`NOTIFY "${channel}"`);
      expect(await woken).toBe(true);
    }
    expect(await wakeups.wait(channels[0] as string, 50)).toBe(false); // no NOTIFY: the wait times out
    expect(errors).toEqual([]);
    expect(most).toBe(1);
  });

  it('ends a wait at once when a NOTIFY came after the mark, while the reader was busy', async () => {
    const channel = `wakeups_mark_${process.pid}`;
    await wakeups.listen(channel);
    const mark = wakeups.mark(channel);
    const woken = wakeups.wait(channel, 5_000); // stands for the NOTIFY's arrival
    await pool.query(`NOTIFY "${channel}"`);
    await woken;
    const started = Date.now();
    expect(await wakeups.wait(channel, 5_000, mark)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
    // With the mark taken after that NOTIFY, the wait times out.
    expect(await wakeups.wait(channel, 50, wakeups.mark(channel))).toBe(false);
  });
});
