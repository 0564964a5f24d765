import type { EventMetadata, RecordedEvent } from '@serviceops/kernel';
import type { PoolClient } from 'pg';

/**
 * What a writer expects the stream to be at: a version number (0 = the stream has no events),
 * 'no_stream', 'stream_exists', or 'any' (no check).
 */
export type ExpectedVersion = number | 'any' | 'no_stream' | 'stream_exists';

export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
  /** Supply one to make a retried append detectable; otherwise a fresh uuid is used. */
  readonly eventId?: string;
  /** Merged over the append's metadata. */
  readonly metadata?: EventMetadata;
}

export interface AppendOptions {
  readonly expectedVersion?: ExpectedVersion;
  readonly metadata?: EventMetadata;
}

export interface AppendResult {
  readonly streamId: string;
  /** The stream's version after this append: pass it as the next expected version. */
  readonly nextExpectedVersion: number;
  readonly firstPosition: bigint;
  readonly lastPosition: bigint;
  readonly transactionId: bigint;
}

export interface ReadStreamOptions {
  /**
   * Read through the caller's open transaction (`appendWith`'s client): it sees that transaction's own uncommitted
   * events, and what others committed before each statement, after any lock the caller took there.
   */
  readonly client?: PoolClient;
  /** First stream version to read (default 1). */
  readonly fromVersion?: number;
  readonly toVersion?: number;
  /** Only events recorded at or before this instant: the stream as it was then. */
  readonly asOf?: Date;
  readonly maxCount?: number;
}

export interface ReadStreamResult {
  readonly streamId: string;
  readonly events: RecordedEvent[];
  /** Version of the last event read (0 when none). */
  readonly version: number;
  readonly exists: boolean;
}

/**
 * A place in the global log. The log is ordered by (transactionId, position); a reader only sees
 * transactions below the oldest one still in flight, so nothing can ever appear behind a checkpoint.
 */
export interface Checkpoint {
  readonly transactionId: bigint;
  readonly position: bigint;
}

export const START: Checkpoint = Object.freeze({ transactionId: 0n, position: 0n });

export interface ReadAllOptions {
  readonly after?: Checkpoint;
  readonly limit?: number;
}

export interface ReadAllResult {
  readonly events: RecordedEvent[];
  /** Where the next read continues: the last event's place, or `after` when nothing was read. */
  readonly checkpoint: Checkpoint;
}

export interface Snapshot<State> {
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly state: State;
}
