import { REQUEST_KINDS, type RequestKind, STAFF_PEOPLE_FIELDS } from '@serviceops/contracts';
import { addDays, isMinorUnits, localDateOf, RULES, zonedInstant } from '@serviceops/kernel';
import type {
  AssessedOutcomes,
  ChangePayTerms,
  ChangeStaffRole,
  EraseStaffMember,
  HireStaffMember,
  MemberCommand,
  RecordStaffLoginNotCreated,
  RecordStaffMemberLeft,
  SeparationOfMember,
  SetStaffSkills,
} from './member.commands';
import { MemberErrorCode, memberError } from './member.errors';
import type { MemberEvent, PayTerms } from './member.events';
import type { ActiveMember, MemberState } from './member.state';

/**
 * What the staff member's decisions take from outside the domain: the time, (erasure) their separation, and (a
 * role change citing an assessment) their outcomes in that period's latest result, absent when not in it.
 */
export interface MemberContext {
  readonly now: Date;
  /** The tenant's time zone (IANA): a last day is a day of the tenant's calendar, which starts at its midnight. */
  readonly timeZone: string;
  readonly separation?: SeparationOfMember;
  readonly assessed?: AssessedOutcomes;
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
    case 'EraseStaffMember':
      return erase(command, state, context);
    case 'RecordStaffMemberLeft':
      return recordLeft(command, state, context);
    case 'ChangeStaffRole':
      return changeRole(command, state, context);
    case 'SetStaffSkills':
      return setSkills(command, state, context);
    case 'RecordStaffLoginNotCreated':
      return recordLoginNotCreated(command, state);
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
  if (state.status === 'erased')
    throw memberError(MemberErrorCode.STAFF_MEMBER_ERASED, 'the staff member’s personal data was erased');
  return state;
}

/** A staff member still employed: found, not erased, and not left (a role or skills are theirs to change). */
function employedMember(state: MemberState): ActiveMember {
  const member = activeMember(state);
  if (member.leftAt !== undefined)
    throw memberError(MemberErrorCode.STAFF_MEMBER_LEFT, 'the staff member has left', {
      leftAt: member.leftAt,
    });
  return member;
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

/**
 * A role change: of someone still employed (not erased, not left); the same role again changes nothing. Citing an
 * assessed period, the period's latest result must have decided `role_change` for them; the event names it.
 */
function changeRole(
  { data }: ChangeStaffRole,
  state: MemberState,
  context: MemberContext,
): readonly MemberEvent[] {
  const member = employedMember(state);
  const { assessed } = context;
  if (
    data.assessmentPeriod !== undefined &&
    (assessed?.period !== data.assessmentPeriod || !assessed.outcomes.includes('role_change'))
  )
    throw memberError(
      MemberErrorCode.ROLE_CHANGE_NOT_DECIDED,
      `the latest assessment of ${data.assessmentPeriod} decided no role change for this staff member`,
      { field: 'assessmentPeriod' },
    );
  if (data.role === member.role) return [];
  return [
    {
      type: 'StaffRoleChanged',
      data: {
        staffId: member.staffId,
        from: member.role,
        to: data.role,
        branchId: member.branchId,
        ...(data.assessmentPeriod !== undefined && assessed
          ? { assessment: { period: assessed.period, resultVersion: assessed.resultVersion } }
          : {}),
        changedAt: context.now.toISOString(),
      },
    },
  ];
}

const isRequestKind = (kind: string): kind is RequestKind =>
  (REQUEST_KINDS as readonly string[]).includes(kind);

/**
 * The request kinds someone still employed (not erased, not left) is skilled for: each one of orders' vocabulary,
 * kept once and in the vocabulary's order, so the same list again (in any order, with repeats) changes nothing.
 * Empty clears the list: orders goes back to judging them by their role.
 */
function setSkills(
  { data }: SetStaffSkills,
  state: MemberState,
  context: MemberContext,
): readonly MemberEvent[] {
  const member = employedMember(state);
  const unknown = data.kinds.filter((kind) => !isRequestKind(kind));
  if (unknown.length > 0)
    throw memberError(
      MemberErrorCode.SKILL_KIND_UNKNOWN,
      `not a request kind: ${unknown.join(', ')} (one of ${REQUEST_KINDS.join(', ')})`,
      { field: 'kinds', unknown },
    );
  const kinds = REQUEST_KINDS.filter((kind) => data.kinds.includes(kind));
  if (kinds.join() === (member.skills?.kinds ?? []).join()) return [];
  return [
    {
      type: 'StaffSkillsSet',
      data: { staffId: member.staffId, kinds, setBy: data.setBy, setAt: context.now.toISOString() },
    },
  ];
}

/**
 * How long a leaver's personal data is kept after their last day when the tenant sets no period of its own: two
 * years. The PRC Labour Contract Law, art. 50 (劳动合同法 第五十条): an employer keeps the texts of dissolved or
 * terminated labour contracts for at least two years, for inspection; the PIPL, art. 19, keeps personal data no
 * longer than its purpose needs. Two years is therefore also the shortest period a tenant may set
 * (PEOPLE_POLICY_LIMITS.staffRetentionDays).
 */
export const DEFAULT_STAFF_RETENTION_DAYS = 730;

/**
 * When a leaver's data is due for erasure: `retentionDays` whole days of the tenant's calendar after their last day,
 * at the tenant's midnight (IANA `timeZone`), as the other staff dates (a last day starts at its midnight too).
 */
export function staffRetentionEndsAt(lastDay: string, retentionDays: number, timeZone: string): Date {
  return zonedInstant(timeZone, addDays(lastDay, retentionDays + 1), 0);
}

/** Whether a separation's last day (ISO date) has come: the tenant's calendar day of `now` is that day or later. */
export function lastDayCome(lastDay: string, now: Date, timeZone: string): boolean {
  return localDateOf(timeZone, now) >= lastDay;
}

/**
 * When a separated staff member leaves: the start (the tenant's midnight) of their last day, the moment
 * `lastDayCome` turns true. The leave timer is due then; a dismissal's last day is its own day, so it is due at once.
 */
export function staffLeavesAt(lastDay: string, timeZone: string): Date {
  return zonedInstant(timeZone, lastDay, 0);
}

/**
 * The leave timer's command: `StaffMemberLeft` once the separation's last day has come, whether or not the
 * handover is complete (access ends with the employment). Nothing otherwise: before the last day, without a
 * separation, or when they left already (a timer run twice writes one event). An erased file still records it
 * (the event carries no personal data, and the login must close all the same).
 */
function recordLeft(
  { data }: RecordStaffMemberLeft,
  state: MemberState,
  context: MemberContext,
): readonly MemberEvent[] {
  if (state.status === 'absent' || state.leftAt !== undefined) return [];
  const { separation } = context;
  if (!separation || separation.status === 'none' || !separation.lastDay || !separation.kind) return [];
  if (!lastDayCome(separation.lastDay, context.now, context.timeZone)) return [];
  return [
    {
      type: 'StaffMemberLeft',
      data: {
        staffId: data.staffId,
        kind: separation.kind,
        lastDay: separation.lastDay,
        leftAt: context.now.toISOString(),
      },
    },
  ];
}

/**
 * The last day of a person who has left: they resigned or were dismissed, the handover is complete (the final
 * settlement was requested) and their last day has come. Anyone else is refused, with the code saying why.
 */
export function separatedOn(separation: SeparationOfMember | undefined, now: Date, timeZone: string): string {
  if (!separation || separation.status === 'none')
    throw memberError(
      MemberErrorCode.STILL_EMPLOYED,
      'only a leaver’s data is erased: the staff member neither resigned nor was dismissed',
    );
  if (separation.status !== 'settlement_requested' || separation.lastDay === undefined)
    throw memberError(
      MemberErrorCode.HANDOVER_INCOMPLETE,
      'the staff member is leaving but the handover is not complete (no final settlement requested yet)',
    );
  if (!lastDayCome(separation.lastDay, now, timeZone))
    throw memberError(MemberErrorCode.LAST_DAY_NOT_REACHED, `the last day (${separation.lastDay}) is ahead`, {
      lastDay: separation.lastDay,
    });
  return separation.lastDay;
}

/**
 * At request: a leaver only (else 422 naming why), once (again: 422 STAFF.STAFF_MEMBER_ERASED). By the retention
 * timer: nothing unless the person has left and the retention after the last day is over, nothing when erased
 * already (a timer run twice changes nothing).
 */
function erase(
  { data }: EraseStaffMember,
  state: MemberState,
  context: MemberContext,
): readonly MemberEvent[] {
  const { retentionDays } = data;
  const byTimer = retentionDays !== undefined;
  if (byTimer && state.status === 'erased') return [];
  const member = activeMember(state);
  let lastDay: string;
  try {
    lastDay = separatedOn(context.separation, context.now, context.timeZone);
  } catch (refused) {
    if (byTimer) return [];
    throw refused;
  }
  if (
    retentionDays !== undefined &&
    context.now < staffRetentionEndsAt(lastDay, retentionDays, context.timeZone)
  )
    return [];
  return [
    {
      type: 'StaffMemberErased',
      data: {
        staffId: member.staffId,
        by: byTimer ? 'retention' : 'request',
        lastDay,
        erasedAt: context.now.toISOString(),
      },
    },
  ];
}

/**
 * Tenancy's answer that no login was made for the hire (the person had one linked already): recorded once, so a
 * redelivered answer adds nothing; nothing for a staff member this service does not know. An erased file records it
 * too (ids only).
 */
function recordLoginNotCreated(
  { data }: RecordStaffLoginNotCreated,
  state: MemberState,
): readonly MemberEvent[] {
  if (state.status === 'absent' || state.loginNotCreated !== undefined) return [];
  const { staffId, userId, reason, answeredAt } = data;
  return [{ type: 'StaffLoginNotCreated', data: { staffId, userId, reason, answeredAt } }];
}
