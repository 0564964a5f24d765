import { addDays, isMinorUnits, localDateOf, RULES, zonedInstant } from '@serviceops/kernel';
import { MemberErrorCode, memberError } from './member.errors';
import type { ActiveMember, MemberState, PayTerms, SeparationOfMember } from './member.state';

/** What the staff member's use cases share: the pay check, which states a command may act on, the leaver's dates. */

/** Pay terms as the proto decodes them: int64 as a string (the loaders' `longs: String`), unset fields absent. */
export interface PayTermsMessage {
  readonly dailyPay?: { readonly amount?: number | string; readonly currency?: string };
}

/** The pay terms a request gives (absent: 0 and no currency, which `payTermsOf` refuses). */
export function payTermsOfMessage(message: PayTermsMessage | undefined): PayTerms {
  const pay = message?.dailyPay ?? {};
  return { dailyPay: { amount: Number(pay.amount ?? 0), currency: pay.currency ?? '' } };
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
export function employedMember(state: MemberState): ActiveMember {
  const member = activeMember(state);
  if (member.leftAt !== undefined)
    throw memberError(MemberErrorCode.STAFF_MEMBER_LEFT, 'the staff member has left', {
      leftAt: member.leftAt,
    });
  return member;
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
