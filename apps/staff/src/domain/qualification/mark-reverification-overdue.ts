import { useCase, type Command, type Event } from '@serviceops/kernel';
import { changed, type OnOne } from './qualification.rules';
import type { QualificationContext, QualificationsState } from './qualification.state';

/** By durable timer: the missed re-verification. */
export type MarkReverificationOverdue = Command<'MarkReverificationOverdue', OnOne>;

export type QualificationReverificationOverdue = Event<
  'QualificationReverificationOverdue',
  { staffId: string; qualificationId: string; kind: string; dueAt: string; markedAt: string }
>;

/** Once, when the re-verification is due and was not done (re-verifying moves it; a timer run twice: nothing). */
export const markReverificationOverdue = useCase<
  MarkReverificationOverdue,
  QualificationReverificationOverdue,
  QualificationsState,
  QualificationContext
>({
  command: 'MarkReverificationOverdue',
  decide({ data }, state, context) {
    const q = state.qualifications.find((x) => x.qualificationId === data.qualificationId);
    if (!q?.reverifyBy || q.reverificationOverdue || q.expired) return [];
    if (context.now.getTime() < Date.parse(q.reverifyBy)) return [];
    return [
      {
        type: 'QualificationReverificationOverdue',
        data: {
          staffId: data.staffId,
          qualificationId: data.qualificationId,
          kind: q.kind,
          dueAt: q.reverifyBy,
          markedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    QualificationReverificationOverdue: (state, event) =>
      changed(state, event.data.qualificationId, { reverificationOverdue: true }),
  },
});
