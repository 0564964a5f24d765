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
