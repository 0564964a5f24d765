import { type ToolReturnedV1 } from '@serviceops/contracts';
import { type Event, useCase } from '@serviceops/kernel';
import { ResourceErrorCode as E } from './resource.errors';
import { err, onPresent, present } from './resource.rules';
import type { ResourceContext, ResourceStateT } from './resource.state';

export interface ReturnTool {
  readonly type: 'ReturnTool';
  readonly data: { readonly resourceId: string };
}

/** Published (ToolReturnedV1): staff keeps each member's tools out from it. */
export type ToolReturned = Event<'ToolReturned', ToolReturnedV1>;

/** A lent tool back in the register (late when after its due day). */
export const returnTool = useCase<ReturnTool, ToolReturned, ResourceStateT, ResourceContext>({
  command: 'ReturnTool',
  handles: {
    rpc: 'orders.ReturnTool',
    command: (request: { id: string }) => ({ type: 'ReturnTool', data: { resourceId: request.id } }),
  },
  decide(command, state, context) {
    const r = present(state, command.data.resourceId);
    if (!r.loan) throw err(E.TOOL_NOT_LENT, 'the tool is not lent');
    return [
      {
        type: 'ToolReturned',
        data: {
          resourceId: r.resourceId,
          borrowerId: r.loan.borrowerId,
          returnedAt: context.now.toISOString(),
          late: context.today > r.loan.dueBack,
        },
      },
    ];
  },
  evolve: {
    ToolReturned: onPresent((r) => {
      const { loan: _returned, ...rest } = r;
      return { ...rest, state: 'available' };
    }),
  },
});
