import type { PostgresEventStore } from '@serviceops/eventstore';
import type { StaffFacts } from '../domain/discipline/discipline.state';
import { memberStreamId } from '../domain/member/member.decider';
import { factsOfMemberEvents } from '../domain/member/member.facts';

/**
 * Reads what the conduct register knows of a person (their pay and line); unknown: both null. The read model
 * answers, or for a hire it has not applied yet, the staff member's own stream: a shift, a leave or a violation
 * recorded right after the hire is never refused as for an unknown person.
 */
export async function staffFactsOf(
  store: PostgresEventStore,
  tenantId: string,
  staffId: string,
): Promise<StaffFacts> {
  const { rows } = await store.pool.query<{
    business_line: string | null;
    daily_pay_amount: number | null;
    daily_pay_currency: string | null;
  }>(
    `SELECT business_line, daily_pay_amount, daily_pay_currency FROM staff.conduct_staff_facts
      WHERE tenant_id = $1 AND staff_id = $2`,
    [tenantId, staffId],
  );
  const row = rows[0];
  if (row === undefined)
    return factsOfMemberEvents((await store.readStream(memberStreamId(tenantId, staffId))).events);
  return {
    known: true,
    businessLine: row.business_line,
    dailyPay:
      row.daily_pay_amount !== null && row.daily_pay_currency !== null
        ? { amount: row.daily_pay_amount, currency: row.daily_pay_currency }
        : null,
  };
}
