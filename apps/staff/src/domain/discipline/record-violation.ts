import type { ViolationRecordedV1 } from '@serviceops/contracts';
import {
  money,
  moneyOfMessage,
  optional,
  RULES,
  useCase,
  type Caller,
  type Command,
  type Event,
  type Money,
  type MoneyMessage,
} from '@serviceops/kernel';
import { ruleById, type ConductRule } from './conduct-rules';
import { DisciplineErrorCode as E, disciplineError } from './discipline.errors';
import { fineFor, MAX_QUANTITY, offenceRank, text } from './discipline.rules';
import type { DisciplineContext, DisciplineState } from './discipline.state';

// Every command names the staff member whose register (one stream per person) it changes. The register's events
// are what the service publishes (libs/contracts events/staff-conduct.events.ts): one shape. Event data is stored
// as JSON: instants are ISO-8601 strings and "none" is null, never undefined.

export type RecordViolation = Command<
  'RecordViolation',
  {
    readonly violationId: string;
    readonly staffId: string;
    readonly ruleId: string;
    readonly occurredAt: string;
    readonly evidence: string;
    /** The approver's pick (a range rule), the price (a price rule); must match a fixed or ladder fine if given. */
    readonly fine?: Money;
    readonly quantity?: number;
    readonly loss?: Money;
    readonly recordedBy: string;
    readonly approverId: string;
    readonly trainingSessionId?: string;
  }
>;

export type ViolationRecorded = Event<'ViolationRecorded', ViolationRecordedV1>;

/** The request as the proto decodes it (proto3: unset fields absent); `staffId` is the path's, checked. */
interface RecordViolationRequest {
  readonly staffId: string;
  readonly ruleId?: string;
  readonly occurredAt?: string;
  readonly evidence?: string;
  readonly fine?: MoneyMessage;
  readonly quantity?: number;
  readonly loss?: MoneyMessage;
  readonly approverId?: string;
}

/**
 * A violation of a conduct rule: its fine as the rules in force set it, its rank on the rule's ladder. Recorded by
 * the caller, its id made for the call; the approver is the caller unless named. The method reads the rules and the
 * staff facts first (application/discipline.handlers.ts; the missed-training timer records one too).
 */
export const recordViolation = useCase<
  RecordViolation,
  ViolationRecorded,
  DisciplineState,
  DisciplineContext
>({
  command: 'RecordViolation',
  handles: {
    rpc: 'staff.RecordViolation',
    command: (request: RecordViolationRequest, { newId, actorId }: Caller) => ({
      type: 'RecordViolation',
      data: {
        violationId: newId,
        staffId: request.staffId,
        ruleId: request.ruleId ?? '',
        occurredAt: request.occurredAt ?? '',
        evidence: request.evidence ?? '',
        ...(request.fine ? { fine: moneyOfMessage(request.fine) } : {}),
        ...optional('quantity', request.quantity),
        ...(request.loss ? { loss: moneyOfMessage(request.loss) } : {}),
        recordedBy: actorId,
        approverId: request.approverId ?? actorId,
      },
    }),
  },
  decide(command, state, context) {
    const { data } = command;
    // Recorded already (a timer or a client retrying with the same id): nothing more.
    if (state.violations.some((v) => v.violationId === data.violationId)) return [];
    const { now, rules, staff } = context;
    if (rules === undefined || staff === undefined)
      throw new Error('RecordViolation needs the rules in force and the staff facts in its context');
    if (!staff.known)
      throw disciplineError(E.STAFF_NOT_FOUND, `no staff member ${data.staffId}`, { field: 'staffId' });
    if (!RULES.instant.accepts(data.occurredAt))
      throw disciplineError(E.TEXT_REFUSED, `occurredAt ${RULES.instant.message}`, { field: 'occurredAt' });
    const rule = ruleById(rules.rules, data.ruleId);
    if (rule === undefined)
      throw disciplineError(E.UNKNOWN_RULE, `no conduct rule ${data.ruleId} in version ${rules.version}`, {
        field: 'ruleId',
        rulesVersion: rules.version,
      });
    assertInLine(rule, staff.businessLine);
    const occurredAt = new Date(data.occurredAt);
    if (occurredAt.getTime() > now.getTime())
      throw disciplineError(E.VIOLATION_IN_FUTURE, 'a violation cannot be recorded before it happens', {
        field: 'occurredAt',
      });
    const quantity = data.quantity ?? 1;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY)
      throw disciplineError(E.QUANTITY_OUT_OF_RANGE, `quantity is a whole number 1–${MAX_QUANTITY}`, {
        field: 'quantity',
      });
    if (quantity !== 1 && rule.per === 'occurrence')
      throw disciplineError(E.QUANTITY_NOT_PER_UNIT, `${rule.id} is fined per occurrence: quantity is 1`, {
        field: 'quantity',
      });
    if (data.loss !== undefined && !rule.chargeableLoss)
      throw disciplineError(E.LOSS_NOT_CHARGEABLE, `${rule.id} does not charge a loss to the person`, {
        field: 'loss',
      });
    if (data.loss !== undefined && data.loss.amount <= 0)
      throw disciplineError(E.LOSS_NOT_POSITIVE, 'a loss charged is a positive amount', {
        field: 'loss.amount',
      });
    const windowDays = rule.fine.kind === 'ladder' ? rule.fine.windowDays : 0;
    const offence = offenceRank(state.violations, rule.id, occurredAt, windowDays);
    const fine = fineFor(rule.fine, {
      offence,
      quantity,
      given: data.fine,
      currency: rules.rules.currency,
      dailyPay: staff.dailyPay,
    });
    const evidence = text(data.evidence, 'evidence', RULES.longText);
    return [
      {
        type: 'ViolationRecorded',
        data: {
          violationId: data.violationId,
          staffId: data.staffId,
          ruleId: rule.id,
          rulesVersion: rules.version,
          occurredAt: occurredAt.toISOString(),
          recordedAt: now.toISOString(),
          offence,
          quantity,
          fine,
          loss: data.loss === undefined ? null : money(data.loss.amount, data.loss.currency),
          evidence,
          recordedBy: data.recordedBy,
          approverId: data.approverId,
          trainingSessionId: data.trainingSessionId ?? null,
        },
      },
    ];
  },
  evolve: {
    ViolationRecorded: (state, event) => {
      const { violationId, ruleId, occurredAt, offence, fine, loss } = event.data;
      return {
        ...state,
        violations: [
          ...state.violations,
          { violationId, ruleId, occurredAt, offence, fine, loss, appeal: 'none' },
        ],
      };
    },
  },
});

function assertInLine(rule: ConductRule, line: string | null): void {
  if (line !== null && !(rule.lines as readonly string[]).includes(line))
    throw disciplineError(E.RULE_NOT_IN_LINE, `${rule.id} is not in the ${line} pack`, { field: 'ruleId' });
}
