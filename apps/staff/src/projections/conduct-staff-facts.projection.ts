import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import { pay, str, type PayTerms, type StaffMemberHiredData } from '../domain/member/member.facts';

export const CONDUCT_STAFF_FACTS_CONSUMER = 'staff-conduct-staff-facts';

/**
 * Keeps each person's daily pay and line from the staff service's own events. The consumer's inbox makes a
 * redelivered event count once; `stream_version` makes an older one (redelivered late) change nothing.
 */
export async function projectConductStaffFacts(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (!tenantId) return;
  if (event.type === 'StaffMemberHired') {
    const data = event.data as StaffMemberHiredData;
    const staffId = str(data.staffId);
    if (staffId === null) return;
    const { amount, currency } = pay(data.payTerms);
    await tx.query(
      `INSERT INTO staff.conduct_staff_facts (tenant_id, staff_id, business_line, role, branch_id,
         daily_pay_amount, daily_pay_currency, stream_version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, staff_id) DO UPDATE SET business_line = EXCLUDED.business_line,
         role = EXCLUDED.role, branch_id = EXCLUDED.branch_id,
         daily_pay_amount = EXCLUDED.daily_pay_amount, daily_pay_currency = EXCLUDED.daily_pay_currency,
         stream_version = EXCLUDED.stream_version, updated_at = EXCLUDED.updated_at
       WHERE conduct_staff_facts.stream_version < EXCLUDED.stream_version`,
      [
        tenantId,
        staffId,
        str(data.businessLine),
        str(data.role),
        str(data.branchId),
        amount,
        currency,
        event.streamVersion,
        event.recordedAt,
      ],
    );
    return;
  }
  if (event.type === 'PayTermsChanged') {
    const data = event.data as { readonly staffId?: unknown; readonly payTerms?: PayTerms };
    const staffId = str(data.staffId);
    if (staffId === null) return;
    const { amount, currency } = pay(data.payTerms);
    await tx.query(
      `INSERT INTO staff.conduct_staff_facts (tenant_id, staff_id, daily_pay_amount, daily_pay_currency,
         stream_version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, staff_id) DO UPDATE SET daily_pay_amount = EXCLUDED.daily_pay_amount,
         daily_pay_currency = EXCLUDED.daily_pay_currency, stream_version = EXCLUDED.stream_version,
         updated_at = EXCLUDED.updated_at
       WHERE conduct_staff_facts.stream_version < EXCLUDED.stream_version`,
      [tenantId, staffId, amount, currency, event.streamVersion, event.recordedAt],
    );
    return;
  }
  if (event.type === 'StaffRoleChanged') {
    // The role an assessment ranks the person within (and filters by) from here on.
    const data = event.data as { readonly staffId?: unknown; readonly to?: unknown };
    const staffId = str(data.staffId);
    if (staffId === null) return;
    await tx.query(
      `INSERT INTO staff.conduct_staff_facts (tenant_id, staff_id, role, stream_version, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, staff_id) DO UPDATE SET role = EXCLUDED.role,
         stream_version = EXCLUDED.stream_version, updated_at = EXCLUDED.updated_at
       WHERE conduct_staff_facts.stream_version < EXCLUDED.stream_version`,
      [tenantId, staffId, str(data.to), event.streamVersion, event.recordedAt],
    );
  }
}
