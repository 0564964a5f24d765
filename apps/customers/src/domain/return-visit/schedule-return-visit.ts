import { RETURN_VISIT_FIELDS } from '@serviceops/contracts';
import {
  addDays,
  isLocalDate,
  optional,
  useCase,
  type Caller,
  type Command,
  type Event,
} from '@serviceops/kernel';
import { assertActiveCustomer } from '../customer/active-customer';
import { ReturnVisitErrorCode as E, returnVisitError } from './return-visit.errors';
import { oneOf, optionalText } from './return-visit.rules';
import {
  RETURN_VISIT_REASONS,
  type ReturnVisitContext,
  type ReturnVisitReason,
  type ReturnVisitState,
} from './return-visit.state';

export type ScheduleReturnVisit = Command<
  'ScheduleReturnVisit',
  {
    readonly visitId: string;
    readonly customerId: string;
    readonly reason: ReturnVisitReason;
    /** Local date 'YYYY-MM-DD', not before today; by default from the reason and the policy. */
    readonly dueOn?: string;
    /** The service (order, lease, …) the visit follows up. */
    readonly serviceRef?: string;
    readonly note?: string;
  }
>;

// Instants are ISO-8601 strings (UTC), days local dates 'YYYY-MM-DD'. Free text is in clear here: the
// application seals SEALED_PATHS.
export type ReturnVisitScheduled = Event<
  'ReturnVisitScheduled',
  {
    visitId: string;
    customerId: string;
    reason: ReturnVisitReason;
    dueOn: string;
    serviceRef?: string;
    note?: string;
    scheduledAt: string;
    policyVersion: number;
  }
>;

/** The request as the proto decodes it (proto3: unset strings absent). */
interface ScheduleReturnVisitRequest {
  readonly customerId?: string;
  readonly reason?: string;
  readonly dueOn?: string;
  readonly serviceRef?: string;
  readonly note?: string;
}

/**
 * Scheduling reads the customer's status, the policy and today first: it is bound to a handler method of its own
 * (application/return-visits.ts), which takes the command mapped here. A periodic visit is scheduled by a process
 * instead, with an id derived from the event that caused it.
 */
export const scheduleReturnVisit = useCase<
  ScheduleReturnVisit,
  ReturnVisitScheduled,
  ReturnVisitState,
  ReturnVisitContext
>({
  command: 'ScheduleReturnVisit',
  handles: {
    rpc: 'customers.ScheduleReturnVisit',
    command: (request: ScheduleReturnVisitRequest, { newId }: Caller) => ({
      type: 'ScheduleReturnVisit',
      data: {
        visitId: newId,
        customerId: request.customerId ?? '',
        // Over the API, a visit is after a service or on demand: periodic ones are the policy's.
        reason: (request.reason ?? '') as 'after_service' | 'on_demand',
        ...optional('dueOn', request.dueOn),
        ...optional('serviceRef', request.serviceRef),
        ...optional('note', request.note),
      },
    }),
  },
  decide(command, state, context) {
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
  },
  evolve: {
    // The one event that starts a stream.
    ReturnVisitScheduled: (_state, event) => {
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
    },
  },
});

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
