import { Injectable } from '@nestjs/common';
import {
  decodeCursor,
  EventSourcingRuntime,
  execute,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  keysetPage,
  limitOf,
  ProblemError,
  type CallContext,
} from '@serviceops/platform';
import {
  assessmentDecider,
  assessmentStreamId,
  type PeriodAssessed,
} from '../domain/assessment/assessment.decider';
import { assessPeriod, type AssessPeriod } from '../domain/assessment/assess-period';
import { AssessmentErrorCode } from '../domain/assessment/assessment.errors';
import { periodOf } from '../domain/assessment/assessment.period';
import {
  ASSESSMENT_POLICY_USE_CASES,
  assessmentPolicyDecider,
  assessmentPolicyStreamId,
  type AssessmentPolicyChanged,
  type AssessmentPolicyCommand,
} from '../domain/assessment/assessment-policy.decider';
import {
  DEFAULT_ASSESSMENT_POLICY,
  KPI_KINDS,
  policyFrom,
  validateAssessmentPolicy,
  type AssessmentPolicy,
  type GradesMessage,
  type OutcomesMessage,
  type WeightsMessage,
} from '../domain/assessment/assessment.policy';
import { assess, type AssessmentResult } from '../domain/assessment/assessment.scoring';
import { periodFacts } from '../infrastructure/assessment-facts.repository';
import { assessmentPage } from '../infrastructure/assessment-list.read-model';
import { TENANT_ZONES } from '../infrastructure/tenant-zones';

/** A result as the proto's AssessedStaff says it (a KPI without data is left out). */
function resultMessage(r: AssessmentResult) {
  return {
    staffId: r.staffId,
    ...(r.role !== null ? { role: r.role } : {}),
    ...(r.branchId !== null ? { branchId: r.branchId } : {}),
    kpis: Object.fromEntries(KPI_KINDS.flatMap((k) => (r.kpis[k] === null ? [] : [[k, r.kpis[k]]]))),
    score: r.score,
    rank: r.rank,
    groupSize: r.groupSize,
    grade: r.grade,
    outcomes: [...r.outcomes],
  };
}

/** A recorded result as the proto's Assessment says it: what AssessPeriod answered, GetAssessment reads back. */
function recordedMessage(d: PeriodAssessed['data']) {
  return {
    period: d.period,
    cycle: d.cycle,
    preview: false,
    resultVersion: d.resultVersion,
    policyVersion: d.policyVersion,
    assessedAt: d.assessedAt,
    weights: d.policy.weights,
    grades: d.policy.grades,
    outcomes: d.policy.outcomes,
    results: d.results.map(resultMessage),
  };
}

/** A recorded result as AssessPeriod answers it. */
export type RecordedAssessment = ReturnType<typeof recordedMessage>;

/** A period's recorded results (`PeriodAssessed`), oldest first: each re-scoring is the next. */
export async function recordedResults(
  store: EventSourcingRuntime['store'],
  tenantId: string,
  period: string,
): Promise<PeriodAssessed[]> {
  const { events } = await store.readStream(assessmentStreamId(tenantId, period));
  return events.filter((e) => e.type === 'PeriodAssessed') as unknown as PeriodAssessed[];
}

/**
 * Assessment cycles: the tenant's weights and grades (versioned, version 0 the defaults), a preview of a period
 * under proposed weights (nothing written), and a period assessed as a new versioned result whose outcomes are
 * events.
 */
@Injectable()
export class AssessmentHandlers {
  constructor(private readonly runtime: EventSourcingRuntime) {}

  async policy(tenantId: string): Promise<{ version: number; policy: AssessmentPolicy }> {
    const { state } = await this.runtime.store.aggregate(
      assessmentPolicyStreamId(tenantId),
      (s, e) => assessmentPolicyDecider.evolve(s, e as unknown as AssessmentPolicyChanged),
      assessmentPolicyDecider.initialState,
    );
    return { version: state.version, policy: state.policy ?? DEFAULT_ASSESSMENT_POLICY };
  }

  @Handles('staff.GetAssessmentPolicy')
  async getPolicy(_request: object, call: CallContext) {
    const { version, policy } = await this.policy(call.tenantId);
    return { version, ...policy };
  }

  /** A change of the tenant's assessment policy: the next version; answers the policy now in force. */
  async actOnPolicy(call: CallContext, command: AssessmentPolicyCommand, expectedVersion?: number) {
    await this.runtime.timed(command.type, () =>
      execute(
        this.runtime.store,
        assessmentPolicyDecider,
        assessmentPolicyStreamId(call.tenantId),
        command,
        { now: new Date() },
        call,
        expectedVersion !== undefined ? { expectedVersion } : {},
      ),
    );
    return this.getPolicy({}, call);
  }

  /** What a period's ranking would be under the given (or the current) policy: computed, never written. */
  @Handles('staff.PreviewAssessment')
  async preview(
    request: {
      period?: string;
      weights?: WeightsMessage;
      grades?: GradesMessage;
      outcomes?: OutcomesMessage;
      role?: string;
      branchId?: string;
    },
    call: CallContext,
  ) {
    const period = periodOf(
      request.period ?? '',
      await TENANT_ZONES.zoneOf(this.runtime.store.pool, call.tenantId),
    );
    const current = await this.policy(call.tenantId);
    const proposed =
      request.weights !== undefined || request.grades !== undefined || request.outcomes !== undefined;
    const policy = proposed
      ? validateAssessmentPolicy(
          policyFrom(
            request.weights ?? current.policy.weights,
            request.grades ?? current.policy.grades,
            request.outcomes ?? current.policy.outcomes,
          ),
        )
      : current.policy;
    const facts = await periodFacts(this.runtime.store.pool, call.tenantId, period, {
      ...(request.role ? { role: request.role } : {}),
      ...(request.branchId ? { branchId: request.branchId } : {}),
    });
    return {
      period: period.id,
      cycle: period.cycle,
      preview: true,
      ...(proposed ? {} : { policyVersion: current.version }),
      weights: policy.weights,
      grades: policy.grades,
      outcomes: policy.outcomes,
      results: assess(facts, policy).map(resultMessage),
    };
  }

  /** Assesses a period under the policy in force: a new result version each time (a re-scoring). */
  @HandlesUseCase(assessPeriod)
  async assessPeriod(command: AssessPeriod, _request: object, call: CallContext) {
    const timeZone = await TENANT_ZONES.zoneOf(this.runtime.store.pool, call.tenantId);
    const period = periodOf(command.data.period, timeZone);
    const [policy, facts] = await Promise.all([
      this.policy(call.tenantId),
      periodFacts(this.runtime.store.pool, call.tenantId, period),
    ]);
    const done = await this.runtime.timed('AssessPeriod', () =>
      execute(
        this.runtime.store,
        assessmentDecider,
        assessmentStreamId(call.tenantId, period.id),
        command,
        { now: new Date(), timeZone, policy, facts },
        call,
        { policyVersion: policy.version },
      ),
    );
    const assessed = done.events.find((e): e is PeriodAssessed => e.type === 'PeriodAssessed');
    if (!assessed) throw new Error('AssessPeriod recorded no result');
    return recordedMessage(assessed.data);
  }

  /** A period's recorded result: the latest, or the `version` asked for (each re-scoring is the next). */
  @Handles('staff.GetAssessment')
  async getAssessment(request: { period?: string; version?: number }, call: CallContext) {
    // The period's form only: a result is found by its id, whatever the tenant's zone.
    const period = periodOf(request.period ?? '', 'UTC').id;
    const results = await recordedResults(this.runtime.store, call.tenantId, period);
    const found =
      request.version === undefined
        ? results.at(-1)
        : results.find((e) => e.data.resultVersion === request.version);
    if (!found)
      throw new ProblemError(
        AssessmentErrorCode.NOT_FOUND,
        request.version === undefined
          ? `${period} has not been assessed`
          : `${period} has no result version ${request.version}`,
      );
    return recordedMessage(found.data);
  }

  /**
   * Every recorded result, newest first (by when recorded), a page at a time; `period` for one period's. Read
   * from the assessment list (projection of `PeriodAssessed`): a result just recorded shows once projected.
   */
  @Handles('staff.ListAssessments')
  async listAssessments(request: { limit?: number; cursor?: string; period?: string }, call: CallContext) {
    const limit = limitOf(request.limit);
    const after = request.cursor ? decodeCursor(request.cursor) : undefined;
    const period = request.period ? periodOf(request.period, 'UTC').id : undefined;
    const rows = await assessmentPage(
      this.runtime.store.pool,
      call.tenantId,
      period ? { period } : {},
      after ? { limit, after } : { limit },
    );
    const { page, nextCursor } = keysetPage(rows, limit, (r) => ({ at: r.recorded_at, id: r.event_id }));
    return { items: page.map((r) => recordedMessage(r.data)), ...(nextCursor ? { nextCursor } : {}) };
  }
}

// Every use case with `handles` (ChangeAssessmentPolicy): request → command → `actOnPolicy` on the tenant's policy.
handlesUseCases(AssessmentHandlers, ASSESSMENT_POLICY_USE_CASES, function (command, request, call) {
  return this.actOnPolicy(call, command as AssessmentPolicyCommand, request.expectedVersion);
});
