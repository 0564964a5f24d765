import type { QualificationEvent } from './qualification.events';
import type { Qualification, QualificationsState } from './qualification.state';

function changed(
  state: QualificationsState,
  qualificationId: string,
  change: Partial<Qualification>,
): QualificationsState {
  return {
    ...state,
    qualifications: state.qualifications.map((q) =>
      q.qualificationId === qualificationId ? { ...q, ...change } : q,
    ),
  };
}

export function evolveQualifications(
  state: QualificationsState,
  event: QualificationEvent,
): QualificationsState {
  switch (event.type) {
    case 'QualificationRecorded': {
      const { staffId, recordedAt: _at, ...q } = event.data;
      return {
        ...state,
        staffId,
        qualifications: [
          ...state.qualifications,
          { ...q, reminded: false, expired: false, suspended: false, reverificationOverdue: false },
        ],
      };
    }
    case 'QualificationSuspended':
      return changed(state, event.data.qualificationId, { suspended: true });
    case 'QualificationReinstated':
      return changed(state, event.data.qualificationId, { suspended: false });
    case 'QualificationReverified': {
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
    }
    case 'QualificationExpiryReminderDue':
      return changed(state, event.data.qualificationId, { reminded: true });
    case 'QualificationExpired':
      return changed(state, event.data.qualificationId, { expired: true });
    case 'QualificationReverificationOverdue':
      return changed(state, event.data.qualificationId, { reverificationOverdue: true });
    case 'StaffEligibilityChanged': {
      const { eligible, reasons, since } = event.data;
      return { ...state, eligibility: { eligible, reasons, since } };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
