import type { CandidateEvent } from './candidate.events';
import type { CandidateState } from './candidate.state';

export function evolveCandidate(state: CandidateState, event: CandidateEvent): CandidateState {
  switch (event.type) {
    case 'CandidateApplied':
      return { status: 'in_progress', ...event.data, passed: [], steps: [], updatedAt: event.data.appliedAt };
    case 'RecruitmentStepRecorded': {
      if (state.status === 'absent') return state;
      const { data } = event;
      return {
        ...state,
        steps: [...state.steps, data],
        updatedAt: data.recordedAt,
        ...(data.passed
          ? { passed: [...state.passed, data.step] }
          : { status: 'rejected', rejectedAt: data.recordedAt }),
      };
    }
    case 'CandidateHired':
      if (state.status === 'absent') return state;
      return { ...state, status: 'hired', staffId: event.data.staffId, updatedAt: event.data.hiredAt };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
