import type { DeliveredEvent } from '@serviceops/messaging';
import { serviceOfTopic } from '@serviceops/messaging';
import type { PoolClient } from 'pg';

export const AUDIT_TRAIL_CONSUMER = 'analytics-audit-trail';

/** Fields that identify rather than describe: not listed among what an event changed. */
const ID_FIELDS = new Set(['customerId', 'tenantId']);

/**
 * Streams that log access to a record rather than change it, and the record's entity: a clear read of a
 * customer's personal data (`customer-access-…`) is part of that customer's trail.
 */
const ACCESS_LOGS: Readonly<Record<string, string>> = { 'customer-access': 'customer' };

/**
 * Stream ids read `<entity>-<tenant uuid>-<id>`: the entity is the category, the record is the id. Only
 * field names are kept: values may be personal data (and are sealed anyway).
 */
export function auditEntryOf(event: DeliveredEvent) {
  const match = /^([a-z-]+?)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-(.+)$/.exec(
    event.streamId,
  );
  const data = event.data && typeof event.data === 'object' ? (event.data as Record<string, unknown>) : {};
  const category = match?.[1] ?? 'unknown';
  const accessed = ACCESS_LOGS[category];
  if (accessed && event.type === 'PersonalDataRead') {
    // Which personal fields were read, in clear: the read's own fields, not the log entry's.
    const fields = Array.isArray(data['fields']) ? data['fields'].filter((f) => typeof f === 'string') : [];
    const about =
      typeof data['customerId'] === 'string' ? data['customerId'] : (match?.[3] ?? event.streamId);
    return { entity: accessed, entityId: about, fields };
  }
  return {
    entity: category,
    entityId: match?.[3] ?? event.streamId,
    fields: Object.keys(data).filter((f) => !ID_FIELDS.has(f)),
  };
}

export async function projectAuditTrail(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const m = event.metadata;
  if (!m.tenantId) return;
  const { entity, entityId, fields } = auditEntryOf(event);
  await tx.query(
    `INSERT INTO analytics.audit_trail (event_id, tenant_id, service, entity, entity_id, version, type, at, actor_id,
       on_behalf_of, reason, correlation_id, fields)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (event_id) DO NOTHING`,
    [
      event.eventId,
      m.tenantId,
      serviceOfTopic(event.topic),
      entity,
      entityId,
      event.streamVersion,
      event.type,
      event.recordedAt,
      String(m.actorId ?? 'system'),
      m.onBehalfOf ?? null,
      m.reason ?? null,
      m.correlationId ?? null,
      fields,
    ],
  );
}
