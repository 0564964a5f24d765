import type { PostgresEventStore } from '@serviceops/eventstore';
import { newId, streamId, type Event } from '@serviceops/kernel';
import { metadataOf, type CallContext } from './command';

/** A clear read of one person's personal data: whose, and which fields were shown in clear. */
export interface ClearReadOf {
  readonly personId: string;
  readonly fields: readonly string[];
}

export const UNSPECIFIED_PURPOSE = 'unspecified';

/** A clear read recorded: the person is named by the service's subject field (`customerId`, `personId`). */
export type PersonalDataRead = Event<
  'PersonalDataRead',
  {
    readonly customerId?: string;
    readonly personId?: string;
    /** X-Purpose as the reader stated it (also the event's metadata `reason`), or `unspecified`. */
    readonly purpose: string;
    readonly onBehalfOf?: string;
    readonly fields: readonly string[];
    /** The kind of record read through (`customer`, `candidate`…). */
    readonly through: string;
    readonly recordId?: string;
    readonly readAt: string;
  }
>;

/**
 * Records every read of personal data in clear — who (the event's actor, and whom they act for), when, why
 * (X-Purpose), which fields, through which record — as `PersonalDataRead` events, before the data is answered: a
 * read that cannot be recorded is not answered. One access stream per read (`<category>-<tenant>-<read>`), so
 * concurrent reads of one person never contend; each event names the person in `subjectField` (`customerId` in
 * the customers service, `personId` in staff). The analytics audit trail shows them.
 */
export class ClearReadLog {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly category: string,
    private readonly subjectField: 'customerId' | 'personId',
  ) {}

  async record(
    call: CallContext,
    reads: readonly ClearReadOf[],
    through: { readonly kind: string; readonly id?: string },
  ): Promise<void> {
    const shown = reads.filter((r) => r.fields.length > 0);
    if (shown.length === 0) return;
    const readAt = new Date().toISOString();
    const purpose = call.purpose ?? UNSPECIFIED_PURPOSE;
    const metadata = { ...metadataOf(call), reason: purpose };
    await this.store.append(
      streamId(this.category, call.tenantId, newId()),
      shown.map((read): PersonalDataRead => ({
        type: 'PersonalDataRead',
        data: {
          [this.subjectField]: read.personId,
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
