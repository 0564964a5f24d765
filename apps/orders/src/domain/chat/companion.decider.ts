import { type CommandOf, deciderOf, type EventOf, streamId } from '@serviceops/kernel';
import { assignChat } from './assign-chat';
import { type CompanionContext, type CompanionState, initialCompanionState } from './companion.state';
import { releaseChat } from './release-chat';
import { setCompanionCapacity } from './set-companion-capacity';

export type { AssignChat, CompanionChatAssigned } from './assign-chat';
export type { CompanionChatReleased, ReleaseChat } from './release-chat';
export type { CompanionCapacitySet, SetCompanionCapacity } from './set-companion-capacity';
export * from './companion.state';

/**
 * A companion's desk: the queue they serve (line, branch), how many chats they take at once, the chats they have.
 * The list of its use cases, a file each beside this one; the unions and the decider follow from it.
 */
export const COMPANION_USE_CASES = [setCompanionCapacity, assignChat, releaseChat] as const;

export type CompanionCommand = CommandOf<typeof COMPANION_USE_CASES>;
export type CompanionEvent = EventOf<typeof COMPANION_USE_CASES>;

export const companionDecider = deciderOf<typeof COMPANION_USE_CASES, CompanionState, CompanionContext>(
  initialCompanionState,
  COMPANION_USE_CASES,
);

/** One stream per companion: 'chat-companion-<tenantId>-<staffId>'. */
export const companionStreamId = (tenantId: string, staffId: string): string =>
  streamId('chat-companion', tenantId, staffId);
