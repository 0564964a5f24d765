import { decodeCursor, keysetPage, limitOf } from '@serviceops/platform';
import type { Pool } from 'pg';

export interface ViolationFilter {
  readonly staffId?: string;
  readonly ruleId?: string;
  readonly limit?: number;
  /** `<recorded at, epoch ms>_<violation id>` of the last item of the previous page (RULES.keysetCursor). */
  readonly cursor?: string;
}

/** A page of the tenant's violations, newest recorded first, and the cursor of the next (absent on the last). */
export async function violationPage(pool: Pool, tenantId: string, filter: ViolationFilter) {
  const limit = limitOf(filter.limit);
  const after = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor);
  const { rows } = await pool.query<{
    violation_id: string;
    staff_id: string;
    rule_id: string;
    rules_version: number;
    occurred_at: Date;
    recorded_at: Date;
    offence: number;
    fine_amount: number;
    fine_currency: string;
    loss_amount: number | null;
    loss_currency: string | null;
    appeal: string | null;
  }>(
    `SELECT * FROM staff.conduct_violations
      WHERE tenant_id = $1 AND ($2::uuid IS NULL OR staff_id = $2) AND ($3::text IS NULL OR rule_id = $3)
        AND ($4::timestamptz IS NULL OR (recorded_at, violation_id) < ($4, $5::uuid))
      ORDER BY recorded_at DESC, violation_id DESC LIMIT $6`,
    [
      tenantId,
      filter.staffId ?? null,
      filter.ruleId ?? null,
      after?.at ?? null,
      after?.id ?? null,
      limit + 1,
    ],
  );
  const { page, nextCursor } = keysetPage(rows, limit, (r) => ({ at: r.recorded_at, id: r.violation_id }));
  return {
    items: page.map((r) => ({
      violationId: r.violation_id,
      staffId: r.staff_id,
      ruleId: r.rule_id,
      rulesVersion: r.rules_version,
      occurredAt: r.occurred_at.toISOString(),
      recordedAt: r.recorded_at.toISOString(),
      offence: r.offence,
      fine: { amount: r.fine_amount, currency: r.fine_currency },
      ...(r.loss_amount !== null && r.loss_currency !== null
        ? { loss: { amount: r.loss_amount, currency: r.loss_currency } }
        : {}),
      ...(r.appeal !== null ? { appeal: r.appeal } : {}),
    })),
    ...(nextCursor ? { nextCursor } : {}),
  };
}
