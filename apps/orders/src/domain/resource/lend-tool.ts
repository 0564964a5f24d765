import { type ToolLentV1 } from '@serviceops/contracts';
import { type Event, isLocalDate, useCase } from '@serviceops/kernel';
import { ResourceErrorCode as E } from './resource.errors';
import { err, onPresent, present } from './resource.rules';
import type { ResourceContext, ResourceStateT } from './resource.state';

export interface LendTool {
  readonly type: 'LendTool';
  readonly data: { readonly resourceId: string; readonly borrowerId: string; readonly dueBack: string };
}

/** Published (ToolLentV1): staff keeps each member's tools out from it. */
export type ToolLent = Event<'ToolLent', ToolLentV1>;

/** A tool lent against the register to a member, due back on a day not past. */
export const lendTool = useCase<LendTool, ToolLent, ResourceStateT, ResourceContext>({
  command: 'LendTool',
  handles: {
    rpc: 'orders.LendTool',
    command: (request: { id: string; borrowerId?: string; dueBack?: string }) => ({
      type: 'LendTool',
      data: {
        resourceId: request.id,
        borrowerId: (request.borrowerId ?? '').toLowerCase(),
        dueBack: request.dueBack ?? '',
      },
    }),
  },
  decide(command, state, context) {
    const r = present(state, command.data.resourceId);
    if (r.kind !== 'tool') throw err(E.NOT_A_TOOL, 'only tools are lent against the register');
    if (r.state !== 'available')
      throw err(E.TOOL_NOT_AVAILABLE, `the tool is ${r.state}`, { state: r.state });
    const { borrowerId, dueBack } = command.data;
    if (!isLocalDate(dueBack)) throw err(E.INVALID_RESOURCE, 'dueBack must be a date', { field: 'dueBack' });
    if (dueBack < context.today)
      throw err(E.DUE_BACK_IN_PAST, 'dueBack must not be before today', { field: 'dueBack' });
    return [
      {
        type: 'ToolLent',
        data: { resourceId: r.resourceId, borrowerId, dueBack, lentAt: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    ToolLent: onPresent((r, event) => ({
      ...r,
      state: 'out',
      loan: { borrowerId: event.data.borrowerId, dueBack: event.data.dueBack, overdue: false },
    })),
  },
});
