import { STAFF_FIELDS } from '@serviceops/contracts';
import { DomainError, zonedInstant } from '@serviceops/kernel';
import { AssessmentErrorCode } from './assessment.errors';

export type Cycle = 'monthly' | 'yearly';

export interface Period {
  /** 'YYYY-MM' (a month) or 'YYYY' (a year). */
  readonly id: string;
  readonly cycle: Cycle;
  /** Inclusive start, exclusive end: midnight of the first day in the tenant's time zone. */
  readonly from: Date;
  readonly to: Date;
}

/** A month 'YYYY-MM' or a year 'YYYY': the gateway states the same rule (STAFF_FIELDS.assessmentPeriod). */
const PERIOD_PATTERN = new RegExp(STAFF_FIELDS.assessmentPeriod.schema.pattern ?? '');

/**
 * A monthly or yearly cycle's period, from its id, cut at midnight in the tenant's time zone (tenancy's calendar):
 * for a tenant at UTC+8, 23:30 UTC on 31 March is 07:30 on 1 April, in April's period.
 */
export function periodOf(id: string, timeZone: string): Period {
  const match = PERIOD_PATTERN.exec(id);
  if (!match)
    throw new DomainError(AssessmentErrorCode.INVALID_PERIOD, 'period is a month YYYY-MM or a year YYYY', {
      field: 'period',
    });
  const year = Number(match[1]);
  const firstDay = (y: number, monthIndex: number) => {
    const first = new Date(Date.UTC(y, monthIndex, 1));
    return zonedInstant(timeZone, first.toISOString().slice(0, 10), 0);
  };
  if (match[2] === undefined)
    return { id, cycle: 'yearly', from: firstDay(year, 0), to: firstDay(year + 1, 0) };
  const month = Number(match[2]) - 1;
  return { id, cycle: 'monthly', from: firstDay(year, month), to: firstDay(year, month + 1) };
}
