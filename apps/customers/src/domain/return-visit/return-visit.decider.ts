import { assertActiveCustomer, assertCustomerNotErased } from '../customer/active-customer';
import { RETURN_VISIT_FIELDS } from '@serviceops/contracts';
import { addDays, type Decider, isLocalDate, streamId, type TextRule } from '@serviceops/kernel';
import {
  type CancelReturnVisit,
  type FollowUp,
  type RecordReturnVisit,
  RETURN_VISIT_OUTCOMES,
  RETURN_VISIT_REASONS,
  type ReturnVisitCommand,
  type ReturnVisitContext,
  type ReturnVisitReason,
  SATISFACTION_LEVELS,
  type ScheduleReturnVisit,
} from './return-visit.commands';
import {
  ReturnVisitErrorCode as E,
  returnVisitError,
  type ReturnVisitErrorCode,
} from './return-visit.errors';
import type { ReturnVisitEvent } from './return-visit.events';
import { initialReturnVisitState, type ReturnVisit, type ReturnVisitState } from './return-visit.state';

export type { ReturnVisitContext } from './return-visit.commands';

/** Most characters (Unicode code points, once trimmed) of each text; every given text has at least one. */

export function decideReturnVisit(
  command: ReturnVisitCommand,
  state: ReturnVisitState,
  context: ReturnVisitContext,
): readonly ReturnVisitEvent[] {
  switch (command.type) {
    case 'ScheduleReturnVisit':
      return scheduleReturnVisit(command, state, context);
    case 'RecordReturnVisit':
      return recordReturnVisit(command, state, context);
    case 'CancelReturnVisit':
      return cancelReturnVisit(command, state, context);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function scheduleReturnVisit(
  command: ScheduleReturnVisit,
  state: ReturnVisitState,
  context: ReturnVisitContext,
): ReturnVisitEvent[] {
  const { visitId, customerId, reason } = command.data;
  if (state.status !== 'absent') {
    throw returnVisitError(E.VISIT_EXISTS, `return visit ${visitId} already exists`, { visitId });
  }
  const { now, today, policy, customer } = context;
  if (today === undefined || policy === undefined || customer === undefined) {
    throw new Error('ScheduleReturnVisit needs today, the policy and the customer’s status in its context');
  }
  assertActiveCustomer(customer, customerId);
  if (!oneOf(RETURN_VISIT_REASONS, reason)) {
    throw returnVisitError(E.INVALID_REASON, `reason must be one of ${RETURN_VISIT_REASONS.join(', ')}`, {
      field: 'reason',
    });
  }
  // Periodic visits exist only while the policy sets their interval, however the day is chosen.
  if (reason === 'periodic' && policy.everyDays === null) {
    throw returnVisitError(E.NO_PERIODIC_VISITS, 'the customers policy sets no periodic return visits');
  }
  const dueOn = command.data.dueOn ?? defaultDueOn(reason, today, policy);
  if (!isLocalDate(dueOn)) {
    throw returnVisitError(E.INVALID_DUE_DATE, 'dueOn must be a date YYYY-MM-DD', { field: 'dueOn' });
  }
  if (dueOn < today) {
    throw returnVisitError(E.DUE_DATE_PAST, `dueOn ${dueOn} is before today, ${today}`, {
      field: 'dueOn',
      today,
    });
  }
  const serviceRef = optionalText(
    command.data.serviceRef,
    'serviceRef',
    RETURN_VISIT_FIELDS.serviceRef,
    E.INVALID_SERVICE_REF,
  );
  const note = optionalText(command.data.note, 'note', RETURN_VISIT_FIELDS.note, E.INVALID_NOTE);
  return [
    {
      type: 'ReturnVisitScheduled',
      data: {
        visitId,
        customerId,
        reason,
        dueOn,
        ...(serviceRef === undefined ? {} : { serviceRef }),
        ...(note === undefined ? {} : { note }),
        scheduledAt: now.toISOString(),
        policyVersion: policy.version,
      },
    },
  ];
}

function defaultDueOn(
  reason: ReturnVisitReason,
  today: string,
  policy: NonNullable<ReturnVisitContext['policy']>,
): string {
  switch (reason) {
    case 'on_demand':
      return today;
    case 'after_service':
      return addDays(today, policy.afterServiceDays);
    case 'periodic':
      return addDays(today, policy.everyDays ?? 0);
    default: {
      const unhandled: never = reason;
      return unhandled;
    }
  }
}

function recordReturnVisit(
  command: RecordReturnVisit,
  state: ReturnVisitState,
  context: ReturnVisitContext,
): ReturnVisitEvent[] {
  const visit = scheduled(state, command.data.visitId);
  assertCustomerNotErased(context.customer, visit.customerId);
  const { outcome, satisfaction } = command.data;
  if (!oneOf(RETURN_VISIT_OUTCOMES, outcome)) {
    throw returnVisitError(E.INVALID_OUTCOME, `outcome must be one of ${RETURN_VISIT_OUTCOMES.join(', ')}`, {
      field: 'outcome',
    });
  }
  if (outcome === 'reached' && satisfaction === undefined) {
    throw returnVisitError(E.SATISFACTION_REQUIRED, 'a reached customer’s satisfaction is required', {
      field: 'satisfaction',
    });
  }
  if (outcome === 'reached' && !oneOf(SATISFACTION_LEVELS, satisfaction)) {
    throw returnVisitError(
      E.INVALID_SATISFACTION,
      `a reached customer's satisfaction is one of ${SATISFACTION_LEVELS.join(', ')}`,
      { field: 'satisfaction' },
    );
  }
  if (outcome !== 'reached' && satisfaction !== undefined) {
    throw returnVisitError(
      E.SATISFACTION_NOT_EXPECTED,
      'satisfaction is only recorded for a reached customer',
      {
        field: 'satisfaction',
      },
    );
  }
  const feedback = optionalText(
    command.data.feedback,
    'feedback',
    RETURN_VISIT_FIELDS.feedback,
    E.INVALID_FEEDBACK,
  );
  const suggestions = optionalText(
    command.data.suggestions,
    'suggestions',
    RETURN_VISIT_FIELDS.suggestions,
    E.INVALID_SUGGESTIONS,
  );
  const followUp = command.data.followUp === undefined ? undefined : validFollowUp(command.data.followUp);
  return [
    {
      type: 'ReturnVisitRecorded',
      data: {
        visitId: visit.visitId,
        customerId: visit.customerId,
        visitReason: visit.reason,
        outcome,
        ...(satisfaction === undefined ? {} : { satisfaction }),
        ...(feedback === undefined ? {} : { feedback }),
        ...(suggestions === undefined ? {} : { suggestions }),
        ...(followUp === undefined ? {} : { followUp }),
        recordedAt: context.now.toISOString(),
      },
    },
  ];
}

function cancelReturnVisit(
  command: CancelReturnVisit,
  state: ReturnVisitState,
  context: ReturnVisitContext,
): ReturnVisitEvent[] {
  const visit = scheduled(state, command.data.visitId);
  assertCustomerNotErased(context.customer, visit.customerId);
  const reason = text(command.data.reason, 'reason', RETURN_VISIT_FIELDS.cancelReason, E.INVALID_REASON);
  return [
    {
      type: 'ReturnVisitCancelled',
      data: {
        visitId: visit.visitId,
        customerId: visit.customerId,
        visitReason: visit.reason,
        reason,
        cancelledAt: context.now.toISOString(),
      },
    },
  ];
}

export function evolveReturnVisit(state: ReturnVisitState, event: ReturnVisitEvent): ReturnVisitState {
  if (event.type === 'ReturnVisitScheduled') {
    const { visitId, customerId, reason, dueOn, serviceRef, scheduledAt, policyVersion } = event.data;
    return {
      status: 'scheduled',
      visitId,
      customerId,
      reason,
      dueOn,
      ...(serviceRef === undefined ? {} : { serviceRef }),
      scheduledAt,
      policyVersion,
    };
  }
  // Only ReturnVisitScheduled starts a stream.
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'ReturnVisitRecorded': {
      const { outcome, satisfaction, recordedAt } = event.data;
      return {
        ...state,
        status: 'done',
        outcome,
        ...(satisfaction === undefined ? {} : { satisfaction }),
        recordedAt,
      };
    }
    case 'ReturnVisitCancelled':
      return { ...state, status: 'cancelled', cancelledAt: event.data.cancelledAt };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

export const returnVisitDecider: Decider<
  ReturnVisitCommand,
  ReturnVisitEvent,
  ReturnVisitState,
  ReturnVisitContext
> = {
  initialState: initialReturnVisitState,
  decide: decideReturnVisit,
  evolve: evolveReturnVisit,
};

/** 'return-visit-<tenantId>-<visitId>' */
export function returnVisitStreamId(tenantId: string, visitId: string): string {
  return streamId('return-visit', tenantId, visitId);
}

// --- rules shared by several commands ---------------------------------------------------------------------------

/** A visit still to be made: recorded or cancelled ones are closed. */
function scheduled(state: ReturnVisitState, visitId: string): ReturnVisit {
  if (state.status === 'absent' || state.visitId !== visitId) {
    throw returnVisitError(E.VISIT_NOT_FOUND, `return visit ${visitId} does not exist`, { visitId });
  }
  if (state.status !== 'scheduled') {
    throw returnVisitError(E.VISIT_CLOSED, `return visit ${visitId} is ${state.status}`, {
      visitId,
      status: state.status,
    });
  }
  return state;
}

function validFollowUp(followUp: FollowUp): FollowUp {
  if (typeof followUp !== 'object' || followUp === null) {
    throw returnVisitError(E.INVALID_FOLLOW_UP, 'followUp needs an action', { field: 'followUp' });
  }
  const action = text(
    followUp.action,
    'followUp.action',
    RETURN_VISIT_FIELDS.followUpAction,
    E.INVALID_FOLLOW_UP,
  );
  const { dueOn } = followUp;
  if (dueOn !== undefined && !isLocalDate(dueOn)) {
    throw returnVisitError(E.INVALID_FOLLOW_UP, 'followUp.dueOn must be a date YYYY-MM-DD', {
      field: 'followUp.dueOn',
    });
  }
  return { action, ...(dueOn === undefined ? {} : { dueOn }) };
}

/** Trimmed text, checked by the field's shared rule (the gateway applies the same one). */
function text(value: unknown, field: string, rule: TextRule, code: ReturnVisitErrorCode): string {
  if (typeof value !== 'string' || !rule.accepts(value)) {
    throw returnVisitError(code, `${field} ${rule.message}`, { field });
  }
  return value.trim();
}

function optionalText(
  value: unknown,
  field: string,
  rule: TextRule,
  code: ReturnVisitErrorCode,
): string | undefined {
  return value === undefined ? undefined : text(value, field, rule, code);
}

function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
