import type { BusinessLine } from '@serviceops/contracts';
import { streamId, type Decider, type Event } from '@serviceops/kernel';
import { CHAT_LIMITS, ChatErrorCode as E, chatError } from './chat.rules';

/**
 * A companion's desk: the queue they serve (line, branch), how many chats they take at once, the chats they have.
 * Allocation appends here and to the session in one transaction, each on the version decided on: a companion at
 * capacity is refused in the write path, however many allocations race.
 */
export type CompanionCommand =
  | {
      readonly type: 'SetCompanionCapacity';
      readonly data: {
        readonly staffId: string;
        readonly line: BusinessLine;
        readonly branchId: string | null;
        readonly capacity: number;
      };
    }
  | {
      readonly type: 'AssignChat';
      readonly data: {
        readonly staffId: string;
        readonly sessionId: string;
        readonly line: BusinessLine;
        readonly branchId: string | null;
      };
    }
  | { readonly type: 'ReleaseChat'; readonly data: { readonly staffId: string; readonly sessionId: string } };

export type CompanionCapacitySet = Event<
  'CompanionCapacitySet',
  { staffId: string; line: BusinessLine; branchId: string | null; capacity: number; setAt: string }
>;
export type CompanionChatAssigned = Event<
  'CompanionChatAssigned',
  { staffId: string; sessionId: string; assignedAt: string }
>;
export type CompanionChatReleased = Event<
  'CompanionChatReleased',
  { staffId: string; sessionId: string; releasedAt: string }
>;
export type CompanionEvent = CompanionCapacitySet | CompanionChatAssigned | CompanionChatReleased;

export interface CompanionDesk {
  readonly status: 'on_duty';
  readonly staffId: string;
  readonly line: BusinessLine;
  readonly branchId: string | null;
  readonly capacity: number;
  readonly active: readonly string[];
  /** The last assignment or release (or going on duty): ties in load go to the longest since. */
  readonly idleSince: string;
}
export type CompanionState = { readonly status: 'absent' } | CompanionDesk;

function decide(
  command: CompanionCommand,
  state: CompanionState,
  { now }: { readonly now: Date },
): readonly CompanionEvent[] {
  const at = now.toISOString();
  const { staffId } = command.data;
  switch (command.type) {
    case 'SetCompanionCapacity': {
      const { line, branchId, capacity } = command.data;
      if (!Number.isInteger(capacity) || capacity < 0 || capacity > CHAT_LIMITS.capacityMax)
        throw chatError(E.INVALID_CAPACITY, `capacity is a whole number 0–${CHAT_LIMITS.capacityMax}`);
      return [{ type: 'CompanionCapacitySet', data: { staffId, line, branchId, capacity, setAt: at } }];
    }
    case 'AssignChat': {
      if (state.status === 'absent' || state.capacity === 0)
        throw chatError(E.COMPANION_NOT_ON_DUTY, 'the companion is not on duty');
      if (state.line !== command.data.line || state.branchId !== command.data.branchId)
        throw chatError(E.COMPANION_WRONG_QUEUE, 'the companion serves another line or branch');
      if (state.active.includes(command.data.sessionId)) return [];
      if (state.active.length >= state.capacity)
        throw chatError(E.COMPANION_AT_CAPACITY, 'the companion has as many chats as they take', {
          capacity: state.capacity,
        });
      return [
        {
          type: 'CompanionChatAssigned',
          data: { staffId, sessionId: command.data.sessionId, assignedAt: at },
        },
      ];
    }
    case 'ReleaseChat':
      if (state.status === 'absent' || !state.active.includes(command.data.sessionId))
        throw chatError(E.CHAT_NOT_ASSIGNED, 'the chat is not one of the companion’s');
      return [
        {
          type: 'CompanionChatReleased',
          data: { staffId, sessionId: command.data.sessionId, releasedAt: at },
        },
      ];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolve(state: CompanionState, event: CompanionEvent): CompanionState {
  switch (event.type) {
    case 'CompanionCapacitySet': {
      const { staffId, line, branchId, capacity, setAt } = event.data;
      return state.status === 'absent'
        ? { status: 'on_duty', staffId, line, branchId, capacity, active: [], idleSince: setAt }
        : { ...state, line, branchId, capacity };
    }
    case 'CompanionChatAssigned':
      return state.status === 'absent'
        ? state
        : { ...state, active: [...state.active, event.data.sessionId], idleSince: event.data.assignedAt };
    case 'CompanionChatReleased':
      return state.status === 'absent'
        ? state
        : {
            ...state,
            active: state.active.filter((s) => s !== event.data.sessionId),
            idleSince: event.data.releasedAt,
          };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const companionDecider: Decider<
  CompanionCommand,
  CompanionEvent,
  CompanionState,
  { readonly now: Date }
> = {
  initialState: () => ({ status: 'absent' }),
  decide,
  evolve,
};

/** One stream per companion: 'chat-companion-<tenantId>-<staffId>'. */
export const companionStreamId = (tenantId: string, staffId: string): string =>
  streamId('chat-companion', tenantId, staffId);
