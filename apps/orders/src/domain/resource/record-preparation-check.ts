import { PREPARATION_ITEMS } from '@serviceops/contracts';
import { type Event, useCase } from '@serviceops/kernel';
import { ResourceErrorCode as E } from './resource.errors';
import {
  checklist,
  type ChecklistItemMessage,
  checklistOf,
  err,
  onPresent,
  orderOf,
  present,
} from './resource.rules';
import type { ChecklistItem, ResourceContext, ResourceStateT } from './resource.state';

export interface RecordPreparationCheck {
  readonly type: 'RecordPreparationCheck';
  readonly data: {
    readonly resourceId: string;
    readonly orderId: string;
    readonly items: readonly ChecklistItem[];
  };
}

export type PreparationChecked = Event<
  'PreparationChecked',
  {
    resourceId: string;
    orderId: string;
    items: readonly ChecklistItem[];
    passed: boolean;
    failed: readonly string[];
    at: string;
  }
>;

/** A vehicle's or unit's preparation for an order: a failed item makes it unfit until repaired. */
export const recordPreparationCheck = useCase<
  RecordPreparationCheck,
  PreparationChecked,
  ResourceStateT,
  ResourceContext
>({
  command: 'RecordPreparationCheck',
  handles: {
    rpc: 'orders.RecordPreparationCheck',
    command: (request: { id: string; orderId?: string; items?: readonly ChecklistItemMessage[] }) => ({
      type: 'RecordPreparationCheck',
      data: {
        resourceId: request.id,
        orderId: (request.orderId ?? '').toLowerCase(),
        items: checklistOf(request.items),
      },
    }),
  },
  decide(command, state, context) {
    const r = present(state, command.data.resourceId);
    const { items } = command.data;
    const order = orderOf(context, command.data.orderId);
    if (r.kind === 'tool') throw err(E.NO_PREPARATION_CHECK, 'tools have no preparation check');
    if (r.state === 'retired') throw err(E.RESOURCE_RETIRED, 'a retired resource is not prepared');
    const failed = checklist(items, PREPARATION_ITEMS[r.kind]);
    return [
      {
        type: 'PreparationChecked',
        data: {
          resourceId: r.resourceId,
          orderId: order.orderId,
          items: items.map(({ item, passed }) => ({ item, passed })),
          passed: failed.length === 0,
          failed,
          at: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    PreparationChecked: onPresent((r, event) =>
      event.data.passed ? r : { ...r, unfit: { orderId: event.data.orderId, failed: event.data.failed } },
    ),
  },
});
