import type { AppendOutcome, AppendRequest } from './append';

export interface GroupCommitOptions {
  /** Most appends written in one transaction. */
  readonly maxBatch: number;
  /** Most batch transactions in flight at once. */
  readonly maxConcurrent: number;
}

export const DEFAULT_GROUP_COMMIT: GroupCommitOptions = { maxBatch: 512, maxConcurrent: 2 };

interface Waiting {
  readonly request: AppendRequest;
  readonly resolve: (outcome: AppendOutcome) => void;
}

/**
 * Group commit: appends that arrive while a transaction is being written wait and go together in the
 * next one, so many writers share one fsync. A stream is never in two batches in flight at once, which
 * keeps each stream's appends in arrival order and keeps the batches from conflicting with each other.
 */
export class GroupCommitter {
  private readonly queue: Waiting[] = [];
  private readonly busyStreams = new Set<string>();
  private inFlight = 0;

  constructor(
    private readonly options: GroupCommitOptions,
    private readonly write: (batch: readonly AppendRequest[]) => Promise<AppendOutcome[]>,
  ) {}

  submit(request: AppendRequest): Promise<AppendOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ request, resolve });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxConcurrent && this.queue.length > 0) {
      const batch = this.take();
      if (batch.length === 0) return;
      this.inFlight += 1;
      void this.run(batch);
    }
  }

  private take(): Waiting[] {
    const batch: Waiting[] = [];
    const blocked = new Set<string>();
    for (let i = 0; i < this.queue.length && batch.length < this.options.maxBatch;) {
      const item = this.queue[i] as Waiting;
      const stream = item.request.streamId;
      if (this.busyStreams.has(stream) || blocked.has(stream)) {
        blocked.add(stream); // later appends to this stream must wait behind it
        i += 1;
        continue;
      }
      batch.push(item);
      this.queue.splice(i, 1);
    }
    for (const item of batch) this.busyStreams.add(item.request.streamId);
    return batch;
  }

  private async run(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await this.write(batch.map((w) => w.request));
      batch.forEach((w, i) =>
        w.resolve(outcomes[i] ?? { ok: false, error: new Error('append lost its outcome') }),
      );
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      for (const w of batch) w.resolve({ ok: false, error: err });
    } finally {
      for (const w of batch) this.busyStreams.delete(w.request.streamId);
      this.inFlight -= 1;
      this.pump();
    }
  }
}
