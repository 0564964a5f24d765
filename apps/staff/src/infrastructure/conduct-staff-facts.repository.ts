import type { Pool } from 'pg';
import type { StaffFacts } from '../domain/discipline/discipline.commands';

/** Reads what the conduct register knows of a person (their pay and line); unknown: both null. */
export async function staffFactsOf(pool: Pool, tenantId: string, staffId: string): Promise<StaffFacts> {
  const { rows } = await pool.query<{
    business_line: string | null;
    daily_pay_amount: number | null;
    daily_pay_currency: string | null;
  }>(
    `SELECT business_line, daily_pay_amount, daily_pay_currency FROM staff.conduct_staff_facts
      WHERE tenant_id = $1 AND staff_id = $2`,
    [tenantId, staffId],
  );
  const row = rows[0];
  return {
    known: row !== undefined,
    businessLine: row?.business_line ?? null,
    dailyPay:
      row && row.daily_pay_amount !== null && row.daily_pay_currency !== null
        ? { amount: row.daily_pay_amount, currency: row.daily_pay_currency }
        : null,
  };
}
