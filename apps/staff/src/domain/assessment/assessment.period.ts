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
/** Shared with the gateway's pattern: a month 'YYYY-MM' or a year 'YYYY'. */
export const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;

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
