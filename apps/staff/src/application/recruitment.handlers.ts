import { Injectable } from '@nestjs/common';
import { PERSONAL_DATA_SEALED, PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import {
  execute,
  executeTogether,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  isSealed,
  optional,
  ProblemError,
  uuidField,
  type CallContext,
  type DueTimer,
  asOfDate,
  historyOf,
  type HistoryEntry,
} from '@serviceops/platform';
import {
  CANDIDATE_USE_CASES,
  candidateDecider,
  candidateStreamId,
  type CandidateCommand,
  type CandidateEvent,
} from '../domain/recruitment/candidate.decider';
import {
  nextStep,
  REJECTED_CANDIDATE_RETENTION_DAYS,
  retentionEndsAt,
} from '../domain/recruitment/candidate.rules';
import type { CandidateState } from '../domain/recruitment/candidate.state';
import { payTermsOf } from '../domain/member/member.rules';
import { memberDecider, memberStreamId } from '../domain/member/member.decider';
import { MEMBER_SEALED_PATHS, type MemberEvent } from '../domain/member/member.events';
import type { MemberState } from '../domain/member/member.state';
import { postingDecider, postingStreamId } from '../domain/recruitment/posting.decider';
import type { PostingState } from '../domain/recruitment/posting.state';
import { memberViewOf, type StaffMemberView } from './member.handlers';
import { People, personal, seesStaffPersonalData, systemCall } from './people';
import { applyForPosting, type ApplyForPosting } from '../domain/recruitment/apply-for-posting';
import { eraseCandidate, type EraseCandidate } from '../domain/recruitment/erase-candidate';
import { hireCandidate, type HireCandidate } from '../domain/recruitment/hire-candidate';
import { openPosting, type OpenPosting } from '../domain/recruitment/open-posting';
import { CandidateErrorCode } from '../domain/recruitment/candidate.errors';
import { PostingErrorCode } from '../domain/recruitment/posting.errors';

export const CANDIDATE_RETENTION_TIMER = 'candidate-retention';

/** Where a candidate's personal data sits: sealed with the candidate's own key (education too). */
export const CANDIDATE_SEALED_PATHS = {
  ...PERSONAL_DATA_SEALED.staffCandidate,
  ...sealedPathsOf(['RecruitmentStepRecorded'], PERSONAL_TEXT.staffCandidate),
} as const;

export interface PostingView {
  readonly id: string;
  readonly version: number;
  readonly status: string;
  readonly role: string;
  readonly branchId: string;
  readonly businessLine: string;
  readonly title: string;
  readonly criteria: { minDrivingYears?: number; minEducation?: string; cleanRecord?: boolean };
  readonly openedAt: string;
}

function postingViewOf(state: PostingState, version: number): PostingView {
  if (state.status === 'absent')
    throw new ProblemError(PostingErrorCode.POSTING_NOT_FOUND, 'no such posting');
  const { postingId, status, ...rest } = state;
  return { id: postingId, version, status, ...rest };
}

export interface CandidateView {
  readonly id: string;
  readonly version: number;
  readonly status: string;
  readonly postingId: string;
  readonly role: string;
  readonly branchId: string;
  readonly businessLine: string;
  /** The step due next ('hire' once the exam is passed); absent once rejected or hired. */
  readonly nextStep?: string;
  readonly steps: readonly object[];
  readonly name?: string;
  readonly phone?: string;
  readonly idNumber?: string;
  readonly masked: boolean;
  readonly drivingYears?: number;
  readonly education?: string;
  readonly cleanRecord?: boolean;
  readonly appliedAt: string;
  readonly updatedAt: string;
  readonly staffId?: string;
}

export function candidateViewOf(state: CandidateState, version: number, clear: boolean): CandidateView {
  if (state.status === 'absent')
    throw new ProblemError(CandidateErrorCode.CANDIDATE_NOT_FOUND, 'no such candidate');
  return {
    id: state.candidateId,
    version,
    status: state.status,
    postingId: state.postingId,
    role: state.role,
    branchId: state.branchId,
    businessLine: state.businessLine,
    ...(state.status === 'in_progress' ? { nextStep: nextStep(state) } : {}),
    // A reason left sealed (the candidate erased) is not shown.
    steps: state.steps.map(({ candidateId: _c, reason, ...step }) => ({
      ...step,
      ...optional('reason', reason !== undefined && isSealed(reason) ? undefined : reason),
    })),
    ...personal(clear, state),
    masked: !clear,
    ...optional('drivingYears', state.drivingYears),
    // Sealed with their name: shown as they are, never when masked or left sealed (the candidate erased).
    ...optional('education', clear && !isSealed(state.education) ? state.education : undefined),
    ...optional('cleanRecord', state.cleanRecord),
    appliedAt: state.appliedAt,
    updatedAt: state.updatedAt,
    ...optional('staffId', state.staffId),
  };
}

/**
 * Postings and candidates: apply, each step in order, hire (which creates the staff member). A use case that is
 * the whole of its declared method (`handles`, under domain/recruitment/) is served by `act`; the methods here do
 * more (a new key, two streams, a key destroyed).
 */
@Injectable()
export class RecruitmentHandlers {
  constructor(private readonly people: People) {}

  /** A new posting (a new stream); the branch id is the body's, which no route checks. */
  @HandlesUseCase(openPosting)
  async openPosting(command: OpenPosting, _request: object, call: CallContext): Promise<PostingView> {
    const { runtime } = this.people;
    const { postingId, branchId } = command.data;
    uuidField(branchId, 'branchId');
    const done = await runtime.timed('OpenPosting', () =>
      execute(
        runtime.store,
        postingDecider,
        postingStreamId(call.tenantId, postingId),
        command,
        { now: new Date() },
        call,
        { newStream: true },
      ),
    );
    return postingViewOf(done.state, done.version);
  }

  @Handles('staff.GetPosting')
  async getPosting({ id }: { id: string }, call: CallContext): Promise<PostingView> {
    const { state, version } = await this.people.runtime.store.aggregate<PostingState>(
      postingStreamId(call.tenantId, id),
      (s, e) => postingDecider.evolve(s, e as never),
      postingDecider.initialState,
    );
    return postingViewOf(state, version);
  }

  /** A new candidate: the posting (the body's id, checked here) read first, the candidate's data key made. */
  @HandlesUseCase(applyForPosting)
  async applyForPosting(
    command: ApplyForPosting,
    _request: object,
    call: CallContext,
  ): Promise<CandidateView> {
    const { runtime } = this.people;
    const { candidateId, postingId } = command.data;
    uuidField(postingId, 'postingId');
    const { state: posting } = await runtime.store.aggregate<PostingState>(
      postingStreamId(call.tenantId, postingId),
      (s, e) => postingDecider.evolve(s, e as never),
      postingDecider.initialState,
    );
    const context = { now: new Date(), posting };
    // Decided once before the data key is made, so bad input leaves no key behind.
    candidateDecider.decide(command, candidateDecider.initialState(), context);
    const codec = await this.people.forWrite<CandidateEvent>(candidateId, CANDIDATE_SEALED_PATHS);
    const done = await runtime.timed('ApplyForPosting', () =>
      execute(
        runtime.store,
        candidateDecider,
        candidateStreamId(call.tenantId, candidateId),
        command,
        context,
        call,
        {
          codec,
          newStream: true,
        },
      ),
    );
    return candidateViewOf(done.state, done.version, seesStaffPersonalData(call.roles));
  }

  /**
   * One command on a candidate's stream: load → decide → append with the expected version; a rejection it records
   * starts the retention of the candidate's data (its timer armed in the same transaction), erased when it is over.
   * Every use case with `handles` (recording a step) is bound to it at the end of this file.
   */
  async act(
    call: CallContext,
    expectedVersion: number | undefined,
    command: CandidateCommand,
  ): Promise<CandidateView> {
    const { runtime } = this.people;
    const { candidateId } = command.data;
    const codec = await this.people.forRead<CandidateEvent>(candidateId, CANDIDATE_SEALED_PATHS);
    const done = await runtime.timed(command.type, () =>
      execute(
        runtime.store,
        candidateDecider,
        candidateStreamId(call.tenantId, candidateId),
        command,
        { now: new Date() },
        call,
        {
          codec,
          ...optional('expectedVersion', expectedVersion),
          inline: async (tx, _state, _version, events) => {
            for (const event of events as CandidateEvent[])
              if (event.type === 'RecruitmentStepRecorded' && !event.data.passed)
                await this.people.timers.schedule(tx, {
                  id: `${CANDIDATE_RETENTION_TIMER}:${candidateId}`,
                  tenantId: call.tenantId,
                  kind: CANDIDATE_RETENTION_TIMER,
                  dueAt: retentionEndsAt(event.data.recordedAt),
                  payload: { candidateId },
                });
          },
        },
      ),
    );
    return candidateViewOf(done.state, done.version, seesStaffPersonalData(call.roles));
  }

  /**
   * Hiring writes the candidate's CandidateHired and the new staff member's StaffMemberHired (and, when asked,
   * StaffLoginRequested for tenancy) in one transaction: each decided by its own decider.
   */
  @HandlesUseCase(hireCandidate)
  async hireCandidate(
    hire: HireCandidate,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<StaffMemberView> {
    const { runtime } = this.people;
    const { candidateId, staffId, payTerms, loginUsername } = hire.data;
    const now = new Date();
    const timeZone = await this.people.timeZoneOf(call.tenantId);
    const candidateCodec = await this.people.forRead<CandidateEvent>(candidateId, CANDIDATE_SEALED_PATHS);
    // Decided once before the staff member's data key is made, so a refused hire leaves no key behind.
    const { state: current } = await runtime.store.aggregate<CandidateState>(
      candidateStreamId(call.tenantId, candidateId),
      (st, e) => candidateDecider.evolve(st, candidateCodec.decode(e)),
      candidateDecider.initialState,
    );
    candidateDecider.decide(hire, current, { now });
    payTermsOf(payTerms);
    const memberCodec = await this.people.forWrite<MemberEvent>(staffId, MEMBER_SEALED_PATHS);
    type S = CandidateState | MemberState;
    type E = CandidateEvent | MemberEvent;
    const parts = [
      {
        streamId: candidateStreamId(call.tenantId, candidateId),
        evolve: candidateDecider.evolve as (s: S, e: E) => S,
        initialState: candidateDecider.initialState as () => S,
        codec: candidateCodec as never,
        ...(request.expectedVersion !== undefined ? { expectedVersion: request.expectedVersion } : {}),
      },
      {
        streamId: memberStreamId(call.tenantId, staffId),
        evolve: memberDecider.evolve as (s: S, e: E) => S,
        initialState: memberDecider.initialState as () => S,
        codec: memberCodec as never,
      },
    ];
    const decide = ([candidate, member]: readonly S[]): (readonly E[])[] => {
      const c = (candidate ?? candidateDecider.initialState()) as CandidateState;
      const hired = candidateDecider.decide(hire, c, { now });
      if (c.status === 'absent') return [hired, []];
      return [
        hired,
        memberDecider.decide(
          {
            type: 'HireStaffMember',
            data: {
              staffId,
              candidateId,
              postingId: c.postingId,
              role: c.role,
              branchId: c.branchId,
              businessLine: c.businessLine,
              payTerms,
              name: c.name,
              phone: c.phone,
              ...optional('idNumber', c.idNumber),
              ...optional('loginUsername', loginUsername),
            },
          },
          (member ?? memberDecider.initialState()) as MemberState,
          { now, timeZone },
        ),
      ];
    };
    const done = await runtime.timed('HireCandidate', () =>
      executeTogether<S, E>(runtime.store, parts, decide, call),
    );
    return memberViewOf(
      done.states[1] as MemberState,
      done.versions[1] ?? 0,
      seesStaffPersonalData(call.roles),
    );
  }

  /**
   * The right to be forgotten: `CandidateErased` and, in the same transaction, the candidate's data key destroyed
   * (what was sealed with it cannot be opened again, anywhere). A hired candidate's staff file has its own key.
   */
  @HandlesUseCase(eraseCandidate)
  async eraseCandidate(
    command: EraseCandidate,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<CandidateView> {
    return this.erase(call, command, request.expectedVersion);
  }

  /** A rejected candidate's retention is over: erase them (nothing if erased already, or not rejected). */
  async retentionOver(timer: DueTimer): Promise<void> {
    const candidateId = timer.payload['candidateId'];
    if (typeof candidateId !== 'string') throw new Error(`timer ${timer.id} names no candidate`);
    await this.erase(systemCall(timer.tenantId, 'candidate-retention', timer.id), {
      type: 'EraseCandidate',
      data: { candidateId, retentionDays: REJECTED_CANDIDATE_RETENTION_DAYS },
    });
  }

  private async erase(
    call: CallContext,
    command: EraseCandidate,
    expectedVersion?: number,
  ): Promise<CandidateView> {
    const { runtime } = this.people;
    const { candidateId } = command.data;
    const codec = await this.people.forRead<CandidateEvent>(candidateId, CANDIDATE_SEALED_PATHS);
    const done = await runtime.timed('EraseCandidate', () =>
      execute(
        runtime.store,
        candidateDecider,
        candidateStreamId(call.tenantId, candidateId),
        command,
        { now: new Date() },
        call,
        {
          codec,
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          inline: (tx) => this.people.erase(tx, [candidateId]),
        },
      ),
    );
    return candidateViewOf(done.state, done.version, seesStaffPersonalData(call.roles));
  }

  @Handles('staff.GetCandidate')
  async getCandidate({ id, asOf }: { id: string; asOf?: string }, call: CallContext): Promise<CandidateView> {
    const { decoded, version } = await this.people.read<CandidateEvent>(
      candidateStreamId(call.tenantId, id),
      id,
      CANDIDATE_SEALED_PATHS,
      asOfDate(asOf),
    );
    const state = decoded.reduce(candidateDecider.evolve, candidateDecider.initialState());
    const view = candidateViewOf(state, version, seesStaffPersonalData(call.roles));
    await this.people.recordRead(call, [{ personId: id, view }], { kind: 'candidate', id });
    return view;
  }

  @Handles('staff.GetCandidateHistory')
  async candidateHistory(
    { id }: { id: string },
    call: CallContext,
  ): Promise<{ id: string; entries: HistoryEntry[] }> {
    const { events } = await this.people.runtime.store.readStream(candidateStreamId(call.tenantId, id));
    if (events.length === 0)
      throw new ProblemError(CandidateErrorCode.CANDIDATE_NOT_FOUND, 'no such candidate');
    return { id, entries: historyOf(events, 'candidateId') };
  }
}

// Every candidate use case with `handles` (RecordRecruitmentStep): request → command → `act`.
handlesUseCases(RecruitmentHandlers, CANDIDATE_USE_CASES, function (command, request, call) {
  return this.act(call, request.expectedVersion, command as CandidateCommand);
});
