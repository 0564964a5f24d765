import type { Checkpoint, PostgresEventStore, ReadAllResult } from '@serviceops/eventstore';

/**
 * One service's log as this process's consumers read it. A commit wakes every consumer of the log at once, and
 * those at the head ask for the same page: they share one query instead of each running its own (a service
 * with ten consumers of a topic read each new event ten times before). Only reads in flight are shared, never
 * kept: a page asked for after one was answered is read afresh.
 */
export class SharedLog {
  private readonly inFlight = new Map<string, Promise<SharedPage>>();

  /**
   * `mark` (optional) notes the log's wake-ups when a query is sent: a page carries the mark of the query that
   * read it, so a reader that joined a read in flight waits for NOTIFYs later than that query, not than its
   * own arrival.
   */
  constructor(
    private readonly store: Pick<PostgresEventStore, 'readAll'>,
    private readonly mark: () => number = () => 0,
  ) {}

  readAll(after: Checkpoint, limit: number): Promise<SharedPage> {
    const key = `${after.transactionId}:${after.position}:${limit}`;
    let page = this.inFlight.get(key);
    if (!page) {
      const mark = this.mark();
      page = this.store
        .readAll({ after, limit })
        .then((read) => ({ ...read, mark }))
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, page);
    }
    return page;
  }
}

export type SharedPage = ReadAllResult & { readonly mark: number };
