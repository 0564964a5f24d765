import { WrongExpectedVersionError, withTransaction, type PostgresEventStore } from '@serviceops/eventstore';
import type { PoolClient } from 'pg';
import type { Decider, Event, EventMetadata, RecordedEvent } from '@serviceops/kernel';
import { ProblemError } from './errors';
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
  /** The stream was just named by the caller (a new uuid): nothing to load, and it must not exist yet. */
  readonly newStream?: boolean;
  /**
   * Rows kept in step with the stream in the append's own transaction (a lookup the service must read its
   * own writes from at once, such as usernames at login). Read models for queries are projections instead.
   */
  readonly inline?: (
    tx: PoolClient,
    state: unknown,
    version: number,
    events: readonly Event[],
  ) => Promise<void>;
}

/** How events look in storage when that differs from the domain's view (personal fields sealed). */
export interface EventCodec<E extends Event> {
  encode(event: E): Event;
  decode(stored: RecordedEvent): E;
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
  options: ExecuteOptions & { readonly codec?: EventCodec<E> } = {},
): Promise<Executed<S, E>> {
  const codec = options.codec;
  const decode = (e: RecordedEvent): E => (codec ? codec.decode(e) : (e as unknown as E));
  const encode = (e: E): Event => (codec ? codec.encode(e) : e);
  for (let attempt = 1; ; attempt++) {
    const { state, version } = options.newStream
      ? { state: decider.initialState(), version: 0 }
      : await store.aggregate<S>(streamId, (s, e) => decider.evolve(s, decode(e)), decider.initialState);
    if (options.expectedVersion !== undefined && options.expectedVersion !== version)
      throw new ProblemError(
        'EVENTSTORE.WRONG_EXPECTED_VERSION',
        `If-Match ${options.expectedVersion} is stale: the record is at version ${version}; read it again and retry`,
        undefined,
        { currentVersion: version },
      );
    const events = decider.decide(command, state, context);
    if (events.length === 0) return { version, state, events };
    try {
      const appendOptions = {
        expectedVersion: version === 0 ? ('no_stream' as const) : version,
        metadata: metadataOf(call, options),
      };
      const next = events.reduce(decider.evolve, state);
      const inline = options.inline;
      const appended = inline
        ? await withTransaction(store.pool, async (tx) => {
            const result = await store.appendWith(tx, streamId, events.map(encode), appendOptions);
            await inline(tx, next, result.nextExpectedVersion, events);
            return result;
          })
        : await store.append(streamId, events.map(encode), appendOptions);
      return { version: appended.nextExpectedVersion, state: next, events };
    } catch (error) {
      const raced = error instanceof WrongExpectedVersionError;
      if (!raced || options.expectedVersion !== undefined || attempt >= RACE_RETRIES) throw error;
    }
  }
}

export function metadataOf(
  call: CallContext,
  options: Pick<ExecuteOptions, 'policyVersion' | 'reason'> = {},
): EventMetadata {
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

/** One stream taking part in a command that spans several (a merge: the survivor and its duplicate). */
export interface StreamPart<S, E extends Event> {
  readonly streamId: string;
  readonly evolve: (state: S, event: E) => S;
  readonly initialState: () => S;
  readonly codec?: EventCodec<E>;
  /** The caller's If-Match for this stream. */
  readonly expectedVersion?: number;
}

/**
 * Load → decide → append for a command that changes several streams at once: every stream is loaded, `decide`
 * gets all their states and answers each stream's new events, and the appends commit in one transaction
 * (all or none), each on the version it was decided on. A racing writer makes it decide again (without
 * If-Match), as `execute` does.
 */
export async function executeTogether<S, E extends Event>(
  store: PostgresEventStore,
  parts: readonly StreamPart<S, E>[],
  decide: (states: readonly S[]) => readonly (readonly E[])[],
  call: CallContext,
  options: Omit<ExecuteOptions, 'expectedVersion' | 'newStream' | 'inline'> & {
    readonly inline?: (tx: PoolClient, states: readonly S[]) => Promise<void>;
  } = {},
): Promise<{ versions: number[]; states: S[]; events: (readonly E[])[] }> {
  for (let attempt = 1; ; attempt++) {
    const loaded = await Promise.all(
      parts.map((part) =>
        store.aggregate<S>(
          part.streamId,
          (s, e) => part.evolve(s, part.codec ? part.codec.decode(e) : (e as unknown as E)),
          part.initialState,
        ),
      ),
    );
    parts.forEach((part, i) => {
      const version = loaded[i]?.version ?? 0;
      if (part.expectedVersion !== undefined && part.expectedVersion !== version)
        throw new ProblemError(
          'EVENTSTORE.WRONG_EXPECTED_VERSION',
          `If-Match ${part.expectedVersion} is stale: the record is at version ${version}; read it again and retry`,
          undefined,
          { currentVersion: version },
        );
    });
    const states = loaded.map((l) => l.state);
    const decided = decide(states);
    const next = parts.map((part, i) => (decided[i] ?? []).reduce(part.evolve, states[i] as S));
    if (decided.every((events) => events.length === 0))
      return { versions: loaded.map((l) => l.version), states: next, events: decided.map((e) => e) };
    try {
      const metadata = metadataOf(call, { policyVersion: options.policyVersion, reason: options.reason });
      const versions = await withTransaction(store.pool, async (tx) => {
        const out: number[] = [];
        for (const [i, part] of parts.entries()) {
          const events = decided[i] ?? [];
          const version = loaded[i]?.version ?? 0;
          if (events.length === 0) {
            out.push(version);
            continue;
          }
          const encode = (e: E): Event => (part.codec ? part.codec.encode(e) : e);
          const appended = await store.appendWith(tx, part.streamId, events.map(encode), {
            expectedVersion: version === 0 ? 'no_stream' : version,
            metadata,
          });
          out.push(appended.nextExpectedVersion);
        }
        await options.inline?.(tx, next);
        return out;
      });
      return { versions, states: next, events: decided.map((e) => e) };
    } catch (error) {
      const raced = error instanceof WrongExpectedVersionError;
      const conditional = parts.some((p) => p.expectedVersion !== undefined);
      if (!raced || conditional || attempt >= RACE_RETRIES) throw error;
    }
  }
}
