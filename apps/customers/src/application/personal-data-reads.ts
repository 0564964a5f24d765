import { Inject, Injectable } from '@nestjs/common';
import { newId, streamId } from '@serviceops/kernel';
import { metadataOf, type CallContext, type EventSourcingRuntime } from '@serviceops/platform';
import { RUNTIME } from './customer-store';

/** A clear read of one customer's personal data. */
export interface ClearRead {
  readonly customerId: string;
  /** Which personal fields were shown in clear. */
  readonly fields: readonly string[];
}

export const UNSPECIFIED_PURPOSE = 'unspecified';

/**
 * One access-log stream per read (a page of customers is one read): concurrent reads of the same customer never
 * contend for a stream version. Each event names the customer it is about.
 */
export const accessStream = (tenantId: string, readId: string): string =>
  streamId('customer-access', tenantId, readId);

/**
 * Records every read of personal data in clear — who (the event's actor, and whom they act for: X-On-Behalf-Of,
 * checked by the gateway), when, why (X-Purpose), which fields, through which record — as `PersonalDataRead` events on the customer's access stream, before the data is
 * answered: a read that cannot be recorded is not answered. One append per read, through the group commit. The analytics audit trail shows them.
 */
@Injectable()
export class PersonalDataReads {
  constructor(@Inject(RUNTIME) private readonly runtime: EventSourcingRuntime) {}

  async record(
    call: CallContext,
    reads: readonly ClearRead[],
    through: { readonly kind: string; readonly id?: string },
  ): Promise<void> {
    const shown = reads.filter((r) => r.fields.length > 0);
    if (shown.length === 0) return;
    const { store } = this.runtime;
    const readAt = new Date().toISOString();
    const purpose = call.purpose ?? UNSPECIFIED_PURPOSE;
    const metadata = { ...metadataOf(call), reason: purpose };
    await store.append(
      accessStream(call.tenantId, newId()),
      shown.map((read) => ({
        type: 'PersonalDataRead',
        data: {
          customerId: read.customerId,
          purpose,
          ...(call.onBehalfOf ? { onBehalfOf: call.onBehalfOf } : {}),
          fields: read.fields,
          through: through.kind,
          ...(through.id ? { recordId: through.id } : {}),
          readAt,
        },
      })),
      { expectedVersion: 'no_stream', metadata },
    );
  }
}
