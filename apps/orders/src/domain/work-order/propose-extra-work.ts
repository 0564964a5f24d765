import { WORK_ORDER_FIELDS as F } from '@serviceops/contracts';
import {
  type Caller,
  type Event,
  type Money,
  type MoneyMessage,
  moneyOfMessage,
  useCase,
} from '@serviceops/kernel';
import { price, started, textOf } from './work-order.rules';
import type { WorkOrder, WorkOrderContext } from './work-order.state';

export interface ProposeExtraWork {
  readonly type: 'ProposeExtraWork';
  readonly data: {
    readonly orderId: string;
    readonly extraId: string;
    /** Free text, sealed with the customer's key. */
    readonly description: string;
    readonly estimatedPrice: Money;
  };
}

export type ExtraWorkProposed = Event<
  'ExtraWorkProposed',
  { orderId: string; extraId: string; description: string; estimatedPrice: Money; at: string }
>;

/** Extra work found on the job: it starts only after the front desk's approval and the customer's consent. */
export const proposeExtraWork = useCase<ProposeExtraWork, ExtraWorkProposed, WorkOrder, WorkOrderContext>({
  command: 'ProposeExtraWork',
  handles: {
    rpc: 'orders.ProposeExtraWork',
    command: (
      request: { id: string; description?: string; estimatedPrice?: MoneyMessage },
      { newId }: Caller,
    ) => ({
      type: 'ProposeExtraWork',
      data: {
        orderId: request.id,
        extraId: newId,
        description: request.description ?? '',
        estimatedPrice: moneyOfMessage(request.estimatedPrice ?? {}),
      },
    }),
  },
  decide(c, s, ctx) {
    const { orderId, extraId } = c.data;
    started(s, orderId);
    const description = textOf(c.data.description, 'description', F.extraWork);
    const estimatedPrice = price(c.data.estimatedPrice, 'estimatedPrice');
    return [
      {
        type: 'ExtraWorkProposed',
        data: { orderId, extraId, description, estimatedPrice, at: ctx.now.toISOString() },
      },
    ];
  },
  evolve: {
    ExtraWorkProposed: (s, e) => ({
      ...s,
      extras: { ...s.extras, [e.data.extraId]: { approved: false, consented: false, started: false } },
    }),
  },
});
