import { Injectable } from '@nestjs/common';
import {
  executeTogether,
  HandlesUseCase,
  optional,
  ProblemError,
  type CallContext,
  type DueTimer,
} from '@serviceops/platform';
import type { PoolClient } from 'pg';
import { eraseStaffMember, type EraseStaffMember } from '../domain/member/erase-staff-member';
import { staffRetentionEndsAt } from '../domain/member/member.rules';
import { memberDecider, memberStreamId } from '../domain/member/member.decider';
import { MEMBER_SEALED_PATHS, type MemberEvent } from '../domain/member/member.events';
import type { MemberState } from '../domain/member/member.state';
import { candidateDecider, candidateStreamId } from '../domain/recruitment/candidate.decider';
import type { CandidateEvent } from '../domain/recruitment/candidate.events';
import type { CandidateState } from '../domain/recruitment/candidate.state';
import { separationDecider, separationStreamId } from '../domain/separation/separation.decider';
import type { SeparationEvent } from '../domain/separation/separation.events';
import type { SeparationState } from '../domain/separation/separation.state';
import { MemberHandlers, memberViewOf, type StaffMemberView } from './member.handlers';
import { People, seesStaffPersonalData, systemCall } from './people';
import { CANDIDATE_SEALED_PATHS } from './recruitment.handlers';
import { MemberErrorCode } from '../domain/member/member.errors';

/** A leaver's retention: armed when their separation completes, erases their personal data when it is over. */
export const STAFF_RETENTION_TIMER = 'staff-retention';

/** The retention timer of one staff member: one id per person, so arming it again moves it (never two). */
export function staffRetentionTimerId(staffId: string): string {
  return `${STAFF_RETENTION_TIMER}:${staffId}`;
}

/**
 * One tenant's retention timers change under this lock (in the caller's transaction): arming one reads the policy
 * after taking it, and a policy change moves the pending ones after taking it, so neither misses the other.
 */
async function lockTenantRetention(tx: PoolClient, tenantId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [
    STAFF_RETENTION_TIMER,
    tenantId,
  ]);
}

function retentionPayload(
  staffId: string,
  lastDay: string,
  policy: { version: number; staffRetentionDays: number },
) {
  return { staffId, lastDay, retentionDays: policy.staffRetentionDays, policyVersion: policy.version };
}

/**
 * Arms a leaver's retention timer in the transaction that completes their separation (FinalSettlementRequested):
 * due the tenant's `staffRetentionDays` after the last day. The policy is read under the tenant's retention lock,
 * so a policy change committed meanwhile is not missed (it moves the timers pending when it commits).
 */
export async function armStaffRetention(
  people: People,
  tx: PoolClient,
  at: { tenantId: string; staffId: string; lastDay: string },
): Promise<void> {
  await lockTenantRetention(tx, at.tenantId);
  const policy = await people.policyOf(at.tenantId);
  const timeZone = await people.timeZoneOf(at.tenantId);
  await people.timers.schedule(tx, {
    id: staffRetentionTimerId(at.staffId),
    tenantId: at.tenantId,
    kind: STAFF_RETENTION_TIMER,
    dueAt: staffRetentionEndsAt(at.lastDay, policy.staffRetentionDays, timeZone),
    payload: retentionPayload(at.staffId, at.lastDay, policy),
  });
}

/**
 * The tenant changed its retention period: every pending retention timer (past separations whose data is not
 * erased yet) is moved to the new period after its last day, in the policy change's transaction, under the
 * tenant's retention lock. A shorter period may make some due at once: they are erased on the next poll. Returns
 * how many moved. The last day is the timer's (older timers without it: their separation's).
 */
export async function moveStaffRetention(
  people: People,
  tx: PoolClient,
  tenantId: string,
  policy: { version: number; staffRetentionDays: number },
): Promise<number> {
  await lockTenantRetention(tx, tenantId);
  const pending = await people.timers.pendingOf(tx, { kind: STAFF_RETENTION_TIMER, tenantId });
  const timeZone = await people.timeZoneOf(tenantId);
  let moved = 0;
  for (const timer of pending) {
    const { staffId, lastDay: kept, retentionDays } = timer.payload;
    if (typeof staffId !== 'string' || retentionDays === policy.staffRetentionDays) continue;
    const lastDay = typeof kept === 'string' ? kept : await lastDayOf(people, tenantId, staffId);
    if (lastDay === undefined) continue;
    if (
      await people.timers.move(tx, timer.id, {
        dueAt: staffRetentionEndsAt(lastDay, policy.staffRetentionDays, timeZone),
        payload: retentionPayload(staffId, lastDay, policy),
      })
    )
      moved += 1;
  }
  return moved;
}

async function lastDayOf(people: People, tenantId: string, staffId: string): Promise<string | undefined> {
  const { state } = await people.runtime.store.aggregate<SeparationState>(
    separationStreamId(tenantId, staffId),
    (s, e) => separationDecider.evolve(s, e as unknown as SeparationEvent),
    separationDecider.initialState,
  );
  return state.status === 'none' ? undefined : state.lastDay;
}

/**
 * Erasing a leaver's personal data for good: `StaffMemberErased` on their file and, in the same transaction, their
 * data key destroyed, so everything sealed with it (name, phone, ID number, qualification numbers, separation
 * reasons, conduct and leave free text) can never be opened again: not in answers, lists, `?asOf=` or backups.
 * The application they were hired from holds the same name and phone under the candidate's own key: it is erased
 * with it (`CandidateErased`, that key destroyed too).
 */
@Injectable()
export class MemberErasureHandlers {
  constructor(
    private readonly people: People,
    private readonly members: MemberHandlers,
  ) {}

  @HandlesUseCase(eraseStaffMember)
  eraseStaffMember(
    command: EraseStaffMember,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<StaffMemberView> {
    return this.erase(call, command, request.expectedVersion);
  }

  /** A leaver's retention is over: erase them (nothing when erased already: a timer run twice changes nothing). */
  async retentionOver(timer: DueTimer): Promise<void> {
    const { staffId, retentionDays } = timer.payload;
    if (typeof staffId !== 'string' || typeof retentionDays !== 'number')
      throw new Error(`timer ${timer.id} names no staff member or retention`);
    await this.erase(systemCall(timer.tenantId, STAFF_RETENTION_TIMER, timer.id), {
      type: 'EraseStaffMember',
      data: { staffId, retentionDays },
    });
  }

  private async erase(
    call: CallContext,
    command: EraseStaffMember,
    expectedVersion?: number,
  ): Promise<StaffMemberView> {
    const { runtime } = this.people;
    const { staffId, retentionDays } = command.data;
    const { state: found } = await this.members.state(call.tenantId, staffId);
    if (found.status === 'absent')
      throw new ProblemError(MemberErrorCode.STAFF_MEMBER_NOT_FOUND, 'no such staff member');
    const { candidateId } = found;
    // Only its status and last day matter here: read without the key (the reasons stay sealed).
    const { state: separation } = await runtime.store.aggregate<SeparationState>(
      separationStreamId(call.tenantId, staffId),
      (s, e) => separationDecider.evolve(s, e as unknown as SeparationEvent),
      separationDecider.initialState,
    );
    const [memberCodec, candidateCodec] = await Promise.all([
      this.people.forRead<MemberEvent>(staffId, MEMBER_SEALED_PATHS),
      this.people.forRead<CandidateEvent>(candidateId, CANDIDATE_SEALED_PATHS),
    ]);
    const now = new Date();
    const timeZone = await this.people.timeZoneOf(call.tenantId);
    // A timer armed at the UTC midnight (before the tenant's zone counted) may come before the retention is over in
    // the tenant's zone, west of UTC: failing it runs it again later, instead of marking it fired with nothing done.
    const lastDay = separation.status === 'none' ? undefined : separation.lastDay;
    if (
      retentionDays !== undefined &&
      found.status !== 'erased' &&
      lastDay !== undefined &&
      now < staffRetentionEndsAt(lastDay, retentionDays, timeZone)
    )
      throw new Error(`staff member ${staffId}'s retention after ${lastDay} is not over in ${timeZone} yet`);
    type S = MemberState | CandidateState;
    type E = MemberEvent | CandidateEvent;
    const parts = [
      {
        streamId: memberStreamId(call.tenantId, staffId),
        evolve: memberDecider.evolve as (s: S, e: E) => S,
        initialState: memberDecider.initialState as () => S,
        codec: memberCodec as never,
        ...optional('expectedVersion', expectedVersion),
      },
      {
        streamId: candidateStreamId(call.tenantId, candidateId),
        evolve: candidateDecider.evolve as (s: S, e: E) => S,
        initialState: candidateDecider.initialState as () => S,
        codec: candidateCodec as never,
      },
    ];
    const decide = ([member, candidate]: readonly S[]): (readonly E[])[] => {
      const erased = memberDecider.decide(command, member as MemberState, { now, timeZone, separation });
      const application = candidate as CandidateState;
      if (erased.length === 0 || application.status === 'absent') return [erased, []];
      return [
        erased,
        candidateDecider.decide({ type: 'EraseCandidate', data: { candidateId } }, application, { now }),
      ];
    };
    const done = await runtime.timed('EraseStaffMember', () =>
      executeTogether<S, E>(runtime.store, parts, decide, call, {
        inline: async (tx) => {
          await this.people.erase(tx, [staffId, candidateId]);
          // Erased at request before the retention was over: its timer has nothing left to do. (The timer's own
          // run may not cancel itself; it is marked fired when it returns.)
          if (retentionDays === undefined)
            await this.people.timers.cancel(tx, staffRetentionTimerId(staffId));
        },
      }),
    );
    return memberViewOf(
      done.states[0] as MemberState,
      done.versions[0] ?? 0,
      seesStaffPersonalData(call.roles),
    );
  }
}
