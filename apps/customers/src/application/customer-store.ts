import { Inject, Injectable } from '@nestjs/common';
import { streamId, type Event, type RecordedEvent } from '@serviceops/kernel';
import type { EventCodec, EventSourcingRuntime } from '@serviceops/platform';
import { customerErased } from '../domain/customer/active-customer';
import { CUSTOMER_SEALED_PATHS, type CustomerEvent } from '../domain/customer/customer.events';
import { sealingCodec } from '@serviceops/platform';
import { PersonalDataCipher } from '../infrastructure/personal-data-cipher';

export const RUNTIME = Symbol('RUNTIME');

export const customerStream = (tenantId: string, customerId: string): string =>
  streamId('customer', tenantId, customerId);

/**
 * Which fields are sealed: one list for every event type (the customer file), or a list per event type (its
 * inquiries, visits, greetings), so that a field sealed in one event (a cancelled visit's free-text `reason`) is
 * not sealed in another where it is not personal (a scheduled visit's `reason`, one of three words).
 */
export type SealedPaths = readonly string[] | Readonly<Record<string, readonly string[]>>;

function pathsOf(paths: SealedPaths, type: string): readonly string[] {
  return isPathList(paths) ? paths : (paths[type] ?? []);
}

function everyPath(paths: SealedPaths): readonly string[] {
  return isPathList(paths) ? paths : [...new Set(Object.values(paths).flat())];
}

function isPathList(paths: SealedPaths): paths is readonly string[] {
  return Array.isArray(paths);
}

/**
 * Codecs for the events of records that belong to a customer (its file, its inquiries, its visits): personal
 * fields sealed with that customer's data key on the way in, opened on the way out. Without the key (never
 * made, or destroyed by an erasure) they stay sealed on the way out, and nothing can be sealed on the way in:
 * the deciders refuse an erased customer's records first, and an erasure that lands between their check and
 * the append is refused here the same way (422 CUSTOMERS.CUSTOMER_ERASED, nothing written), never kept in clear.
 */
@Injectable()
export class Sealing {
  constructor(
    @Inject(RUNTIME) readonly runtime: EventSourcingRuntime,
    readonly cipher: PersonalDataCipher,
  ) {}

  /** For writing: creates the customer's data key on first use. */
  async forWrite<E extends Event>(customerId: string, paths: SealedPaths): Promise<EventCodec<E>> {
    return this.codec(customerId, paths, await this.cipher.keyFor(customerId));
  }

  async forRead<E extends Event>(customerId: string, paths: SealedPaths): Promise<EventCodec<E>> {
    return this.codec(customerId, paths, await this.cipher.load(customerId));
  }

  /**
   * A codec for a record that belongs to a customer (an inquiry, a return visit): its first event names the
   * customer whose key seals it. `notFound` when the record does not exist.
   */
  async forRecord<E extends Event>(
    stream: string,
    paths: SealedPaths,
    notFound: () => Error,
  ): Promise<{ customerId: string; codec: EventCodec<E> }> {
    const { events } = await this.runtime.store.readStream(stream, { maxCount: 1 });
    const customerId = ownerOf(events);
    if (!customerId) throw notFound();
    return { customerId, codec: await this.forRead<E>(customerId, paths) };
  }

  /** Such a record's events, read once and opened with its customer's key. */
  async readRecord<E extends Event>(stream: string, paths: SealedPaths, notFound: () => Error) {
    const { events } = await this.runtime.store.readStream(stream);
    const customerId = ownerOf(events);
    if (!customerId) throw notFound();
    const codec = await this.forRead<E>(customerId, paths);
    return { customerId, events, decoded: events.map((e) => codec.decode(e)) };
  }

  private codec<E extends Event>(
    customerId: string,
    paths: SealedPaths,
    key: Buffer | undefined,
  ): EventCodec<E> {
    return sealingCodec<E>(
      this.cipher,
      customerId,
      key,
      (type) => pathsOf(paths, type),
      // Opens whatever is sealed at any of the paths: events written before the lists were per type sealed
      // more fields than their own type's (a scheduled visit's `reason`).
      everyPath(paths),
      () => customerErased(customerId),
    );
  }
}

/** The customer file's codecs. */
@Injectable()
export class CustomerCodecs {
  constructor(readonly sealing: Sealing) {}

  get runtime(): EventSourcingRuntime {
    return this.sealing.runtime;
  }

  get cipher(): PersonalDataCipher {
    return this.sealing.cipher;
  }

  forWrite(customerId: string): Promise<EventCodec<CustomerEvent>> {
    return this.sealing.forWrite<CustomerEvent>(customerId, CUSTOMER_SEALED_PATHS);
  }

  forRead(customerId: string): Promise<EventCodec<CustomerEvent>> {
    return this.sealing.forRead<CustomerEvent>(customerId, CUSTOMER_SEALED_PATHS);
  }
}

/** The customer a record belongs to: its first event names them. */
function ownerOf(events: readonly RecordedEvent[]): string | undefined {
  const data = events[0]?.data as { customerId?: unknown } | undefined;
  return typeof data?.customerId === 'string' ? data.customerId : undefined;
}
