import type { RecordedEvent } from '@serviceops/kernel';

/** One event of a record's history, as `/history` answers it: never the values, only which fields were set. */
export interface HistoryEntry {
  readonly version: number;
  readonly type: string;
  readonly at: string;
  readonly actorId: string;
  readonly onBehalfOf?: string;
  readonly reason?: string;
  readonly correlationId?: string;
  readonly fields: readonly string[];
  readonly policyVersion?: number;
}

/**
 * A stream's events as history: who, when, on whose behalf, why, which fields (never their values); `idField` (the
 * record's own id) is not listed. The customers service's `historyOf` is the same with 'customerId'.
 */
export function historyOf(events: readonly RecordedEvent[], idField: string): HistoryEntry[] {
  return events.map((e) => ({
    version: e.streamVersion,
    type: e.type,
    at: e.recordedAt.toISOString(),
    actorId: String(e.metadata.actorId ?? 'system'),
    ...(e.metadata.onBehalfOf ? { onBehalfOf: e.metadata.onBehalfOf } : {}),
    ...(e.metadata.reason ? { reason: e.metadata.reason } : {}),
    ...(e.metadata.correlationId ? { correlationId: e.metadata.correlationId } : {}),
    ...(e.metadata.policyVersion !== undefined ? { policyVersion: e.metadata.policyVersion } : {}),
    fields: Object.keys(e.data as object).filter((f) => f !== idField),
  }));
}
