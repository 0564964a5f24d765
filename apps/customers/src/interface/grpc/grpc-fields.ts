import { isUuid } from '@serviceops/kernel';
import { ProblemError } from '@serviceops/platform';

/** An id from a request: a malformed one names nothing that exists (404, as another tenant's would). */
export function idOf(id: string | undefined, field = 'id'): string {
  if (!id || !isUuid(id))
    throw new ProblemError(
      field === 'id' ? 'NOT_FOUND' : 'VALIDATION',
      field === 'id' ? 'no such record' : `${field} must be a uuid`,
      field === 'id' ? undefined : [{ path: field, message: 'must be a uuid' }],
    );
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
