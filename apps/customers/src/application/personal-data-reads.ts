import { Inject, Injectable } from '@nestjs/common';
import { withTransaction } from '@serviceops/eventstore';
import { streamId } from '@serviceops/kernel';
import { metadataOf, type CallContext, type EventSourcingRuntime } from '@serviceops/platform';
import { RUNTIME } from './customer-store';

/** A clear read of one customer's personal data. */
export interface ClearRead {
  readonly customerId: string;
  /** Which personal fields were shown in clear. */
  readonly fields: readonly string[];
}

export const UNSPECIFIED_PURPOSE = 'unspecified';

export const accessStream = (tenantId: string, customerId: string): string =>
  streamId('customer-access', tenantId, customerId);

/**
 * Records every read of personal data in clear — who (the event's actor), when, why (X-Purpose), which fields,
 * through which record — as `PersonalDataRead` events on the customer's access stream, before the data is
 * answered: a read that cannot be recorded is not answered. The analytics audit trail shows them.
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
    await withTransaction(store.pool, async (tx) => {
      for (const read of shown)
        await store.appendWith(
          tx,
          accessStream(call.tenantId, read.customerId),
          [
            {
              type: 'PersonalDataRead',
              data: {
                customerId: read.customerId,
                purpose,
                fields: read.fields,
                through: through.kind,
                ...(through.id ? { recordId: through.id } : {}),
                readAt,
              },
            },
          ],
          { expectedVersion: 'any', metadata },
        );
    });
  }
}
