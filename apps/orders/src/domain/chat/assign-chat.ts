import type { BusinessLine } from '@serviceops/contracts';
import { type Event, useCase } from '@serviceops/kernel';
import { ChatErrorCode as E, chatError } from './chat.rules';
import type { CompanionContext, CompanionState } from './companion.state';

export interface AssignChat {
  readonly type: 'AssignChat';
  readonly data: {
    readonly staffId: string;
    readonly sessionId: string;
    readonly line: BusinessLine;
    readonly branchId: string | null;
  };
}

export type CompanionChatAssigned = Event<
  'CompanionChatAssigned',
  { staffId: string; sessionId: string; assignedAt: string }
>;

/**
 * A chat of the companion's queue, within their capacity. Allocation appends here and to the session in one
 * transaction, each on the version decided on: a companion at capacity is refused in the write path, however many
 * allocations race.
 */
export const assignChat = useCase<AssignChat, CompanionChatAssigned, CompanionState, CompanionContext>({
  command: 'AssignChat',
  decide(command, state, { now }) {
    const { staffId, sessionId } = command.data;
    if (state.status === 'absent' || state.capacity === 0)
      throw chatError(E.COMPANION_NOT_ON_DUTY, 'the companion is not on duty');
    if (state.line !== command.data.line || state.branchId !== command.data.branchId)
      throw chatError(E.COMPANION_WRONG_QUEUE, 'the companion serves another line or branch');
    if (state.active.includes(sessionId)) return [];
    if (state.active.length >= state.capacity)
      throw chatError(E.COMPANION_AT_CAPACITY, 'the companion has as many chats as they take', {
        capacity: state.capacity,
      });
    return [{ type: 'CompanionChatAssigned', data: { staffId, sessionId, assignedAt: now.toISOString() } }];
  },
  evolve: {
    CompanionChatAssigned: (state, event) =>
      state.status === 'absent'
        ? state
        : { ...state, active: [...state.active, event.data.sessionId], idleSince: event.data.assignedAt },
  },
});
