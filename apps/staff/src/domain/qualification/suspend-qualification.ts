import { RULES, useCase, type Command, type Event } from '@serviceops/kernel';
import { QualificationErrorCode as E, qualificationError } from './qualification.errors';
import { changed, existing, type OnOne } from './qualification.rules';
import type { QualificationContext, QualificationsState } from './qualification.state';

export type SuspendQualification = Command<'SuspendQualification', OnOne & { reason: string }>;

export type QualificationSuspended = Event<
  'QualificationSuspended',
  { staffId: string; qualificationId: string; reason: string; suspendedAt: string }
>;

/** A valid qualification suspended, with a reason (sealed: free text about the person). */
export const suspendQualification = useCase<
  SuspendQualification,
  QualificationSuspended,
  QualificationsState,
  QualificationContext
>({
  command: 'SuspendQualification',
  handles: {
    rpc: 'staff.SuspendQualification',
    command: (request: { id: string; qualificationId: string; reason?: string }) => ({
      type: 'SuspendQualification',
      data: { staffId: request.id, qualificationId: request.qualificationId, reason: request.reason ?? '' },
    }),
  },
  decide({ data }, state, context) {
    const q = existing(state, data.qualificationId);
    if (q.expired || q.suspended)
      throw qualificationError(
        E.NOT_SUSPENDABLE,
        `the qualification is ${q.expired ? 'expired' : 'suspended'} already`,
      );
    if (!RULES.reason.accepts(data.reason))
      throw qualificationError(E.REASON_REJECTED, `reason ${RULES.reason.message}`, { field: 'reason' });
    return [
      {
        type: 'QualificationSuspended',
        data: {
          staffId: data.staffId,
          qualificationId: q.qualificationId,
          reason: data.reason.trim(),
          suspendedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    QualificationSuspended: (state, event) => changed(state, event.data.qualificationId, { suspended: true }),
  },
});
