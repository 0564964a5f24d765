import { STAFF_FIELDS } from '@serviceops/contracts';
import { DomainError } from '@serviceops/kernel';

export type Cycle = 'monthly' | 'yearly';

export interface Period {
  /** 'YYYY-MM' (a month) or 'YYYY' (a year). */
  readonly id: string;
  readonly cycle: Cycle;
  /** Inclusive start, exclusive end (UTC). */
  readonly from: Date;
  readonly to: Date;
}

export const INVALID_PERIOD = 'STAFF.INVALID_ASSESSMENT_PERIOD';
/** A month 'YYYY-MM' or a year 'YYYY': the gateway states the same rule (STAFF_FIELDS.assessmentPeriod). */
const PERIOD_PATTERN = new RegExp(STAFF_FIELDS.assessmentPeriod.schema.pattern ?? '');

/** A monthly or yearly cycle's period, from its id. */
export function periodOf(id: string): Period {
  const match = PERIOD_PATTERN.exec(id);
  if (!match)
    throw new DomainError(INVALID_PERIOD, 'period is a month YYYY-MM or a year YYYY', { field: 'period' });
  const year = Number(match[1]);
  if (match[2] === undefined)
    return {
      id,
      cycle: 'yearly',
      from: new Date(Date.UTC(year, 0, 1)),
      to: new Date(Date.UTC(year + 1, 0, 1)),
    };
  const month = Number(match[2]) - 1;
  return {
    id,
    cycle: 'monthly',
    from: new Date(Date.UTC(year, month, 1)),
    to: new Date(Date.UTC(year, month + 1, 1)),
  };
}
