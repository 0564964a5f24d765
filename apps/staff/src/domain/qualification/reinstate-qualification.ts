import { useCase, type Command, type Event } from '@serviceops/kernel';
import { QualificationErrorCode as E, qualificationError } from './qualification.errors';
import { changed, existing, type OnOne } from './qualification.rules';
import type { QualificationContext, QualificationsState } from './qualification.state';

export type ReinstateQualification = Command<'ReinstateQualification', OnOne>;

export type QualificationReinstated = Event<
  'QualificationReinstated',
  { staffId: string; qualificationId: string; reinstatedAt: string }
>;

/** A suspended qualification valid again. */
export const reinstateQualification = useCase<
  ReinstateQualification,
  QualificationReinstated,
  QualificationsState,
  QualificationContext
>({
  command: 'ReinstateQualification',
  handles: {
    rpc: 'staff.ReinstateQualification',
    command: (request: { id: string; qualificationId: string }) => ({
      type: 'ReinstateQualification',
      data: { staffId: request.id, qualificationId: request.qualificationId },
    }),
  },
  decide({ data }, state, context) {
    const q = existing(state, data.qualificationId);
    if (!q.suspended) throw qualificationError(E.NOT_SUSPENDED, 'the qualification is not suspended');
    return [
      {
        type: 'QualificationReinstated',
        data: {
          staffId: data.staffId,
          qualificationId: data.qualificationId,
          reinstatedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    QualificationReinstated: (state, event) =>
      changed(state, event.data.qualificationId, { suspended: false }),
  },
});
