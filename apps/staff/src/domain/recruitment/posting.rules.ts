import { MAX_DRIVING_YEARS } from '@serviceops/contracts';
import { PostingErrorCode, postingError } from './posting.errors';

export { MAX_DRIVING_YEARS };

/** Whole years of driving, 0–MAX_DRIVING_YEARS (a posting's criterion, a candidate's application). */
export function drivingYearsOf(years: number, field: string): number {
  if (!Number.isInteger(years) || years < 0 || years > MAX_DRIVING_YEARS)
    throw postingError(
      PostingErrorCode.DRIVING_YEARS_OUT_OF_RANGE,
      `driving years must be a whole number from 0 to ${MAX_DRIVING_YEARS}`,
      { field },
    );
  return years;
}
