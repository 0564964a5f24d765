import { STAFF_PEOPLE_FIELDS } from '@serviceops/contracts';
import { isMinorUnits, RULES } from '@serviceops/kernel';
import type { ChangePayTerms, HireStaffMember, MemberCommand } from './member.commands';
import { MemberErrorCode, memberError } from './member.errors';
import type { MemberEvent, PayTerms } from './member.events';
import type { ActiveMember, MemberState } from './member.state';

/** What the staff member's decisions take from outside the domain: the time. */
export interface MemberContext {
  readonly now: Date;
}

export function decideMember(
  command: MemberCommand,
  state: MemberState,
  context: MemberContext,
): readonly MemberEvent[] {
  switch (command.type) {
    case 'HireStaffMember':
      return hire(command, state, context);
    case 'ChangePayTerms':
      return changePayTerms(command, state, context);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

/** A daily pay of at least one minor unit, in a real currency code. */
export function payTermsOf(terms: PayTerms): PayTerms {
  const { amount, currency } = terms.dailyPay;
  if (!isMinorUnits(amount) || amount < 1)
    throw memberError(
      MemberErrorCode.PAY_NOT_POSITIVE,
      'daily pay must be a positive integer of minor units',
      {
        field: 'payTerms.dailyPay.amount',
      },
    );
  if (!RULES.currency.accepts(currency))
    throw memberError(MemberErrorCode.PAY_CURRENCY_UNKNOWN, `currency ${RULES.currency.message}`, {
      field: 'payTerms.dailyPay.currency',
    });
  return { dailyPay: { amount, currency } };
}

export function activeMember(state: MemberState): ActiveMember {
  if (state.status === 'absent')
    throw memberError(MemberErrorCode.STAFF_MEMBER_NOT_FOUND, 'no such staff member');
  return state;
}

function hire({ data }: HireStaffMember, state: MemberState, context: MemberContext): readonly MemberEvent[] {
  if (state.status !== 'absent')
    throw memberError(MemberErrorCode.STAFF_MEMBER_EXISTS, 'the staff member exists already');
  const { loginUsername, idNumber, ...rest } = data;
  const at = context.now.toISOString();
  const hired: MemberEvent = {
    type: 'StaffMemberHired',
    data: { ...rest, payTerms: payTermsOf(data.payTerms), ...(idNumber ? { idNumber } : {}), hiredAt: at },
  };
  if (loginUsername === undefined) return [hired];
  if (!STAFF_PEOPLE_FIELDS.loginUsername.accepts(loginUsername))
    throw memberError(
      MemberErrorCode.USERNAME_REJECTED,
      `username ${STAFF_PEOPLE_FIELDS.loginUsername.message}`,
      {
        field: 'login.username',
      },
    );
  return [
    hired,
    {
      type: 'StaffLoginRequested',
      data: {
        staffId: data.staffId,
        username: loginUsername.trim().toLowerCase(),
        roles: [data.role],
        branchId: data.branchId,
        requestedAt: at,
      },
    },
  ];
}

function changePayTerms(
  { data }: ChangePayTerms,
  state: MemberState,
  context: MemberContext,
): readonly MemberEvent[] {
  const member = activeMember(state);
  const payTerms = payTermsOf(data.payTerms);
  if (JSON.stringify(payTerms) === JSON.stringify(member.payTerms)) return [];
  return [
    {
      type: 'PayTermsChanged',
      data: { staffId: member.staffId, payTerms, changedAt: context.now.toISOString() },
    },
  ];
}
