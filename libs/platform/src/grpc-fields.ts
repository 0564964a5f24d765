import { isUuid } from '@serviceops/kernel';
import { ProblemError } from './errors';

/**
 * What a gRPC request's fields mean beyond what proto3 can say: an unset optional arrives absent (the services
 * load protos with `defaults: false`), and a string cannot be null, so an empty one stands for "remove".
 */

/** `{ [field]: value }` when the value is set: absent, and an empty string, leave the field out. */
export function optional<K extends string, V>(field: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined || value === '' ? {} : { [field]: value }) as { [P in K]?: V };
}

/** A field a command may clear: absent is "leave it", an empty string is "remove it" (null). */
export function removable(value: string | undefined): string | null | undefined {
  return value === undefined ? undefined : value === '' ? null : value;
}

/** A UUID in a request's body (a path's are checked by the declaration): malformed is a validation error. */
export function uuidField(id: string | undefined, field: string): string {
  if (!id || !isUuid(id))
    throw new ProblemError('VALIDATION', `${field} must be a uuid`, [
      { path: field, message: 'must be a uuid' },
    ]);
  return id.toLowerCase();
}
