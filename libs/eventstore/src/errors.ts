/** Every refusal of the event store has its own type and a stable code; nothing is written when one is thrown. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'EVENTSTORE.WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersionLike,
    readonly actual: number,
  ) {
    super(`stream "${streamId}" is at version ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

type ExpectedVersionLike = number | string;

export class InvalidStreamIdError extends EventStoreError {
  readonly code = 'EVENTSTORE.INVALID_STREAM_ID';
  constructor(reason: string) {
    super(`invalid stream id: ${reason}`);
    this.name = 'InvalidStreamIdError';
  }
}

export class InvalidExpectedVersionError extends EventStoreError {
  readonly code = 'EVENTSTORE.INVALID_EXPECTED_VERSION';
  constructor(value: unknown) {
    super(
      `expected version must be a non-negative integer or 'any' | 'no_stream' | 'stream_exists', got ${describe(value)}`,
    );
    this.name = 'InvalidExpectedVersionError';
  }
}

export class InvalidEventError extends EventStoreError {
  readonly code = 'EVENTSTORE.INVALID_EVENT';
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidEventError';
  }
}

export class EventNotSerializableError extends EventStoreError {
  readonly code = 'EVENTSTORE.NOT_SERIALIZABLE';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`event is not JSON-serializable at ${path}: ${reason}`);
    this.name = 'EventNotSerializableError';
  }
}

export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'EVENTSTORE.DUPLICATE_EVENT_ID';
  constructor(readonly eventId: string) {
    super(`an event with id ${eventId} is already stored`);
    this.name = 'DuplicateEventIdError';
  }
}

export class UnknownEventTypeError extends EventStoreError {
  readonly code = 'EVENTSTORE.UNKNOWN_EVENT_TYPE';
  constructor(
    readonly eventType: string,
    readonly schemaVersion?: number,
  ) {
    super(
      schemaVersion === undefined
        ? `unknown event type "${eventType}"`
        : `no upcaster for event type "${eventType}" from schema version ${schemaVersion}`,
    );
    this.name = 'UnknownEventTypeError';
  }
}

export class InvalidSchemaNameError extends EventStoreError {
  readonly code = 'EVENTSTORE.INVALID_SCHEMA';
  constructor(schema: string) {
    super(`schema name must match /^[a-z_][a-z0-9_]{0,62}$/, got "${schema}"`);
    this.name = 'InvalidSchemaNameError';
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'bigint') return `${value}n`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
