import { useCase, type Command, type Event } from '@serviceops/kernel';
import { changed, type OnOne } from './qualification.rules';
import type { QualificationContext, QualificationsState } from './qualification.state';

/** By durable timer: the reminder before expiry. */
export type RemindQualificationExpiry = Command<'RemindQualificationExpiry', OnOne>;

/** The reminder before expiry (by durable timer, once). */
export type QualificationExpiryReminderDue = Event<
  'QualificationExpiryReminderDue',
  { staffId: string; qualificationId: string; kind: string; expiresAt: string; remindedAt: string }
>;

/** Once, when the reminder time has come and the qualification has not expired (a timer run twice: nothing). */
export const remindQualificationExpiry = useCase<
  RemindQualificationExpiry,
  QualificationExpiryReminderDue,
  QualificationsState,
  QualificationContext
>({
  command: 'RemindQualificationExpiry',
  decide({ data }, state, context) {
    const q = state.qualifications.find((x) => x.qualificationId === data.qualificationId);
    if (!q || q.reminded || q.expired || context.now.getTime() < Date.parse(q.remindAt)) return [];
    return [
      {
        type: 'QualificationExpiryReminderDue',
        data: {
          staffId: data.staffId,
          qualificationId: data.qualificationId,
          kind: q.kind,
          expiresAt: q.expiresAt,
          remindedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    QualificationExpiryReminderDue: (state, event) =>
      changed(state, event.data.qualificationId, { reminded: true }),
  },
});
