import { VISIT_WORK } from '@serviceops/contracts';
import { type Event, useCase } from '@serviceops/kernel';
import { ResourceErrorCode as E } from './resource.errors';
import { err, noted, optionalContract, orderOf, present, rentedTo } from './resource.rules';
import type { ResourceContext, ResourceStateT, VisitWork } from './resource.state';

export interface RecordRentalVisit {
  readonly type: 'RecordRentalVisit';
  readonly data: {
    readonly resourceId: string;
    readonly orderId: string;
    readonly work: readonly VisitWork[];
    readonly note: string;
  };
}

export type RentalVisitRecorded = Event<
  'RentalVisitRecorded',
  {
    resourceId: string;
    orderId: string;
    deliveryOrderId: string;
    /** The contract the lease (or else the visit's order) is under, when there is one. */
    contractId?: string;
    work: readonly VisitWork[];
    note: string;
    at: string;
  }
>;

/** A visit to a leased unit at its customer's: the work done, on the lease's order. */
export const recordRentalVisit = useCase<
  RecordRentalVisit,
  RentalVisitRecorded,
  ResourceStateT,
  ResourceContext
>({
  command: 'RecordRentalVisit',
  handles: {
    rpc: 'orders.RecordRentalVisit',
    command: (request: { id: string; orderId?: string; work?: readonly string[]; note?: string }) => ({
      type: 'RecordRentalVisit',
      data: {
        resourceId: request.id,
        orderId: (request.orderId ?? '').toLowerCase(),
        work: (request.work ?? []) as VisitWork[],
        note: request.note ?? '',
      },
    }),
  },
  decide(command, state, context) {
    const d = command.data;
    const r = present(state, d.resourceId);
    const order = orderOf(context, d.orderId, 'rental_visit');
    const rental = rentedTo(r, order);
    const work: readonly unknown[] = Array.isArray(d.work) ? d.work : [];
    if (work.length === 0 || !work.every((w) => (VISIT_WORK as readonly unknown[]).includes(w)))
      throw err(E.INVALID_RESOURCE, `work is one or more of ${VISIT_WORK.join(', ')}`, { field: 'work' });
    return [
      {
        type: 'RentalVisitRecorded',
        data: {
          resourceId: r.resourceId,
          orderId: order.orderId,
          deliveryOrderId: rental.deliveryOrderId,
          ...optionalContract(rental.contractId ?? order.contractId),
          work: [...new Set(d.work)],
          note: noted(d.note),
          at: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    RentalVisitRecorded: (state) => state,
  },
});
