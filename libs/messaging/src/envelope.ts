import type { EventMetadata, RecordedEvent } from '@serviceops/kernel';

/** An event as consumers receive it, whichever transport carried it. */
export type DeliveredEvent = RecordedEvent & { readonly topic: string };

/** The wire form of an event (Kafka message value): JSON, with bigints as strings. */
export interface Envelope {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: string;
  readonly transactionId: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recordedAt: string;
}

export function toEnvelope(event: RecordedEvent): Envelope {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    globalPosition: event.globalPosition.toString(),
    transactionId: event.transactionId.toString(),
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
  };
}

export class MalformedEnvelopeError extends Error {
  readonly code = 'MESSAGING.MALFORMED_ENVELOPE';
  constructor(reason: string) {
    super(`malformed event envelope: ${reason}`);
    this.name = 'MalformedEnvelopeError';
  }
}

export function fromEnvelope(topic: string, raw: unknown): DeliveredEvent {
  if (typeof raw !== 'object' || raw === null) throw new MalformedEnvelopeError('not an object');
  const e = raw as Partial<Envelope>;
  for (const field of [
    'eventId',
    'type',
    'streamId',
    'globalPosition',
    'transactionId',
    'recordedAt',
  ] as const) {
    if (typeof e[field] !== 'string') throw new MalformedEnvelopeError(`${field} is missing`);
  }
  if (typeof e.streamVersion !== 'number' || typeof e.schemaVersion !== 'number') {
    throw new MalformedEnvelopeError('versions are missing');
  }
  return {
    topic,
    eventId: e.eventId as string,
    type: e.type as string,
    schemaVersion: e.schemaVersion,
    streamId: e.streamId as string,
    streamVersion: e.streamVersion,
    globalPosition: BigInt(e.globalPosition as string),
    transactionId: BigInt(e.transactionId as string),
    data: e.data,
    metadata: e.metadata ?? {},
    recordedAt: new Date(e.recordedAt as string),
  };
}

export function parseEnvelope(topic: string, value: Buffer | null): DeliveredEvent {
  if (!value) throw new MalformedEnvelopeError('empty message');
  let raw: unknown;
  try {
    raw = JSON.parse(value.toString('utf8'));
  } catch {
    throw new MalformedEnvelopeError('not JSON');
  }
  return fromEnvelope(topic, raw);
}
