import type { Pool, PoolClient } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { PeriodAssessed } from '../domain/assessment/assessment.decider';

/**
 * The recorded assessment results (`PeriodAssessed`), one row per event, for ListAssessments: newest recorded
 * first, by (recorded millisecond, event id), the keyset cursor's two parts. The event's data is kept as it is,
 * so the answer is built by the same function as AssessPeriod's and GetAssessment's.
 */
export class StaffAssessmentList1765200000001 implements MigrationInterface {
  name = 'StaffAssessmentList1765200000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE assessment_list (
      event_id uuid PRIMARY KEY, tenant_id uuid NOT NULL, period text NOT NULL, result_version integer NOT NULL,
      recorded_at timestamptz NOT NULL, data jsonb NOT NULL)`);
    await q.query(
      `CREATE INDEX assessment_list_page ON assessment_list (tenant_id, recorded_at DESC, event_id DESC)`,
    );
    await q.query(
      `CREATE INDEX assessment_list_period ON assessment_list (tenant_id, period, recorded_at DESC, event_id DESC)`,
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE assessment_list`);
  }
}

/**
 * Keeps a recorded result. The event's id is the key, so a redelivered or replayed event changes nothing; the
 * time is cut to the millisecond the cursor holds, so no row falls between two pages.
 */
export async function keepAssessment(
  tx: PoolClient,
  row: { eventId: string; tenantId: string; recordedAt: Date; data: PeriodAssessed['data'] },
): Promise<void> {
  await tx.query(
    `INSERT INTO staff.assessment_list (event_id, tenant_id, period, result_version, recorded_at, data)
     VALUES ($1, $2, $3, $4, date_trunc('milliseconds', $5::timestamptz), $6) ON CONFLICT (event_id) DO NOTHING`,
    [row.eventId, row.tenantId, row.data.period, row.data.resultVersion, row.recordedAt, row.data],
  );
}

export interface AssessmentListRow {
  readonly event_id: string;
  readonly recorded_at: Date;
  readonly data: PeriodAssessed['data'];
}

/** A page of a tenant's recorded results (one period's when asked), after `after`, newest first. */
export async function assessmentPage(
  pool: Pool,
  tenantId: string,
  filter: { readonly period?: string },
  page: { readonly limit: number; readonly after?: { readonly at: Date; readonly id: string } },
): Promise<AssessmentListRow[]> {
  const { rows } = await pool.query<AssessmentListRow>(
    `SELECT event_id, recorded_at, data FROM staff.assessment_list
      WHERE tenant_id = $1 AND ($2::text IS NULL OR period = $2)
        AND ($3::timestamptz IS NULL OR (recorded_at, event_id) < ($3::timestamptz, $4::uuid))
      ORDER BY recorded_at DESC, event_id DESC LIMIT $5`,
    [tenantId, filter.period ?? null, page.after?.at ?? null, page.after?.id ?? null, page.limit + 1],
  );
  return rows;
}
