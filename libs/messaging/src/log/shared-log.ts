import type { Checkpoint, PostgresEventStore, ReadAllResult } from '@serviceops/eventstore';

/**
 * One service's log as this process's consumers read it. A commit wakes every consumer of the log at once, and
 * those at the head ask for the same page: they share one query instead of each running its own (a service
 * with ten consumers of a topic read each new event ten times before). A page that reached the head is also
 * kept until the next wake-up: a consumer that finishes its work later and asks for the rest of that page, from a
 * place inside it, gets the rest without a query (the page carries the mark of its query, so a NOTIFY after it
 * still wakes that consumer at once). One that asks from the page's end, or later, reads afresh.
 */
export class SharedLog {
  private readonly inFlight = new Map<string, Promise<SharedPage>>();
  /** The last page read that reached the head of the log, with where it was read from. */
  private head: { readonly after: Checkpoint; readonly limit: number; readonly page: SharedPage } | undefined;

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
    const kept = this.fromHead(after, limit);
    if (kept) return Promise.resolve(kept);
    const key = `${after.transactionId}:${after.position}:${limit}`;
    let page = this.inFlight.get(key);
    if (!page) {
      const mark = this.mark();
      page = this.store
        .readAll({ after, limit })
        .then((read) => {
          const shared = { ...read, mark };
          if (read.events.length < limit && (!this.head || this.head.page.mark <= mark))
            this.head = { after, limit, page: shared };
          return shared;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, page);
    }
    return page;
  }

  /**
   * The rest of the kept head page after `after`, when no wake-up came since it was read and `after` is inside it
   * (before its last event).
   */
  private fromHead(after: Checkpoint, limit: number): SharedPage | undefined {
    const head = this.head;
    if (!head || head.limit !== limit || head.page.mark !== this.mark()) return undefined;
    // From the page's end on, a reader asks what came since (it may be polling, for writes that send no NOTIFY).
    if (before(after, head.after) || !before(after, head.page.checkpoint)) return undefined;
    const events = head.page.events.filter((e) =>
      before(after, { transactionId: e.transactionId, position: e.globalPosition }),
    );
    return { events, checkpoint: head.page.checkpoint, mark: head.page.mark };
  }
}

/** Whether `a` comes before `b` in the log. */
function before(a: Checkpoint, b: Checkpoint): boolean {
  return (
    a.transactionId < b.transactionId || (a.transactionId === b.transactionId && a.position < b.position)
  );
}

export type SharedPage = ReadAllResult & { readonly mark: number };
