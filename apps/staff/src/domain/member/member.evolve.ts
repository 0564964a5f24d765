import type { MemberEvent } from './member.events';
import type { MemberState } from './member.state';

export function evolveMember(state: MemberState, event: MemberEvent): MemberState {
  switch (event.type) {
    case 'StaffMemberHired':
      return { status: 'active', ...event.data, updatedAt: event.data.hiredAt };
    case 'PayTermsChanged':
      if (state.status !== 'active') return state;
      return { ...state, payTerms: event.data.payTerms, updatedAt: event.data.changedAt };
    case 'StaffLoginRequested':
      if (state.status !== 'active') return state;
      return { ...state, loginRequested: event.data.username };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
