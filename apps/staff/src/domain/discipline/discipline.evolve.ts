import type { DisciplineEvent } from './discipline.events';
import type { DisciplineState } from './discipline.state';

export function evolveDiscipline(state: DisciplineState, event: DisciplineEvent): DisciplineState {
  switch (event.type) {
    case 'ViolationRecorded': {
      const { violationId, ruleId, occurredAt, offence, fine, loss } = event.data;
      return {
        ...state,
        violations: [
          ...state.violations,
          { violationId, ruleId, occurredAt, offence, fine, loss, appeal: 'none' },
        ],
      };
    }
    case 'AppealDecided':
      return {
        ...state,
        violations: state.violations.map((v) =>
          v.violationId === event.data.violationId ? { ...v, appeal: event.data.outcome } : v,
        ),
      };
    case 'RewardGranted':
      return { ...state, rewardIds: [...state.rewardIds, event.data.rewardId] };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
