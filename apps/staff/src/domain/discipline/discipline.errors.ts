import { DomainError } from '@serviceops/kernel';
import { FreeTextErrorCode } from '../free-text.errors';
import { MemberErrorCode } from '../member/member.errors';

/** Stable codes of the register's rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const DisciplineErrorCode = {
  REGISTER_NOT_FOUND: 'STAFF.DISCIPLINE_RECORD_NOT_FOUND',
  STAFF_NOT_FOUND: MemberErrorCode.STAFF_MEMBER_NOT_FOUND,
  VIOLATION_NOT_FOUND: 'STAFF.VIOLATION_NOT_FOUND',
  UNKNOWN_RULE: 'STAFF.UNKNOWN_CONDUCT_RULE',
  RULE_NOT_IN_LINE: 'STAFF.RULE_NOT_IN_LINE_PACK',
  VIOLATION_IN_FUTURE: 'STAFF.VIOLATION_IN_FUTURE',
  FINE_REQUIRED: 'STAFF.FINE_AMOUNT_REQUIRED',
  FINE_OUT_OF_RANGE: 'STAFF.FINE_OUT_OF_RANGE',
  FINE_NOT_AS_RULE: 'STAFF.FINE_NOT_AS_RULE',
  FINE_CURRENCY: 'STAFF.FINE_CURRENCY_MISMATCH',
  QUANTITY_NOT_PER_UNIT: 'STAFF.QUANTITY_NOT_PER_UNIT',
  DAILY_PAY_UNKNOWN: 'STAFF.DAILY_PAY_UNKNOWN',
  LOSS_NOT_CHARGEABLE: 'STAFF.LOSS_NOT_CHARGEABLE',
  LOSS_NOT_POSITIVE: 'STAFF.LOSS_NOT_POSITIVE',
  QUANTITY_OUT_OF_RANGE: 'STAFF.QUANTITY_OUT_OF_RANGE',
  APPEAL_DECIDED: 'STAFF.APPEAL_ALREADY_DECIDED',
  REWARD_NOT_POSITIVE: 'STAFF.REWARD_NOT_POSITIVE',
  TEXT_REFUSED: FreeTextErrorCode.INVALID_TEXT,
  /** Conduct rules a tenant cannot adopt (422 naming the field). */
  RULES_REFUSED: 'STAFF.CONDUCT_RULES_REFUSED',
} as const;

export type DisciplineErrorCode = (typeof DisciplineErrorCode)[keyof typeof DisciplineErrorCode];

export function disciplineError(
  code: DisciplineErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
