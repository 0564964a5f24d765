import { useCase, type Command, type Event } from '@serviceops/kernel';
import { existing } from './training-session.rules';
import type { TrainingSessionContext, TrainingSessionState } from './training-session.state';

/** The session's end came (its durable timer): whoever was invited and did not attend missed it. */
export type CloseTrainingSession = Command<'CloseTrainingSession', { readonly sessionId: string }>;

/** The session ended: who missed it (a mandatory one: each becomes a violation). */
export type TrainingSessionClosed = Event<
  'TrainingSessionClosed',
  { sessionId: string; closedAt: string; mandatory: boolean; missed: string[] }
>;

/** Given by the session's end timer, not over the API: no `handles`. */
export const closeTrainingSession = useCase<
  CloseTrainingSession,
  TrainingSessionClosed,
  TrainingSessionState,
  TrainingSessionContext
>({
  command: 'CloseTrainingSession',
  decide(_command, state, context) {
    const session = existing(state);
    if (session.status === 'closed') return [];
    return [
      {
        type: 'TrainingSessionClosed',
        data: {
          sessionId: session.sessionId,
          closedAt: context.now.toISOString(),
          mandatory: session.mandatory,
          missed: session.invitees.filter((id) => !session.attended.includes(id)),
        },
      },
    ];
  },
  evolve: {
    TrainingSessionClosed: (state, event) =>
      state.status === 'absent' ? state : { ...state, status: 'closed', missed: event.data.missed },
  },
});
