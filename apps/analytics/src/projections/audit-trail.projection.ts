import type { DeliveredEvent } from '@serviceops/messaging';
import { serviceOfTopic } from '@serviceops/messaging';
import type { PoolClient } from 'pg';

export const AUDIT_TRAIL_CONSUMER = 'analytics-audit-trail';

/** Fields that identify rather than describe: not listed among what an event changed. */
const ID_FIELDS = new Set(['customerId', 'tenantId']);

/**
 * Streams that log access to a record rather than change it (platform ClearReadLog), the record's entity and the
 * field naming it: a clear read of a customer's personal data (`customer-access-…`, or `contract-access-…` for
 * a contract's clauses and signers) is part of that customer's trail; a staff member's or candidate's
 * (`staff-access-…`) of that person's.
 */
const ACCESS_LOGS: Readonly<Record<string, { readonly entity: string; readonly subject: string }>> = {
  'customer-access': { entity: 'customer', subject: 'customerId' },
  'contract-access': { entity: 'customer', subject: 'customerId' },
  'staff-access': { entity: 'person', subject: 'personId' },
};

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
    const subject = data[accessed.subject];
    const about = typeof subject === 'string' ? subject : (match?.[3] ?? event.streamId);
    return { entity: accessed.entity, entityId: about, fields };
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
