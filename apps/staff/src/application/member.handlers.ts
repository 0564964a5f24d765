import { Injectable } from '@nestjs/common';
import {
  asOfDate,
  execute,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  optional,
  ProblemError,
  type CallContext,
  historyOf,
  isSealed,
  type HistoryEntry,
} from '@serviceops/platform';
import { periodOf } from '../domain/assessment/assessment.period';
import { changeStaffRole, type ChangeStaffRole } from '../domain/member/change-staff-role';
import {
  MEMBER_USE_CASES,
  memberDecider,
  memberStreamId,
  type MemberCommand,
} from '../domain/member/member.decider';
import { MEMBER_SEALED_PATHS, type MemberEvent, type PayTerms } from '../domain/member/member.events';
import type { AssessedOutcomes, MemberContext, MemberState } from '../domain/member/member.state';
import { recordedResults } from './assessments';
import { People, personal, seesStaffPersonalData } from './people';
import { MemberErrorCode } from '../domain/member/member.errors';

export interface StaffMemberView {
  readonly id: string;
  readonly version: number;
  readonly status: string;
  readonly candidateId: string;
  readonly postingId: string;
  readonly role: string;
  readonly branchId: string;
  readonly businessLine: string;
  readonly payTerms: PayTerms;
  readonly name?: string;
  readonly phone?: string;
  readonly idNumber?: string;
  readonly masked: boolean;
  readonly hiredAt: string;
  readonly updatedAt: string;
  readonly loginRequested?: string;
  /** Tenancy made no login for the hire's request: why, the user already linked, when it answered. */
  readonly loginNotCreated?: {
    readonly reason: string;
    readonly userId: string;
    readonly answeredAt: string;
  };
  /** When their personal data was erased (status `erased`; name, phone and ID number gone for good). */
  readonly erasedAt?: string;
  /** When their separation's last day came (StaffMemberLeft). */
  readonly leftAt?: string;
  /** The request kinds a people manager recorded them skilled for, by whom and when (StaffSkillsSet). */
  readonly skills?: { readonly kinds: readonly string[]; readonly setBy: string; readonly setAt: string };
}

export function memberViewOf(state: MemberState, version: number, clear: boolean): StaffMemberView {
  if (state.status === 'absent')
    throw new ProblemError(MemberErrorCode.STAFF_MEMBER_NOT_FOUND, 'no such staff member');
  return {
    id: state.staffId,
    version,
    status: state.status,
    candidateId: state.candidateId,
    postingId: state.postingId,
    role: state.role,
    branchId: state.branchId,
    businessLine: state.businessLine,
    payTerms: state.payTerms,
    ...personal(clear, state),
    masked: !clear,
    hiredAt: state.hiredAt,
    updatedAt: state.updatedAt,
    // The username is not sealed (tenancy needs it): once the key is gone (erased), it is not shown either.
    ...optional('loginRequested', isSealed(state.name) ? undefined : state.loginRequested),
    ...optional('loginNotCreated', state.loginNotCreated),
    ...optional('erasedAt', state.erasedAt),
    ...optional('leftAt', state.leftAt),
    ...optional(
      'skills',
      state.skills && { kinds: state.skills.kinds, setBy: state.skills.setBy, setAt: state.skills.setAt },
    ),
  };
}

/**
 * The staff member's file: pay terms, role and skills now; the file as it is or was, and its history. A use case
 * that is the whole of its declared method (`handles`, in its file under domain/member/) is served by `act`, bound
 * at the end of this file.
 */
@Injectable()
export class MemberHandlers {
  constructor(private readonly people: People) {}

  /** The staff member's state from its stream, opened with their key (`asOf`: as it was then). */
  async state(
    tenantId: string,
    staffId: string,
    asOf?: Date,
  ): Promise<{ state: MemberState; version: number }> {
    const { decoded, version } = await this.people.read<MemberEvent>(
      memberStreamId(tenantId, staffId),
      staffId,
      MEMBER_SEALED_PATHS,
      asOf,
    );
    return { state: decoded.reduce(memberDecider.evolve, memberDecider.initialState()), version };
  }

  /**
   * A change to one staff member's file: load → decide → append with the expected version, the tenant's time zone
   * in the context (`extra`: what a method looked up first). Every use case with `handles` is bound to it at the end
   * of this file; the method below (a role change) looks the assessment up first.
   */
  async act(
    call: CallContext,
    expectedVersion: number | undefined,
    command: MemberCommand,
    extra: Partial<MemberContext> = {},
  ): Promise<StaffMemberView> {
    const { runtime } = this.people;
    const { staffId } = command.data;
    const codec = await this.people.forRead<MemberEvent>(staffId, MEMBER_SEALED_PATHS);
    const timeZone = await this.people.timeZoneOf(call.tenantId);
    const done = await runtime.timed(command.type, () =>
      execute(
        runtime.store,
        memberDecider,
        memberStreamId(call.tenantId, staffId),
        command,
        { now: new Date(), timeZone, ...extra },
        call,
        { codec, ...optional('expectedVersion', expectedVersion) },
      ),
    );
    return memberViewOf(done.state, done.version, seesStaffPersonalData(call.roles));
  }

  /** Another role (published as StaffRoleChanged); citing an assessed period, its outcome is looked up first. */
  @HandlesUseCase(changeStaffRole)
  async changeRole(
    command: ChangeStaffRole,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<StaffMemberView> {
    const { staffId, assessmentPeriod } = command.data;
    // A period that is no month or year is refused here (INVALID_PERIOD), before anything is read.
    const assessed = assessmentPeriod
      ? await this.assessedOutcomes(call.tenantId, periodOf(assessmentPeriod, 'UTC').id, staffId)
      : undefined;
    return this.act(call, request.expectedVersion, command, optional('assessed', assessed));
  }

  /** The person's outcomes in the period's latest recorded result; undefined when not assessed in it. */
  private async assessedOutcomes(
    tenantId: string,
    period: string,
    staffId: string,
  ): Promise<AssessedOutcomes | undefined> {
    const latest = (await recordedResults(this.people.runtime.store, tenantId, period)).at(-1);
    const result = latest?.data.results.find((r) => r.staffId === staffId);
    return latest && result
      ? { period, resultVersion: latest.data.resultVersion, outcomes: result.outcomes }
      : undefined;
  }

  @Handles('staff.GetStaffMember')
  async get({ id, asOf }: { id: string; asOf?: string }, call: CallContext): Promise<StaffMemberView> {
    const { state, version } = await this.state(call.tenantId, id, asOfDate(asOf));
    const view = memberViewOf(state, version, seesStaffPersonalData(call.roles));
    await this.people.recordRead(call, [{ personId: id, view }], { kind: 'staff-member', id });
    return view;
  }

  @Handles('staff.GetStaffMemberHistory')
  async history({ id }: { id: string }, call: CallContext): Promise<{ id: string; entries: HistoryEntry[] }> {
    const { events } = await this.people.runtime.store.readStream(memberStreamId(call.tenantId, id));
    if (events.length === 0)
      throw new ProblemError(MemberErrorCode.STAFF_MEMBER_NOT_FOUND, 'no such staff member');
    return { id, entries: historyOf(events, 'staffId') };
  }
}

// Every use case with `handles` (ChangePayTerms, SetStaffSkills): request → command → `act`. ChangeStaffRole is
// bound to `changeRole` above, EraseStaffMember to MemberErasureHandlers (a written method wins: handlerTable).
handlesUseCases(MemberHandlers, MEMBER_USE_CASES, function (command, request, call) {
  return this.act(call, request.expectedVersion, command as MemberCommand);
});
