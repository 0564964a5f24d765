import type { TrainingSessionEvent } from './training-session.events';
import type { TrainingSessionState } from './training-session.state';

export function evolveTrainingSession(
  state: TrainingSessionState,
  event: TrainingSessionEvent,
): TrainingSessionState {
  switch (event.type) {
    case 'TrainingSessionScheduled': {
      const { scheduledAt: _, ...session } = event.data;
      return { ...session, status: 'scheduled', attended: [], missed: [] };
    }
    case 'TrainingInvitationsSent':
      return state.status === 'absent'
        ? state
        : { ...state, invitees: [...state.invitees, ...event.data.invitees] };
    case 'TrainingAttended':
      return state.status === 'absent'
        ? state
        : { ...state, attended: [...state.attended, event.data.staffId] };
    case 'TrainingSessionClosed':
      return state.status === 'absent' ? state : { ...state, status: 'closed', missed: event.data.missed };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
