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
    case 'StaffLoginNotCreated':
      if (state.status === 'absent') return state;
      return { ...state, loginNotCreated: { reason: event.data.reason, userId: event.data.userId } };
    case 'StaffMemberErased': {
      if (state.status === 'absent') return state;
      // The username is the person's too: it goes with the rest.
      const { name: _n, phone: _p, idNumber: _i, loginRequested: _l, ...kept } = state;
      return {
        ...kept,
        status: 'erased',
        name: '',
        phone: '',
        erasedAt: event.data.erasedAt,
        updatedAt: event.data.erasedAt,
      };
    }
    case 'StaffRoleChanged':
      if (state.status === 'absent') return state;
      return { ...state, role: event.data.to, updatedAt: event.data.changedAt };
    case 'StaffSkillsSet':
      if (state.status === 'absent') return state;
      return { ...state, skills: event.data, updatedAt: event.data.setAt };
    case 'StaffMemberLeft':
      if (state.status === 'absent') return state;
      return { ...state, leftAt: event.data.leftAt, updatedAt: event.data.leftAt };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
