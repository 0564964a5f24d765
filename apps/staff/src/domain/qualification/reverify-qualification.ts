import { optional, useCase, type Command, type Event } from '@serviceops/kernel';
import { QualificationErrorCode as E, qualificationError } from './qualification.errors';
import { existing, type OnOne } from './qualification.rules';
import type { QualificationContext, QualificationsState } from './qualification.state';

export type ReverifyQualification = Command<'ReverifyQualification', OnOne & { nextReverifyBy?: string }>;

export type QualificationReverified = Event<
  'QualificationReverified',
  { staffId: string; qualificationId: string; reverifiedAt: string; reverifyBy?: string }
>;

/** A qualification checked again: not overdue any more, the next check due `nextReverifyBy` (if any). */
export const reverifyQualification = useCase<
  ReverifyQualification,
  QualificationReverified,
  QualificationsState,
  QualificationContext
>({
  command: 'ReverifyQualification',
  handles: {
    rpc: 'staff.ReverifyQualification',
    command: (request: { id: string; qualificationId: string; nextReverifyBy?: string }) => ({
      type: 'ReverifyQualification',
      data: {
        staffId: request.id,
        qualificationId: request.qualificationId,
        ...optional('nextReverifyBy', request.nextReverifyBy),
      },
    }),
  },
  decide({ data }, state, context) {
    const q = existing(state, data.qualificationId);
    if (q.expired) throw qualificationError(E.EXPIRED, 'an expired qualification cannot be re-verified');
    if (data.nextReverifyBy !== undefined && Date.parse(data.nextReverifyBy) <= context.now.getTime())
      throw qualificationError(E.REVERIFICATION_NOT_AHEAD, 'the next re-verification is in the future', {
        field: 'nextReverifyBy',
      });
    return [
      {
        type: 'QualificationReverified',
        data: {
          staffId: data.staffId,
          qualificationId: q.qualificationId,
          reverifiedAt: context.now.toISOString(),
          ...(data.nextReverifyBy !== undefined
            ? { reverifyBy: new Date(data.nextReverifyBy).toISOString() }
            : {}),
        },
      },
    ];
  },
  evolve: {
    QualificationReverified: (state, event) => {
      const { reverifyBy } = event.data;
      const q = state.qualifications.find((x) => x.qualificationId === event.data.qualificationId);
      if (!q) return state;
      const { reverifyBy: _old, ...rest } = q;
      return {
        ...state,
        qualifications: state.qualifications.map((x) =>
          x === q ? { ...rest, ...(reverifyBy ? { reverifyBy } : {}), reverificationOverdue: false } : x,
        ),
      };
    },
  },
});
