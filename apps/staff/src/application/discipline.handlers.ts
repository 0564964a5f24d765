import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '@serviceops/kernel';
import {
  EventSourcingRuntime,
  execute,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  isSealed,
  optional,
  ProblemError,
  type CallContext,
} from '@serviceops/platform';
import {
  DISCIPLINE_USE_CASES,
  disciplineDecider,
  disciplineStreamId,
  type DisciplineCommand,
} from '../domain/discipline/discipline.decider';
import { grantReward, type GrantReward } from '../domain/discipline/grant-reward';
import { recordViolation, type RecordViolation } from '../domain/discipline/record-violation';
import { DisciplineErrorCode } from '../domain/discipline/discipline.errors';
import { DISCIPLINE_SEALED_PATHS, type DisciplineEvent } from '../domain/discipline/discipline.events';
import { staffFactsOf } from '../infrastructure/conduct-staff-facts.repository';
import { violationPage } from '../infrastructure/conduct-violations.repository';
import { ConductRulesPolicy } from './conduct-rules';
import { People } from './people';

const notFound = () =>
  new ProblemError(DisciplineErrorCode.REGISTER_NOT_FOUND, 'no conduct register for this staff member');

/** A sealed value left sealed (the person's key is gone: erased) is not shown: an empty text. */
const opened = (value: string): string => (isSealed(value) ? '' : value);

/**
 * The register folded from its events (decoded with the person's key), as the proto's DisciplineRecord says it.
 * Evidence and reasons the key no longer opens (an erased person) answer empty; fines and money stay.
 */
export function disciplineRecordOf(staffId: string, events: readonly RecordedEvent[]) {
  if (events.length === 0) throw notFound();
  const violations = new Map<string, Record<string, unknown>>();
  const rewards: Record<string, unknown>[] = [];
  for (const recorded of events) {
    const e = recorded as unknown as DisciplineEvent;
    switch (e.type) {
      case 'ViolationRecorded': {
        const { staffId: _, loss, trainingSessionId, evidence, ...rest } = e.data;
        violations.set(rest.violationId, {
          ...rest,
          evidence: opened(evidence),
          ...(loss ? { loss } : {}),
          ...(trainingSessionId ? { trainingSessionId } : {}),
        });
        break;
      }
      case 'AppealDecided': {
        const v = violations.get(e.data.violationId);
        const { outcome, reason, decidedAt, decidedBy } = e.data;
        if (v) v['appeal'] = { outcome, reason: opened(reason), decidedAt, decidedBy };
        break;
      }
      case 'RewardGranted': {
        const { staffId: _, reason, ...reward } = e.data;
        rewards.push({ ...reward, reason: opened(reason) });
        break;
      }
    }
  }
  return {
    staffId,
    version: events.at(-1)?.streamVersion ?? 0,
    violations: [...violations.values()],
    rewards,
  };
}

/** A conduct register as its commands answer it. */
export type DisciplineRecord = ReturnType<typeof disciplineRecordOf>;

/**
 * A person's conduct register (one stream per person): record a violation, decide its appeal, grant a reward.
 * Load → decide → append at the version decided on; a concurrent append makes `execute` decide again, so two
 * violations recorded at once rank in order. A use case that is the whole of its declared method (`handles`, in
 * its file under domain/discipline/: deciding an appeal) is served by `run`, bound at the end of this file; the
 * methods here are those that do more (a new id, the rules in force and the staff facts read first).
 */
@Injectable()
export class DisciplineHandlers {
  constructor(
    private readonly runtime: EventSourcingRuntime,
    private readonly rules: ConductRulesPolicy,
    private readonly people: People,
  ) {}

  @HandlesUseCase(recordViolation)
  recordViolation(command: RecordViolation, _request: object, call: CallContext) {
    return this.record(call, command.data);
  }

  /** Records a violation (also the missed-training timer's, with a violation id of its own making). */
  async record(call: CallContext, data: Extract<DisciplineCommand, { type: 'RecordViolation' }>['data']) {
    const [rules, staff] = await Promise.all([
      this.rules.current(call.tenantId),
      staffFactsOf(this.runtime.store, call.tenantId, data.staffId),
    ]);
    return this.run(call, data.staffId, { type: 'RecordViolation', data }, undefined, {
      rules,
      staff,
      policyVersion: rules.version,
    });
  }

  @HandlesUseCase(grantReward)
  async grantReward(command: GrantReward, _request: object, call: CallContext) {
    const staff = await staffFactsOf(this.runtime.store, call.tenantId, command.data.staffId);
    return this.run(call, command.data.staffId, command, undefined, { staff });
  }

  @Handles('staff.ListViolations')
  list(request: { staffId?: string; ruleId?: string; limit?: number; cursor?: string }, call: CallContext) {
    return violationPage(this.runtime.store.pool, call.tenantId, {
      ...optional('staffId', request.staffId),
      ...optional('ruleId', request.ruleId),
      ...optional('limit', request.limit),
      ...optional('cursor', request.cursor),
    });
  }

  @Handles('staff.GetDisciplineRecord')
  async get(request: { staffId: string }, call: CallContext) {
    const { events, decoded } = await this.people.read<DisciplineEvent>(
      disciplineStreamId(call.tenantId, request.staffId),
      request.staffId,
      DISCIPLINE_SEALED_PATHS,
    );
    return disciplineRecordOf(
      request.staffId,
      events.map((e, i) => ({ ...e, data: decoded[i]?.data ?? e.data })),
    );
  }

  /** One command on a person's register; answers the register as it now is. */
  async run(
    call: CallContext,
    staffId: string,
    command: DisciplineCommand,
    expectedVersion?: number,
    extra: Partial<Parameters<typeof disciplineDecider.decide>[2]> & { policyVersion?: number } = {},
  ) {
    const { policyVersion, ...context } = extra;
    // Evidence and reasons are sealed with the person's own key (made on first use).
    const codec = await this.people.forWrite<DisciplineEvent>(staffId, DISCIPLINE_SEALED_PATHS);
    await this.runtime.timed(command.type, () =>
      execute(
        this.runtime.store,
        disciplineDecider,
        disciplineStreamId(call.tenantId, staffId),
        command,
        { now: new Date(), ...context },
        call,
        {
          codec,
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          ...(policyVersion !== undefined ? { policyVersion } : {}),
        },
      ),
    );
    return this.get({ staffId }, call);
  }
}

// Every use case with `handles` (DecideAppeal): request → command → `run` on the person's register.
handlesUseCases(DisciplineHandlers, DISCIPLINE_USE_CASES, function (command, request, call) {
  const discipline = command as DisciplineCommand;
  return this.run(call, discipline.data.staffId, discipline, request.expectedVersion);
});
