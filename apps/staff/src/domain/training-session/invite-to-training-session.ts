import { useCase, type Command, type Event } from '@serviceops/kernel';
import { TrainingSessionErrorCode as E, trainingSessionError } from './training-session.errors';
import { assertKnown, existing, idsOf } from './training-session.rules';
import type { TrainingSessionContext, TrainingSessionState } from './training-session.state';

/** More staff invited to a session that has not ended. */
export type InviteToTrainingSession = Command<
  'InviteToTrainingSession',
  { readonly sessionId: string; readonly invitees: readonly string[] }
>;

export type TrainingInvitationsSent = Event<
  'TrainingInvitationsSent',
  { sessionId: string; invitees: string[]; invitedAt: string }
>;

/** The method reads which of the people are staff first (application/training-session.handlers.ts). */
export const inviteToTrainingSession = useCase<
  InviteToTrainingSession,
  TrainingInvitationsSent,
  TrainingSessionState,
  TrainingSessionContext
>({
  command: 'InviteToTrainingSession',
  handles: {
    rpc: 'staff.InviteToTrainingSession',
    command: (request: { id: string; invitees?: readonly string[] }) => ({
      type: 'InviteToTrainingSession',
      data: { sessionId: request.id, invitees: idsOf(request.invitees) },
    }),
  },
  decide(command, state, context) {
    const session = existing(state);
    if (session.status === 'closed' || context.now.getTime() >= Date.parse(session.endsAt))
      throw trainingSessionError(E.SESSION_OVER, 'the session is over: no more invitations');
    if (session.kind === 'quality_coaching')
      throw trainingSessionError(E.COACHING_ONE_TO_ONE, 'coaching after a quality problem is one-to-one', {
        field: 'invitees',
      });
    const invitees = [...new Set(command.data.invitees)].filter((id) => !session.invitees.includes(id));
    if (invitees.length === 0) return [];
    if (session.trainerId !== null && invitees.includes(session.trainerId))
      throw trainingSessionError(E.TRAINER_INVITED, 'the trainer is not one of the invitees', {
        field: 'invitees',
      });
    assertKnown(invitees, context);
    return [
      {
        type: 'TrainingInvitationsSent',
        data: { sessionId: session.sessionId, invitees, invitedAt: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    TrainingInvitationsSent: (state, event) =>
      state.status === 'absent' ? state : { ...state, invitees: [...state.invitees, ...event.data.invitees] },
  },
});
