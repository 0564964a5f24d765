import { WrongExpectedVersionError, type PostgresEventStore } from '@serviceops/eventstore';
import type { Decider, Event, EventMetadata } from '@serviceops/kernel';
import { currentTraceparent } from './runtime';

/** Who is calling and why: set by the gateway from the token, carried over gRPC metadata. */
export interface CallContext {
  readonly tenantId: string;
  readonly actorId: string;
  readonly roles: readonly string[];
  readonly onBehalfOf?: string;
  readonly correlationId: string;
  readonly idempotencyKey?: string;
  /** Why personal data is read (the X-Purpose header), recorded with each clear read. */
  readonly purpose?: string;
}

export interface ExecuteOptions {
  /** The caller's If-Match: the version the caller last saw. A stale one is a 409. */
  readonly expectedVersion?: number;
  readonly policyVersion?: number;
  readonly reason?: string;
}

export interface Executed<S, E> {
  readonly version: number;
  readonly state: S;
  readonly events: readonly E[];
}

const RACE_RETRIES = 3;

/**
 * Load → decide → append, the whole of a command handler. A concurrent writer that got in first makes the
 * append fail on the stream version; without If-Match the command is decided again on the new state (the
 * decider is pure, so this is safe), with If-Match the caller learns its view was stale.
 */
export async function execute<C, E extends Event, S, Ctx>(
  store: PostgresEventStore,
  decider: Decider<C, E, S, Ctx>,
  streamId: string,
  command: C,
  context: Ctx,
  call: CallContext,
  options: ExecuteOptions = {},
): Promise<Executed<S, E>> {
  for (let attempt = 1; ; attempt++) {
    const { state, version } = await store.aggregate<S>(
      streamId,
      (s, e) => decider.evolve(s, e as unknown as E),
      decider.initialState,
    );
    if (options.expectedVersion !== undefined && options.expectedVersion !== version)
      throw new WrongExpectedVersionError(streamId, options.expectedVersion, version);
    const events = decider.decide(command, state, context);
    if (events.length === 0) return { version, state, events };
    try {
      const appended = await store.append(streamId, events, {
        expectedVersion: version === 0 ? 'no_stream' : version,
        metadata: metadataOf(call, options),
      });
      return { version: appended.nextExpectedVersion, state: events.reduce(decider.evolve, state), events };
    } catch (error) {
      const raced = error instanceof WrongExpectedVersionError;
      if (!raced || options.expectedVersion !== undefined || attempt >= RACE_RETRIES) throw error;
    }
  }
}

export function metadataOf(call: CallContext, options: ExecuteOptions = {}): EventMetadata {
  const traceparent = currentTraceparent();
  return {
    tenantId: call.tenantId,
    actorId: call.actorId,
    correlationId: call.correlationId,
    ...(call.onBehalfOf ? { onBehalfOf: call.onBehalfOf } : {}),
    ...(call.idempotencyKey ? { causationId: call.idempotencyKey } : {}),
    ...(traceparent ? { traceparent } : {}),
    ...(options.policyVersion !== undefined ? { policyVersion: options.policyVersion } : {}),
    ...(options.reason ? { reason: options.reason } : {}),
  };
}
