import { Injectable } from '@nestjs/common';
import { migrate, type Migration } from '@serviceops/eventstore';
import { execute, type DueTimer } from '@serviceops/platform';
import type { Pool, PoolClient } from 'pg';
import { lastDayCome, staffLeavesAt } from '../domain/member/member.rules';
import { memberDecider, memberStreamId } from '../domain/member/member.decider';
import { MEMBER_SEALED_PATHS, type MemberEvent } from '../domain/member/member.events';
import { separationDecider, separationStreamId } from '../domain/separation/separation.decider';
import type { SeparationEvent } from '../domain/separation/separation.events';
import type { SeparationState } from '../domain/separation/separation.state';
import { People, systemCall } from './people';

/** A separated staff member's last day: armed at the resignation or dismissal, records `StaffMemberLeft`. */
export const STAFF_LEFT_TIMER = 'staff-left';

/** The leave timer of one staff member: one id per person (a separation cannot be withdrawn or repeated). */
export function staffLeftTimerId(staffId: string): string {
  return `${STAFF_LEFT_TIMER}:${staffId}`;
}

/**
 * Arms the leave timer in the transaction that records the resignation or dismissal, due at the start of the
 * last day in the tenant's zone (`staffLeavesAt`): the timer exists if and only if the separation was committed.
 */
export async function armStaffLeaving(
  people: People,
  tx: PoolClient,
  at: { tenantId: string; staffId: string; lastDay: string; timeZone: string },
): Promise<void> {
  await people.timers.schedule(tx, {
    id: staffLeftTimerId(at.staffId),
    tenantId: at.tenantId,
    kind: STAFF_LEFT_TIMER,
    dueAt: staffLeavesAt(at.lastDay, at.timeZone),
    payload: { staffId: at.staffId, lastDay: at.lastDay },
  });
}

/**
 * Separations recorded before the leave timer existed have none: this arms one for each, once (a migration of the
 * staff schema, after the timers table; replicas starting together take turns). Due as `staffLeavesAt` says (the
 * UTC midnight starting the last day): a leaver whose last day is past leaves at the next poll, so their login
 * closes. `ON CONFLICT DO NOTHING`: a timer armed by the handler already, pending or fired, is left as it is.
 */
export const LEAVE_TIMERS_BACKFILL: Migration = {
  id: 3001,
  name: 'staff: leave timers of separations recorded before them',
  sql: `
    INSERT INTO timers (timer_id, tenant_id, kind, due_at, payload)
    SELECT '${STAFF_LEFT_TIMER}:' || (data->>'staffId'),
           substring(stream_id FROM ${'staff-separation-'.length + 1} FOR 36)::uuid,
           '${STAFF_LEFT_TIMER}',
           (data->>'lastDay')::date::timestamp AT TIME ZONE 'UTC',
           jsonb_build_object('staffId', data->>'staffId', 'lastDay', data->>'lastDay')
      FROM events
     WHERE type IN ('ResignationSubmitted', 'StaffMemberDismissed') AND stream_id LIKE 'staff-separation-%'
    ON CONFLICT (timer_id) DO NOTHING;
  `,
};

/** Runs LEAVE_TIMERS_BACKFILL once in the staff schema (after `DurableTimers.migrate`). */
export async function backfillLeaveTimers(pool: Pool, schema: string): Promise<void> {
  await migrate(pool, schema, [LEAVE_TIMERS_BACKFILL]);
}

/**
 * The leave timer's run: `StaffMemberLeft` on the staff member's file (published; tenancy closes their login).
 * Idempotent by the decider: run again after a crash before the timer's mark, it finds them left and writes
 * nothing, so the event is written once.
 */
@Injectable()
export class MemberLeavingHandlers {
  constructor(private readonly people: People) {}

  async lastDayCame(timer: DueTimer): Promise<void> {
    const { staffId } = timer.payload;
    if (typeof staffId !== 'string') throw new Error(`timer ${timer.id} names no staff member`);
    const { runtime } = this.people;
    const tenantId = timer.tenantId;
    // Only its kind, status and last day matter here: read without the key (the reasons stay sealed).
    const { state: separation } = await runtime.store.aggregate<SeparationState>(
      separationStreamId(tenantId, staffId),
      (s, e) => separationDecider.evolve(s, e as unknown as SeparationEvent),
      separationDecider.initialState,
    );
    const timeZone = await this.people.timeZoneOf(tenantId);
    // A timer armed at the UTC midnight (before the tenant's zone counted, and the backfill above) may come before
    // the tenant's last day starts, west of UTC: failing it runs it again later, instead of marking it fired.
    const lastDay = separation.status === 'none' ? undefined : separation.lastDay;
    if (lastDay !== undefined && !lastDayCome(lastDay, new Date(), timeZone))
      throw new Error(`staff member ${staffId}'s last day ${lastDay} has not started in ${timeZone} yet`);
    const codec = await this.people.forRead<MemberEvent>(staffId, MEMBER_SEALED_PATHS);
    await runtime.timed('RecordStaffMemberLeft', () =>
      execute(
        runtime.store,
        memberDecider,
        memberStreamId(tenantId, staffId),
        { type: 'RecordStaffMemberLeft', data: { staffId } },
        { now: new Date(), timeZone, separation },
        systemCall(tenantId, STAFF_LEFT_TIMER, timer.id),
        { codec },
      ),
    );
  }
}
