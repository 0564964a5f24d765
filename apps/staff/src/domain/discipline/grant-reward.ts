import type { RewardGrantedV1 } from '@serviceops/contracts';
import {
  money,
  moneyOfMessage,
  RULES,
  useCase,
  type Caller,
  type Command,
  type Event,
  type Money,
  type MoneyMessage,
} from '@serviceops/kernel';
import { DisciplineErrorCode as E, disciplineError } from './discipline.errors';
import { text } from './discipline.rules';
import type { DisciplineContext, DisciplineState } from './discipline.state';

export type GrantReward = Command<
  'GrantReward',
  {
    readonly rewardId: string;
    readonly staffId: string;
    readonly amount: Money;
    readonly reason: string;
    readonly grantedBy: string;
  }
>;

export type RewardGranted = Event<'RewardGranted', RewardGrantedV1>;

/**
 * A reward (bonus) to a staff member, granted by the caller, its id made for the call. The method reads the staff
 * facts first (application/discipline.handlers.ts).
 */
export const grantReward = useCase<GrantReward, RewardGranted, DisciplineState, DisciplineContext>({
  command: 'GrantReward',
  handles: {
    rpc: 'staff.GrantReward',
    command: (
      request: { staffId: string; amount?: MoneyMessage; reason?: string },
      { newId, actorId }: Caller,
    ) => ({
      type: 'GrantReward',
      data: {
        rewardId: newId,
        staffId: request.staffId,
        amount: moneyOfMessage(request.amount ?? {}),
        reason: request.reason ?? '',
        grantedBy: actorId,
      },
    }),
  },
  decide(command, state, context) {
    const { data } = command;
    if (state.rewardIds.includes(data.rewardId)) return [];
    if (context.staff === undefined) throw new Error('GrantReward needs the staff facts in its context');
    if (!context.staff.known)
      throw disciplineError(E.STAFF_NOT_FOUND, `no staff member ${data.staffId}`, { field: 'staffId' });
    if (!Number.isSafeInteger(data.amount.amount) || data.amount.amount <= 0)
      throw disciplineError(E.REWARD_NOT_POSITIVE, 'a reward is a positive amount', {
        field: 'amount.amount',
      });
    return [
      {
        type: 'RewardGranted',
        data: {
          rewardId: data.rewardId,
          staffId: data.staffId,
          amount: money(data.amount.amount, data.amount.currency),
          reason: text(data.reason, 'reason', RULES.reason),
          grantedAt: context.now.toISOString(),
          grantedBy: data.grantedBy,
        },
      },
    ];
  },
  evolve: {
    RewardGranted: (state, event) => ({ ...state, rewardIds: [...state.rewardIds, event.data.rewardId] }),
  },
});
