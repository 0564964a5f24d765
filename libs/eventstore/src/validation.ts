import { isUuid, newId, type EventMetadata } from '@serviceops/kernel';
import { InvalidEventError, InvalidExpectedVersionError, InvalidStreamIdError } from './errors';
import type { EventRegistry } from './registry';
import { toJson } from './serialization';
import type { ExpectedVersion, NewEvent } from './types';

export const MAX_STREAM_ID_LENGTH = 200;
export const MAX_TYPE_LENGTH = 200;
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;

/** An event checked and turned into the row the store writes. */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
}

export function assertStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new InvalidStreamIdError('must be a non-empty string');
  }
  if (streamId.length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidStreamIdError(
      `is ${streamId.length} characters, at most ${MAX_STREAM_ID_LENGTH} allowed`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(streamId)) {
    throw new InvalidStreamIdError('must not contain control characters');
  }
}

export function assertExpectedVersion(expected: unknown): asserts expected is ExpectedVersion {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw new InvalidExpectedVersionError(expected);
}

/** Checks a whole append before anything is written, so a bad event refuses the append as a whole. */
export function prepareEvents(
  events: readonly NewEvent[],
  metadata: EventMetadata | undefined,
  registry: EventRegistry | undefined,
  maxEventBytes: number,
): PreparedEvent[] {
  // Checked as `unknown`: on a readonly array, Array.isArray would narrow the events to `any`.
  const input: unknown = events;
  if (!Array.isArray(input) || input.length === 0) {
    throw new InvalidEventError('an append needs at least one event');
  }
  const seen = new Set<string>();
  return events.map((event, i) => {
    if (typeof event !== 'object' || event === null)
      throw new InvalidEventError(`event [${i}] is not an object`);
    const { type } = event;
    if (typeof type !== 'string' || type.length === 0 || type.length > MAX_TYPE_LENGTH) {
      throw new InvalidEventError(`event [${i}] needs a type of 1 to ${MAX_TYPE_LENGTH} characters`);
    }
    const eventId = event.eventId ?? newId();
    if (!isUuid(eventId)) throw new InvalidEventError(`event [${i}] has an event id that is not a uuid`);
    if (seen.has(eventId)) throw new InvalidEventError(`event id ${eventId} appears twice in one append`);
    seen.add(eventId);
    const data = toJson(event.data, `events[${i}].data`);
    if (Buffer.byteLength(data) > maxEventBytes) {
      throw new InvalidEventError(`event [${i}] (${type}) is larger than ${maxEventBytes} bytes`);
    }
    return {
      eventId,
      type,
      schemaVersion: registry ? registry.currentVersion(type) : 1,
      data,
      metadata: toJson({ ...metadata, ...event.metadata }, `events[${i}].metadata`),
    };
  });
}
