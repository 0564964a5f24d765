import { type Event, type Money, useCase } from '@serviceops/kernel';
import { ResourceErrorCode as E } from './resource.errors';
import { err, onPresent, present } from './resource.rules';
import type { ResourceContext, ResourceStateT } from './resource.state';

export interface ReportToolLost {
  readonly type: 'ReportToolLost';
  readonly data: { readonly resourceId: string };
}

/** Published for billing (charge the borrower) and staff. */
export type ToolLostCharged = Event<
  'ToolLostCharged',
  { resourceId: string; borrowerId: string; charge: Money; at: string }
>;

/** A lent tool lost: its borrower is charged its price, and it is retired. */
export const reportToolLost = useCase<ReportToolLost, ToolLostCharged, ResourceStateT, ResourceContext>({
  command: 'ReportToolLost',
  handles: {
    rpc: 'orders.ReportToolLost',
    command: (request: { id: string }) => ({ type: 'ReportToolLost', data: { resourceId: request.id } }),
  },
  decide(command, state, context) {
    const r = present(state, command.data.resourceId);
    if (!r.loan) throw err(E.TOOL_NOT_LENT, 'only a lent tool is lost against its borrower');
    if (!r.price) throw new Error('a registered tool has its price');
    return [
      {
        type: 'ToolLostCharged',
        data: {
          resourceId: r.resourceId,
          borrowerId: r.loan.borrowerId,
          charge: r.price,
          at: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    ToolLostCharged: onPresent((r) => {
      const { loan: _lost, ...rest } = r;
      return { ...rest, state: 'retired' };
    }),
  },
});
