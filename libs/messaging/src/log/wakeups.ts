import { Client, type Pool } from 'pg';
import type { MessagingLogger } from '../logger';

/**
 * LISTEN on one dedicated connection, so readers wake as soon as a writer commits. Readers must stay
 * correct without it: every wait also ends on a timeout, and a broken connection only costs latency.
 */
export class Wakeups {
  private client: Client | undefined;
  private connecting: Promise<Client | undefined> | undefined;
  private readonly channels = new Set<string>();
  private readonly waiters = new Map<string, Set<() => void>>();
  /** How many NOTIFYs each channel has had: a reader notes it before a read, and waits only if none came since. */
  private readonly notified = new Map<string, number>();
  /** The highest transaction id each channel's NOTIFY payloads announced (the event store's writes send it). */
  private readonly announcedUpTo = new Map<string, bigint>();
  private closed = false;
  /** LISTEN statements run one after another: a pg client takes one query at a time. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: Pool,
    private readonly logger: MessagingLogger,
  ) {}

  async listen(channel: string): Promise<void> {
    if (this.channels.has(channel)) return;
    this.channels.add(channel);
    const client = await this.connect();
    if (client) await this.listenOn(client, channel);
  }

  private listenOn(client: Client, channel: string): Promise<void> {
    this.queue = this.queue.then(() =>
      client.query(`LISTEN "${channel}"`).then(
        () => undefined,
        (err: unknown) => this.logger.error('LISTEN failed', err),
      ),
    );
    return this.queue;
  }

  /**
   * The highest transaction id announced on `channel` (0 before any). A reader whose checkpoint reached it has
   * read every announced write and can wait for the next NOTIFY; below it, a write is committed but not yet
   * readable (an older transaction still runs) and the reader polls.
   */
  announced(channel: string): bigint {
    return this.announcedUpTo.get(channel) ?? 0n;
  }

  private announce(channel: string, payload: string | undefined): void {
    if (!payload || !/^\d+$/.test(payload)) return; // a NOTIFY without a transaction id only wakes
    const id = BigInt(payload);
    if (id > this.announced(channel)) this.announcedUpTo.set(channel, id);
  }

  /** A mark to hand to `wait`: the NOTIFYs on `channel` so far. */
  mark(channel: string): number {
    return this.notified.get(channel) ?? 0;
  }

  /**
   * Resolves true when notified on `channel`, false when `ms` passed first. Given a `mark` taken before a read,
   * a NOTIFY that came after the mark (while the reader was busy) ends the wait at once.
   */
  wait(channel: string, ms: number, since?: number): Promise<boolean> {
    if (since !== undefined && this.mark(channel) !== since) return Promise.resolve(true);
    return new Promise((resolve) => {
      let waiters = this.waiters.get(channel);
      if (!waiters) this.waiters.set(channel, (waiters = new Set()));
      const set = waiters;
      const wake = () => {
        clearTimeout(timer);
        set.delete(wake);
        resolve(true);
      };
      const timer = setTimeout(() => {
        set.delete(wake);
        resolve(false);
      }, ms);
      set.add(wake);
    });
  }

  wakeAll(channel: string): void {
    this.notified.set(channel, this.mark(channel) + 1);
    for (const wake of [...(this.waiters.get(channel) ?? [])]) wake();
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<Client | undefined> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      try {
        const client = new Client(this.pool.options);
        client.on('notification', (msg) => {
          this.announce(msg.channel, msg.payload);
          this.wakeAll(msg.channel);
        });
        client.on('error', (err) => {
          this.logger.error('LISTEN connection failed', err);
          this.client = undefined;
          this.connecting = undefined;
          if (!this.closed) setTimeout(() => void this.reconnect(), 1000);
        });
        await client.connect();
        this.client = client;
        return client;
      } catch (err) {
        this.logger.error('LISTEN connect failed', err);
        this.connecting = undefined;
        return undefined;
      }
    })();
    return this.connecting;
  }

  private async reconnect(): Promise<void> {
    const client = await this.connect();
    if (client) for (const channel of this.channels) await this.listenOn(client, channel);
  }
}
