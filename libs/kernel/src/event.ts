/** What every stored event carries besides its data: who, on whose behalf, why, under which policy. */
export interface EventMetadata {
  readonly tenantId?: string;
  readonly actorId?: string;
  readonly onBehalfOf?: string;
  /** The platform's own id, linking what one request did: always generated, never taken from a caller. */
  readonly correlationId?: string;
  /** The caller's X-Correlation-Id as they sent it, kept for them to find their request: never used to link. */
  readonly clientCorrelationId?: string;
  readonly causationId?: string;
  readonly traceparent?: string;
  readonly policyVersion?: number;
  readonly reason?: string;
  readonly [key: string]: unknown;
}

/** A fact in the past tense, before it is stored. */
export interface Event<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** An event as the store recorded it. */
export type RecordedEvent<E extends Event = Event> = E & {
  readonly eventId: string;
  readonly streamId: string;
  /** 1 for the first event of a stream. */
  readonly streamVersion: number;
  readonly globalPosition: bigint;
  /** The writing transaction's id (xid8): with globalPosition, the global log's order. */
  readonly transactionId: bigint;
  readonly schemaVersion: number;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
};
