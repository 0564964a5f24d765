import type { Pool } from 'pg';
import type { Period } from '../domain/assessment/assessment.period';
import type { StaffPeriodFacts } from '../domain/assessment/assessment.scoring';

/**
 * Every known staff member of the tenant (optionally of one role / branch) with the facts of the period. Staff
 * come from the read model of hiring (conduct_staff_facts).
 */
export async function periodFacts(
  pool: Pool,
  tenantId: string,
  period: Period,
  filter: { role?: string; branchId?: string } = {},
): Promise<StaffPeriodFacts[]> {
  const { rows: staff } = await pool.query<{
    staff_id: string;
    role: string | null;
    branch_id: string | null;
  }>(
    `SELECT staff_id, role, branch_id FROM staff.conduct_staff_facts
      WHERE tenant_id = $1 AND ($2::text IS NULL OR role = $2) AND ($3::uuid IS NULL OR branch_id = $3)
      ORDER BY staff_id`,
    [tenantId, filter.role ?? null, filter.branchId ?? null],
  );
  const { rows: facts } = await pool.query<{ staff_id: string; kind: string; value: number | null }>(
    `SELECT staff_id, kind, value FROM staff.assessment_facts
      WHERE tenant_id = $1 AND occurred_at >= $2 AND occurred_at < $3`,
    [tenantId, period.from, period.to],
  );
  return staff.map((s) => {
    const mine = facts.filter((f) => f.staff_id === s.staff_id);
    const values = (kind: string) => mine.filter((f) => f.kind === kind).map((f) => Number(f.value));
    const count = (kind: string) => mine.filter((f) => f.kind === kind).length;
    return {
      staffId: s.staff_id,
      role: s.role,
      branchId: s.branch_id,
      inspections: values('inspection'),
      surveys: values('survey'),
      safetyIncidents: count('safety_incident'),
      violations: count('violation'),
      lateArrivals: count('late_arrival'),
      absences: count('absence'),
      knowledgeTests: values('knowledge_test'),
      trainingsAttended: count('training_attended'),
      trainingsMissed: count('training_missed'),
    };
  });
}
