import { type Event, useCase } from '@serviceops/kernel';
import { onPresent } from './resource.rules';
import type { ResourceContext, ResourceStateT } from './resource.state';

export interface MarkToolOverdue {
  readonly type: 'MarkToolOverdue';
  readonly data: { readonly resourceId: string };
}

export type ToolWentOverdue = Event<
  'ToolWentOverdue',
  { resourceId: string; borrowerId: string; dueBack: string; at: string }
>;

/** The overdue timer's command, the day after the due day: nothing once returned or marked already. */
export const markToolOverdue = useCase<MarkToolOverdue, ToolWentOverdue, ResourceStateT, ResourceContext>({
  command: 'MarkToolOverdue',
  decide(command, state, context) {
    if (state.status === 'absent' || state.resourceId !== command.data.resourceId) return [];
    const r = state;
    if (!r.loan || r.loan.overdue || context.today <= r.loan.dueBack) return [];
    return [
      {
        type: 'ToolWentOverdue',
        data: {
          resourceId: r.resourceId,
          borrowerId: r.loan.borrowerId,
          dueBack: r.loan.dueBack,
          at: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    ToolWentOverdue: onPresent((r) => (r.loan ? { ...r, loan: { ...r.loan, overdue: true } } : r)),
  },
});
