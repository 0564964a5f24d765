import { Injectable } from '@nestjs/common';
import {
  execute,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  maskIdNumber,
  optional,
  ProblemError,
  type CallContext,
  type DueTimer,
  asOfDate,
  historyOf,
  type HistoryEntry,
} from '@serviceops/platform';
import { memberStreamId } from '../domain/member/member.decider';
import type { MemberEvent } from '../domain/member/member.events';
import type { MemberState } from '../domain/member/member.state';
import {
  QUALIFICATION_USE_CASES,
  qualificationDecider,
  qualificationsStreamId,
  type QualificationCommand,
  type QualificationEvent,
} from '../domain/qualification/qualification.decider';
import { recordQualification, type RecordQualification } from '../domain/qualification/record-qualification';
import { QUALIFICATION_SEALED_PATHS } from '../domain/qualification/qualification.events';
import { eligibilityAt, type StaffEligibilityChanged } from '../domain/qualification/qualification.rules';
import type { IneligibleBecause, QualificationsState } from '../domain/qualification/qualification.state';
import { MemberHandlers } from './member.handlers';
import { People, seesStaffPersonalData, systemCall } from './people';
import { MemberErrorCode } from '../domain/member/member.errors';

export const QUALIFICATION_TIMERS = {
  remind: 'qualification-expiry-reminder',
  expire: 'qualification-expiry',
  reverify: 'qualification-reverification',
} as const;
const COMMAND_OF_TIMER = {
  [QUALIFICATION_TIMERS.remind]: 'RemindQualificationExpiry',
  [QUALIFICATION_TIMERS.expire]: 'ExpireQualification',
  [QUALIFICATION_TIMERS.reverify]: 'MarkReverificationOverdue',
} as const;

export const timerIdOf = (kind: string, qualificationId: string): string => `${kind}:${qualificationId}`;

export interface QualificationsView {
  readonly staffId: string;
  readonly version: number;
  readonly eligible: boolean;
  readonly reasons: readonly IneligibleBecause[];
  readonly since?: string;
  readonly masked: boolean;
  readonly qualifications: readonly object[];
}

function viewOf(
  staffId: string,
  state: QualificationsState,
  version: number,
  clear: boolean,
): QualificationsView {
  const eligibility = state.eligibility ?? {
    eligible: false,
    reasons: [{ reason: 'no_qualification' as const }],
  };
  return {
    staffId,
    version,
    eligible: eligibility.eligible,
    reasons: eligibility.reasons,
    ...optional('since', state.eligibility?.since),
    masked: !clear,
    qualifications: state.qualifications.map((q) => ({
      id: q.qualificationId,
      kind: q.kind,
      ...(q.number.startsWith('enc:') ? {} : { number: clear ? q.number : maskIdNumber(q.number) }),
      issuedOn: q.issuedOn,
      expiresAt: q.expiresAt,
      ...optional('reverifyBy', q.reverifyBy),
      remindAt: q.remindAt,
      reminded: q.reminded,
      status: q.expired
        ? 'expired'
        : q.suspended
          ? 'suspended'
          : q.reverificationOverdue
            ? 'reverification_overdue'
            : 'valid',
    })),
  };
}

/**
 * A staff member's qualifications: recorded, suspended, reinstated, re-verified by people; reminded, expired and
 * marked overdue by durable timers (armed in the append's transaction, so they exist iff the event does; the
 * decider gives nothing for a timer already acted on, so a timer run twice after a crash changes nothing). A use
 * case that is the whole of its declared method (`handles`, under domain/qualification/) is served by `act`.
 */
@Injectable()
export class QualificationHandlers {
  constructor(
    private readonly people: People,
    private readonly members: MemberHandlers,
  ) {}

  /** A new qualification: the staff member looked up first (on file, not erased). */
  @HandlesUseCase(recordQualification)
  async record(
    command: RecordQualification,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<QualificationsView> {
    const { state: member } = await this.members.state(call.tenantId, command.data.staffId);
    return this.act(call, command, request.expectedVersion, { member });
  }

  @Handles('staff.GetQualifications')
  async get({ id, asOf }: { id: string; asOf?: string }, call: CallContext): Promise<QualificationsView> {
    const { decoded, version } = await this.people.read<QualificationEvent>(
      qualificationsStreamId(call.tenantId, id),
      id,
      QUALIFICATION_SEALED_PATHS,
      asOfDate(asOf),
    );
    if (version === 0) await this.existing(call.tenantId, id);
    const state = decoded.reduce(qualificationDecider.evolve, qualificationDecider.initialState());
    const view = viewOf(id, state, version, seesStaffPersonalData(call.roles));
    const numbers = view.qualifications.some((q) => 'number' in q) ? ['qualifications.number'] : [];
    await this.people.recordRead(call, [{ personId: id, fields: numbers }], {
      kind: 'qualifications',
      id,
    });
    return view;
  }

  @Handles('staff.GetQualificationsHistory')
  async history({ id }: { id: string }, call: CallContext): Promise<{ id: string; entries: HistoryEntry[] }> {
    await this.existing(call.tenantId, id);
    const { events } = await this.people.runtime.store.readStream(qualificationsStreamId(call.tenantId, id));
    return { id, entries: historyOf(events, 'staffId') };
  }

  /** Whether the staff member was assignable at `at` (default now), from the eligibility changes recorded. */
  @Handles('staff.GetEligibility')
  async eligibility(
    { id, at }: { id: string; at?: string },
    call: CallContext,
  ): Promise<{
    staffId: string;
    at: string;
    eligible: boolean;
    reasons: readonly IneligibleBecause[];
    since?: string;
  }> {
    const when = asOfDate(at, 'at') ?? new Date();
    await this.existing(call.tenantId, id);
    const { events } = await this.people.runtime.store.readStream(qualificationsStreamId(call.tenantId, id));
    const changes = events
      .filter((e) => e.type === 'StaffEligibilityChanged')
      .map((e) => (e as unknown as StaffEligibilityChanged).data);
    const found = eligibilityAt(changes, when);
    return {
      staffId: id,
      at: when.toISOString(),
      eligible: found.eligible,
      reasons: found.reasons,
      ...optional('since', found.since),
    };
  }

  /** A due timer: the reminder, the expiry or the missed re-verification (nothing when already acted on). */
  async fire(timer: DueTimer): Promise<void> {
    const { staffId, qualificationId } = timer.payload;
    const type = COMMAND_OF_TIMER[timer.kind as keyof typeof COMMAND_OF_TIMER];
    if (typeof staffId !== 'string' || typeof qualificationId !== 'string' || !type)
      throw new Error(`timer ${timer.id} names no qualification`);
    await this.act(systemCall(timer.tenantId, timer.kind, timer.id), {
      type,
      data: { staffId, qualificationId },
    });
  }

  private async existing(tenantId: string, staffId: string): Promise<void> {
    const { events } = await this.people.runtime.store.readStream(memberStreamId(tenantId, staffId), {
      maxCount: 1,
    });
    if (events.length === 0 || (events[0] as unknown as MemberEvent).type !== 'StaffMemberHired')
      throw new ProblemError(MemberErrorCode.STAFF_MEMBER_NOT_FOUND, 'no such staff member');
  }

  /**
   * One command on the staff member's qualifications: load → decide → append with the tenant's policy and time zone,
   * arming the timers of what it records in the same transaction. Every use case with `handles` is bound to it at
   * the end of this file; recording (a member lookup first) and the timers call it too.
   */
  async act(
    call: CallContext,
    command: QualificationCommand,
    expectedVersion?: number,
    extra: { member?: MemberState } = {},
  ): Promise<QualificationsView> {
    const { runtime, timers } = this.people;
    const { staffId } = command.data;
    const policy = await this.people.policyOf(call.tenantId);
    const timeZone = await this.people.timeZoneOf(call.tenantId);
    // The staff member's key was made when they were hired: a qualification of nobody makes no key.
    const codec = await this.people.forRead<QualificationEvent>(staffId, QUALIFICATION_SEALED_PATHS);
    const done = await runtime.timed(command.type, () =>
      execute(
        runtime.store,
        qualificationDecider,
        qualificationsStreamId(call.tenantId, staffId),
        command,
        {
          now: new Date(),
          timeZone,
          policy: { expiryReminderDays: policy.expiryReminderDays },
          ...extra,
        },
        call,
        {
          codec,
          policyVersion: policy.version,
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          inline: async (tx, _state, _version, events) => {
            for (const event of events as QualificationEvent[]) {
              const arm = async (kind: string, qualificationId: string, dueAt: string) =>
                timers.schedule(tx, {
                  id: timerIdOf(kind, qualificationId),
                  tenantId: call.tenantId,
                  kind,
                  dueAt: new Date(dueAt),
                  payload: { staffId, qualificationId },
                });
              if (event.type === 'QualificationRecorded') {
                const { qualificationId } = event.data;
                await arm(QUALIFICATION_TIMERS.remind, qualificationId, event.data.remindAt);
                await arm(QUALIFICATION_TIMERS.expire, qualificationId, event.data.expiresAt);
                if (event.data.reverifyBy)
                  await arm(QUALIFICATION_TIMERS.reverify, qualificationId, event.data.reverifyBy);
              }
              if (event.type === 'QualificationReverified' && event.data.reverifyBy)
                await arm(QUALIFICATION_TIMERS.reverify, event.data.qualificationId, event.data.reverifyBy);
            }
          },
        },
      ),
    );
    return viewOf(staffId, done.state, done.version, seesStaffPersonalData(call.roles));
  }
}

// Every use case with `handles` (suspend, reinstate, re-verify; recording is bound to `record`): → `act`.
handlesUseCases(QualificationHandlers, QUALIFICATION_USE_CASES, function (command, request, call) {
  return this.act(call, command as QualificationCommand, request.expectedVersion);
});
