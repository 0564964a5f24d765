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
    case 'CandidateErased': {
      if (state.status === 'absent') return state;
      const { name: _n, phone: _p, idNumber: _i, ...kept } = state;
      return {
        ...kept,
        name: '',
        phone: '',
        status: 'erased',
        erasedAt: event.data.erasedAt,
        updatedAt: event.data.erasedAt,
      };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
