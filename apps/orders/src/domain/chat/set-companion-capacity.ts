import type { BusinessLine } from '@serviceops/contracts';
import { type Event, useCase } from '@serviceops/kernel';
import { CHAT_LIMITS, ChatErrorCode as E, chatError } from './chat.rules';
import type { CompanionContext, CompanionState } from './companion.state';

export interface SetCompanionCapacity {
  readonly type: 'SetCompanionCapacity';
  readonly data: {
    readonly staffId: string;
    readonly line: BusinessLine;
    readonly branchId: string | null;
    readonly capacity: number;
  };
}

export type CompanionCapacitySet = Event<
  'CompanionCapacitySet',
  { staffId: string; line: BusinessLine; branchId: string | null; capacity: number; setAt: string }
>;

/**
 * A companion goes on duty for a queue (line, branch) taking `capacity` chats at once; 0 takes them off (its handler
 * puts on duty only a staff member orders knows: application/orders-field.chat.handlers.ts).
 */
export const setCompanionCapacity = useCase<
  SetCompanionCapacity,
  CompanionCapacitySet,
  CompanionState,
  CompanionContext
>({
  command: 'SetCompanionCapacity',
  handles: {
    rpc: 'orders.SetCompanionCapacity',
    command: (request: { id: string; line?: string; branchId?: string; capacity?: number }) => ({
      type: 'SetCompanionCapacity',
      data: {
        staffId: request.id,
        line: (request.line ?? '') as BusinessLine,
        branchId: request.branchId === undefined ? null : request.branchId.toLowerCase(),
        capacity: request.capacity ?? -1,
      },
    }),
  },
  decide(command, _state, { now }) {
    const { staffId, line, branchId, capacity } = command.data;
    if (!Number.isInteger(capacity) || capacity < 0 || capacity > CHAT_LIMITS.capacityMax)
      throw chatError(E.INVALID_CAPACITY, `capacity is a whole number 0–${CHAT_LIMITS.capacityMax}`);
    return [
      { type: 'CompanionCapacitySet', data: { staffId, line, branchId, capacity, setAt: now.toISOString() } },
    ];
  },
  evolve: {
    CompanionCapacitySet: (state, event) => {
      const { staffId, line, branchId, capacity, setAt } = event.data;
      return state.status === 'absent'
        ? { status: 'on_duty', staffId, line, branchId, capacity, active: [], idleSince: setAt }
        : { ...state, line, branchId, capacity };
    },
  },
});
