import { DomainError } from '@serviceops/kernel';
import { FreeTextErrorCode } from '../free-text.errors';
import { MemberErrorCode } from '../member/member.errors';

export const TrainingSessionErrorCode = {
  SESSION_NOT_FOUND: 'STAFF.TRAINING_SESSION_NOT_FOUND',
  SESSION_EXISTS: 'STAFF.TRAINING_SESSION_EXISTS',
  STAFF_NOT_FOUND: MemberErrorCode.STAFF_MEMBER_NOT_FOUND,
  UNKNOWN_KIND: 'STAFF.UNKNOWN_TRAINING_KIND',
  ENDS_BEFORE_START: 'STAFF.TRAINING_ENDS_BEFORE_START',
  STARTS_IN_PAST: 'STAFF.TRAINING_STARTS_IN_PAST',
  NO_INVITEES: 'STAFF.TRAINING_WITHOUT_INVITEES',
  COACHING_ONE_TO_ONE: 'STAFF.COACHING_IS_ONE_TO_ONE',
  NOT_INVITED: 'STAFF.NOT_INVITED',
  TRAINER_REQUIRED: 'STAFF.TRAINER_REQUIRED',
  TRAINER_INVITED: 'STAFF.TRAINER_AMONG_INVITEES',
  SESSION_OVER: 'STAFF.TRAINING_SESSION_OVER',
  NOT_STARTED: 'STAFF.TRAINING_NOT_STARTED',
  CLOSED: 'STAFF.TRAINING_SESSION_CLOSED',
  ALREADY_ATTENDED: 'STAFF.ATTENDANCE_ALREADY_RECORDED',
  BAD_SCORE: 'STAFF.TRAINING_SCORE_OUT_OF_RANGE',
  TEXT_REFUSED: FreeTextErrorCode.INVALID_TEXT,
} as const;

export type TrainingSessionErrorCode =
  (typeof TrainingSessionErrorCode)[keyof typeof TrainingSessionErrorCode];

export function trainingSessionError(
  code: TrainingSessionErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
