import { Inject, Injectable } from '@nestjs/common';
import { streamId } from '@serviceops/kernel';
import { ClearReadLog, type CallContext, type EventSourcingRuntime } from '@serviceops/platform';
import { RUNTIME } from './customer-store';

export { UNSPECIFIED_PURPOSE } from '@serviceops/platform';

/** A clear read of one customer's personal data. */
export interface ClearRead {
  readonly customerId: string;
  /** Which personal fields were shown in clear. */
  readonly fields: readonly string[];
}

const ACCESS = 'customer-access';

/**
 * One access-log stream per read (a page of customers is one read): concurrent reads of the same customer never
 * contend for a stream version. Each event names the customer it is about.
 */
export const accessStream = (tenantId: string, readId: string): string => streamId(ACCESS, tenantId, readId);

/**
 * Records every read of personal data in clear as `PersonalDataRead` events on the customer access streams, before
 * the data is answered (libs/platform ClearReadLog, which the staff service uses too).
 */
@Injectable()
export class PersonalDataReads {
  private readonly log: ClearReadLog;

  constructor(@Inject(RUNTIME) runtime: EventSourcingRuntime) {
    this.log = new ClearReadLog(runtime.store, ACCESS, 'customerId');
  }

  record(
    call: CallContext,
    reads: readonly ClearRead[],
    through: { readonly kind: string; readonly id?: string },
  ): Promise<void> {
    return this.log.record(
      call,
      reads.map((r) => ({ personId: r.customerId, fields: r.fields })),
      through,
    );
  }
}
