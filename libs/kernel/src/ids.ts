const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function newId(): string {
  return globalThis.crypto.randomUUID();
}

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Stream ids read `<category>-<tenant>-<id>` so a stream never crosses a tenant. */
export function streamId(category: string, tenantId: string, id: string): string {
  return `${category}-${tenantId}-${id}`;
}
