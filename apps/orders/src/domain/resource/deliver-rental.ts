import { DELIVERY_ITEMS } from '@serviceops/contracts';
import { type Event, useCase } from '@serviceops/kernel';
import { ResourceErrorCode as E } from './resource.errors';
import {
  checklist,
  type ChecklistItemMessage,
  checklistOf,
  dispatchable,
  err,
  onPresent,
  orderOf,
  present,
} from './resource.rules';
import type { ChecklistItem, Rental, ResourceContext, ResourceStateT } from './resource.state';

export interface DeliverRental {
  readonly type: 'DeliverRental';
  readonly data: {
    readonly resourceId: string;
    readonly orderId: string;
    readonly checklist: readonly ChecklistItem[];
    /** The customer signed the delivery list (the paper copy holds the signature). */
    readonly customerSigned: boolean;
    /** The staff member who signed for the company. */
    readonly staffSignedBy: string;
  };
}

export type RentalDelivered = Event<
  'RentalDelivered',
  {
    resourceId: string;
    orderId: string;
    customerId: string;
    contractId?: string;
    checklist: readonly ChecklistItem[];
    customerSigned: true;
    staffSignedBy: string;
    deliveredAt: string;
  }
>;

/** An equipment unit, fit, delivered on a lease with its delivery list passed and signed by both sides. */
export const deliverRental = useCase<DeliverRental, RentalDelivered, ResourceStateT, ResourceContext>({
  command: 'DeliverRental',
  handles: {
    rpc: 'orders.DeliverRental',
    command: (request: {
      id: string;
      orderId?: string;
      checklist?: readonly ChecklistItemMessage[];
      customerSigned?: boolean;
      staffSignedBy?: string;
    }) => ({
      type: 'DeliverRental',
      data: {
        resourceId: request.id,
        orderId: (request.orderId ?? '').toLowerCase(),
        checklist: checklistOf(request.checklist),
        customerSigned: request.customerSigned === true,
        staffSignedBy: (request.staffSignedBy ?? '').toLowerCase(),
      },
    }),
  },
  decide(command, state, context) {
    const d = command.data;
    const r = present(state, d.resourceId);
    const order = orderOf(context, d.orderId, 'rental_delivery');
    if (r.kind !== 'equipment') throw err(E.NOT_RENTAL_EQUIPMENT, 'only equipment units are rented out');
    const fit = dispatchable(r, context.today);
    if (!fit.ok) throw err(E.RESOURCE_UNFIT, `the unit is not fit: ${fit.reasons.join(', ')}`, fit);
    const failed = checklist(d.checklist, DELIVERY_ITEMS);
    if (failed.length > 0)
      throw err(E.DELIVERY_CHECK_FAILED, 'the delivery list has failed items: fix them first', { failed });
    if (d.customerSigned !== true || typeof d.staffSignedBy !== 'string' || d.staffSignedBy === '')
      throw err(E.DELIVERY_NOT_SIGNED, 'both sides sign the delivery list', { field: 'customerSigned' });
    return [
      {
        type: 'RentalDelivered',
        data: {
          resourceId: r.resourceId,
          orderId: order.orderId,
          customerId: order.customerId,
          ...(order.contractId === undefined ? {} : { contractId: order.contractId }),
          checklist: d.checklist.map(({ item, passed }) => ({ item, passed })),
          customerSigned: true,
          staffSignedBy: d.staffSignedBy,
          deliveredAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    RentalDelivered: onPresent((r, event) => {
      const { orderId, customerId, contractId } = event.data;
      const rental: Rental = {
        deliveryOrderId: orderId,
        customerId,
        ...(contractId === undefined ? {} : { contractId }),
      };
      return { ...r, state: 'out', rental };
    }),
  },
});
