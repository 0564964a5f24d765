import { isUuid } from '@serviceops/kernel';
import { ProblemError } from '@serviceops/platform';

/** A UUID in a request's body (a path's are checked by the declaration): malformed is a validation error. */
export function uuidField(id: string | undefined, field: string): string {
  if (!id || !isUuid(id))
    throw new ProblemError('VALIDATION', `${field} must be a uuid`, [
      { path: field, message: 'must be a uuid' },
    ]);
  return id.toLowerCase();
}

/** `{ [field]: value }` when the value is set (proto3 optionals arrive absent when unset). */
export function optional<K extends string, V>(field: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined || value === '' ? {} : { [field]: value }) as { [P in K]?: V };
}

/** Over gRPC an empty string removes a field (proto3 strings cannot be null). */
export function removable(value: string | undefined): string | null | undefined {
  return value === undefined ? undefined : value === '' ? null : value;
}
