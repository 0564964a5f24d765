import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import type { AppealDecided, ViolationRecorded } from '../domain/discipline/discipline.events';

export const CONDUCT_VIOLATIONS_CONSUMER = 'staff-conduct-violations';

/** The violation list: a row per violation, its appeal's outcome once decided. Idempotent (keyed by the id). */
export async function projectConductViolations(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (!tenantId) return;
  if (event.type === 'ViolationRecorded') {
    const d = (event as unknown as ViolationRecorded).data;
    await tx.query(
      `INSERT INTO staff.conduct_violations (violation_id, tenant_id, staff_id, rule_id, rules_version, occurred_at,
         recorded_at, offence, fine_amount, fine_currency, loss_amount, loss_currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (violation_id) DO NOTHING`,
      [
        d.violationId,
        tenantId,
        d.staffId,
        d.ruleId,
        d.rulesVersion,
        d.occurredAt,
        d.recordedAt,
        d.offence,
        d.fine.amount,
        d.fine.currency,
        d.loss?.amount ?? null,
        d.loss?.currency ?? null,
      ],
    );
  } else if (event.type === 'AppealDecided') {
    const d = (event as unknown as AppealDecided).data;
    await tx.query(
      `UPDATE staff.conduct_violations SET appeal = $3 WHERE tenant_id = $1 AND violation_id = $2`,
      [tenantId, d.violationId, d.outcome],
    );
  }
}
