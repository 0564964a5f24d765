import type { Checkpoint, PostgresEventStore, ReadAllResult } from '@serviceops/eventstore';

/**
 * One service's log as this process's consumers read it. A commit wakes every consumer of the log at once, and
 * those at the head ask for the same page: they share one query instead of each running its own (a service
 * with ten consumers of a topic read each new event ten times before). Only reads in flight are shared, never
 * kept: a page asked for after one was answered is read afresh.
 */
export class SharedLog {
  private readonly inFlight = new Map<string, Promise<ReadAllResult>>();

  constructor(private readonly store: Pick<PostgresEventStore, 'readAll'>) {}

  readAll(after: Checkpoint, limit: number): Promise<ReadAllResult> {
    const key = `${after.transactionId}:${after.position}:${limit}`;
    let page = this.inFlight.get(key);
    if (!page) {
      page = this.store.readAll({ after, limit }).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, page);
    }
    return page;
  }
}
