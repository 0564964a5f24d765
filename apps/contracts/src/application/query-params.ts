import { isLocalDate } from '@serviceops/kernel';
import { ProblemError } from '@serviceops/platform';

/** A date query parameter: absent (or empty), or YYYY-MM-DD; else 400 naming the field. */
export function dateParam(value: string | undefined, field: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!isLocalDate(value))
    throw new ProblemError('VALIDATION', `${field} must be a date YYYY-MM-DD`, [
      { path: field, message: 'must be a date YYYY-MM-DD' },
    ]);
  return value;
}

/** A query parameter from a closed list: absent (or empty), or one of them; else 400 naming the field. */
export function oneOf(
  value: string | undefined,
  allowed: readonly string[],
  field: string,
): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!allowed.includes(value))
    throw new ProblemError('VALIDATION', `unknown ${field}`, [{ path: field, message: allowed.join(', ') }]);
  return value;
}
