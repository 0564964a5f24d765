import { useCase, type Command, type Event } from '@serviceops/kernel';
import { changed, type OnOne } from './qualification.rules';
import type { QualificationContext, QualificationsState } from './qualification.state';

/** By durable timer: the expiry. */
export type ExpireQualification = Command<'ExpireQualification', OnOne>;

export type QualificationExpired = Event<
  'QualificationExpired',
  { staffId: string; qualificationId: string; kind: string; expiredAt: string }
>;

/** Once, when the expiry has come (a timer run twice: nothing). */
export const expireQualification = useCase<
  ExpireQualification,
  QualificationExpired,
  QualificationsState,
  QualificationContext
>({
  command: 'ExpireQualification',
  decide({ data }, state, context) {
    const q = state.qualifications.find((x) => x.qualificationId === data.qualificationId);
    if (!q || q.expired || context.now.getTime() < Date.parse(q.expiresAt)) return [];
    return [
      {
        type: 'QualificationExpired',
        data: {
          staffId: data.staffId,
          qualificationId: data.qualificationId,
          kind: q.kind,
          expiredAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    QualificationExpired: (state, event) => changed(state, event.data.qualificationId, { expired: true }),
  },
});
