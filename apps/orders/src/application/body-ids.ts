import { uuidField } from '@serviceops/platform';

/**
 * The UUIDs a command carries from its request's body, checked as `uuidField` checks them (a path's are checked by
 * the declaration): a malformed or empty one is 400 VALIDATION naming its field, before anything is read. The use
 * case's mapping passes a required one on lower-cased ('' when absent) and an optional one only when it was sent,
 * so an absent one (undefined, null) is not checked.
 */
export function checkBodyIds<D extends object>(data: D, ...fields: readonly (keyof D & string)[]): void {
  for (const field of fields) {
    const value = data[field];
    if (value !== undefined && value !== null) uuidField(String(value), field);
  }
}
