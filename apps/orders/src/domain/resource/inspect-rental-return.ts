import { RESOURCE_FIELDS } from '@serviceops/contracts';
import {
  type Event,
  money,
  type Money,
  type MoneyMessage,
  moneyOfMessage,
  useCase,
} from '@serviceops/kernel';
import { ResourceErrorCode as E } from './resource.errors';
import { err, noted, onPresent, orderOf, present, rentedTo } from './resource.rules';
import type { Finding, ResourceContext, ResourceStateT } from './resource.state';

export interface InspectRentalReturn {
  readonly type: 'InspectRentalReturn';
  readonly data: {
    readonly resourceId: string;
    readonly orderId: string;
    readonly findings: readonly Finding[];
    /** The damage assessed, for billing's final settlement (rent + damages − deposit). */
    readonly damage: Money;
  };
}

/** Published for billing's final settlement. */
export type RentalReturnInspected = Event<
  'RentalReturnInspected',
  {
    resourceId: string;
    orderId: string;
    deliveryOrderId: string;
    customerId: string;
    contractId?: string;
    findings: readonly Finding[];
    damage: Money;
    inspectedAt: string;
  }
>;

/** A leased unit back: its findings and the damage assessed (damage sends it to maintenance). */
export const inspectRentalReturn = useCase<
  InspectRentalReturn,
  RentalReturnInspected,
  ResourceStateT,
  ResourceContext
>({
  command: 'InspectRentalReturn',
  handles: {
    rpc: 'orders.InspectRentalReturn',
    command: (request: {
      id: string;
      orderId?: string;
      findings?: readonly { item?: string; note?: string }[];
      damage?: MoneyMessage;
    }) => ({
      type: 'InspectRentalReturn',
      data: {
        resourceId: request.id,
        orderId: (request.orderId ?? '').toLowerCase(),
        findings: (request.findings ?? []).map((f) => ({ item: f.item ?? '', note: f.note ?? '' })),
        damage: moneyOfMessage(request.damage ?? {}),
      },
    }),
  },
  decide(command, state, context) {
    const d = command.data;
    const r = present(state, d.resourceId);
    const order = orderOf(context, d.orderId, 'rental_return');
    const rental = rentedTo(r, order);
    const damage = money(d.damage.amount, d.damage.currency);
    if (damage.amount < 0)
      throw err(E.INVALID_RESOURCE, 'damage is not negative', { field: 'damage.amount' });
    const findings = d.findings.map((f) => ({
      item: noted(f.item, RESOURCE_FIELDS.findingItem, 'findings.item'),
      note: noted(f.note, RESOURCE_FIELDS.note, 'findings.note'),
    }));
    if (damage.amount > 0 && findings.length === 0)
      throw err(E.DAMAGE_WITHOUT_FINDINGS, 'damage is assessed against findings', { field: 'findings' });
    return [
      {
        type: 'RentalReturnInspected',
        data: {
          resourceId: r.resourceId,
          orderId: order.orderId,
          deliveryOrderId: rental.deliveryOrderId,
          customerId: rental.customerId,
          ...(rental.contractId === undefined ? {} : { contractId: rental.contractId }),
          findings,
          damage,
          inspectedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    RentalReturnInspected: onPresent((r, event) => {
      const { rental: _returned, ...rest } = r;
      return { ...rest, state: event.data.damage.amount > 0 ? 'in_maintenance' : 'available' };
    }),
  },
});
