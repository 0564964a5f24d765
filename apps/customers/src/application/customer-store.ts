import { Inject, Injectable } from '@nestjs/common';
import { streamId, type Event, type RecordedEvent } from '@serviceops/kernel';
import type { EventCodec, EventSourcingRuntime } from '@serviceops/platform';
import { PERSONAL_FIELDS, type CustomerEvent } from '../domain/customer/customer.events';
import { mapPersonalFields, PersonalDataCipher } from '../infrastructure/personal-data-cipher';

export const RUNTIME = Symbol('RUNTIME');

export const customerStream = (tenantId: string, customerId: string): string =>
  streamId('customer', tenantId, customerId);

/** Events of one customer as the domain sees them: personal fields opened with the customer's key. */
@Injectable()
export class CustomerCodecs {
  constructor(
    @Inject(RUNTIME) readonly runtime: EventSourcingRuntime,
    readonly cipher: PersonalDataCipher,
  ) {}

  /** For writing: creates the customer's data key on first use. */
  async forWrite(customerId: string): Promise<EventCodec<CustomerEvent>> {
    const key = await this.cipher.keyFor(customerId);
    return this.codec(customerId, key);
  }

  /** For reading: without a key (never made, or destroyed) personal fields stay sealed. */
  async forRead(customerId: string): Promise<EventCodec<CustomerEvent>> {
    return this.codec(customerId, await this.cipher.load(customerId));
  }

  private codec(customerId: string, key: Buffer | undefined): EventCodec<CustomerEvent> {
    const { cipher } = this;
    return {
      encode(event: CustomerEvent): Event {
        if (!key) throw new Error('no data key to seal with');
        return {
          type: event.type,
          data: mapPersonalFields(event.data, PERSONAL_FIELDS, (v) => cipher.seal(key, customerId, v)),
        };
      },
      decode(stored: RecordedEvent): CustomerEvent {
        const data = stored.data as CustomerEvent['data'];
        const opened = key
          ? mapPersonalFields(data, PERSONAL_FIELDS, (v) => cipher.open(key, customerId, v))
          : data;
        return { type: stored.type, data: opened } as CustomerEvent;
      },
    };
  }
}
