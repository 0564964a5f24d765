import { PostgresEventStore } from '@serviceops/eventstore';
import { defaultBusinessCalendar, newId } from '@serviceops/kernel';
import { EventSourcingRuntime, type CallContext } from '@serviceops/platform';
import { eventually } from '@serviceops/testing';
import { AssessmentHandlers } from '../src/application/assessments';
import { staffFactsOf } from '../src/infrastructure/conduct-staff-facts.repository';
import { staffOnOwnDatabase } from './staff-on-own-database';

// Assessment periods in the tenant's calendar (issue 13 item 5): the staff service keeps each tenant's zone from
// tenancy's calendar events (libs/platform tenant-zones, as the contracts service does), and a month is cut at
// the tenant's midnights. For a tenant at UTC+8, 23:30 UTC on 31 March is 07:30 on 1 April: April's.

const { app } = staffOnOwnDatabase('staffzones');
const runtime = () => app().get(EventSourcingRuntime);

async function append(schema: string, stream: string, tenantId: string, type: string, data: object) {
  const log = new PostgresEventStore({ pool: runtime().store.pool, schema });
  await log.migrate();
  await log.append(stream, [{ type, data }], { metadata: { tenantId } });
}

it('counts an inspection at 23:30 UTC on 31 March in April for a tenant at UTC+8, in March at UTC', async () => {
  const [shanghai, london] = [newId(), newId()];
  const calendar = (timeZone: string) => ({ calendar: { ...defaultBusinessCalendar, timeZone } });
  await append(
    'tenancy',
    `tenant-${shanghai}-calendar`,
    shanghai,
    'BusinessCalendarSet',
    calendar('Asia/Shanghai'),
  );
  await append('tenancy', `tenant-${london}-calendar`, london, 'BusinessCalendarSet', calendar('UTC'));
  await eventually('the tenants’ zones', async () => {
    const { rows } = await runtime().store.pool.query(
      `SELECT 1 FROM staff.tenant_zones WHERE tenant_id = ANY($1::uuid[])`,
      [[shanghai, london]],
    );
    return rows.length === 2 ? true : undefined;
  });

  const quality: Record<string, Record<string, unknown>> = {};
  for (const tenantId of [shanghai, london]) {
    const staffId = newId();
    await runtime().store.append(
      staffId,
      [
        {
          type: 'StaffMemberHired',
          data: {
            staffId,
            role: 'technician',
            branchId: newId(),
            businessLine: 'after_sales_repair',
            payTerms: { dailyPay: { amount: 20_000, currency: 'CNY' } },
          },
        },
      ],
      { expectedVersion: 'no_stream', metadata: { tenantId } },
    );
    // One inspection late on 31 March (UTC), scored 40; one earlier that day, scored 90.
    for (const [inspectedAt, score] of [
      ['2026-03-31T23:30:00.000Z', 40],
      ['2026-03-31T10:00:00.000Z', 90],
    ] as const)
      await append('complaints', `inspection-${newId()}`, tenantId, 'InspectionScored', {
        staffId,
        score,
        inspectedAt,
      });
    await eventually('the hire and both inspections', async () => {
      const { rows } = await runtime().store.pool.query(
        `SELECT 1 FROM staff.assessment_facts WHERE tenant_id = $1 AND staff_id = $2`,
        [tenantId, staffId],
      );
      return rows.length === 2 && (await staffFactsOf(runtime().store, tenantId, staffId)).known
        ? true
        : undefined;
    });
    const call: CallContext = { tenantId, actorId: newId(), roles: ['admin'], correlationId: newId() };
    const handlers = app().get(AssessmentHandlers);
    const kpi = async (period: string) =>
      (await handlers.preview({ period }, call)).results[0]?.kpis['serviceQuality'];
    quality[tenantId] = { march: await kpi('2026-03'), april: await kpi('2026-04') };
  }
  expect(quality[shanghai]).toEqual({ march: 90, april: 40 });
  expect(quality[london]).toEqual({ march: 65, april: undefined });
});
