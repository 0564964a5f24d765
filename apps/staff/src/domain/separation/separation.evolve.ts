import type { SeparationEvent } from './separation.events';
import type { SeparationState } from './separation.state';

export function evolveSeparation(state: SeparationState, event: SeparationEvent): SeparationState {
  switch (event.type) {
    case 'ResignationSubmitted': {
      const { staffId, reason, noticeDays, lastDay, submittedAt } = event.data;
      return {
        status: 'separating',
        staffId,
        kind: 'resignation',
        ...(reason ? { reason } : {}),
        noticeDays,
        lastDay,
        startedAt: submittedAt,
        ticked: [],
      };
    }
    case 'StaffMemberDismissed': {
      const { staffId, reason, lastDay, dismissedAt } = event.data;
      return {
        status: 'separating',
        staffId,
        kind: 'dismissal',
        reason,
        lastDay,
        startedAt: dismissedAt,
        ticked: [],
      };
    }
    case 'HandoverItemTicked':
      if (state.status === 'none') return state;
      return { ...state, ticked: [...state.ticked, event.data.item] };
    case 'FinalSettlementRequested':
      if (state.status === 'none') return state;
      return { ...state, status: 'settlement_requested', settlementRequestedAt: event.data.requestedAt };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
