import { RETURN_VISIT_FIELDS } from '@serviceops/contracts';
import { isLocalDate, optional, useCase, type Command, type Event } from '@serviceops/kernel';
import { assertCustomerNotErased } from '../customer/active-customer';
import { ReturnVisitErrorCode as E, returnVisitError } from './return-visit.errors';
import { oneOf, optionalText, scheduled, text } from './return-visit.rules';
import {
  RETURN_VISIT_OUTCOMES,
  SATISFACTION_LEVELS,
  type ReturnVisitContext,
  type ReturnVisitOutcome,
  type ReturnVisitReason,
  type ReturnVisitState,
  type SatisfactionLevel,
} from './return-visit.state';

export interface FollowUp {
  readonly action: string;
  /** Local date 'YYYY-MM-DD'. */
  readonly dueOn?: string;
}

export type RecordReturnVisit = Command<
  'RecordReturnVisit',
  {
    readonly visitId: string;
    readonly outcome: ReturnVisitOutcome;
    /** Required when the customer was reached, refused otherwise. */
    readonly satisfaction?: SatisfactionLevel;
    readonly feedback?: string;
    readonly suggestions?: string;
    readonly followUp?: FollowUp;
  }
>;

/** `visitReason` is the scheduled visit's reason, so a process can plan the next periodic visit from the event. */
export type ReturnVisitRecorded = Event<
  'ReturnVisitRecorded',
  {
    visitId: string;
    customerId: string;
    visitReason: ReturnVisitReason;
    outcome: ReturnVisitOutcome;
    satisfaction?: SatisfactionLevel;
    feedback?: string;
    suggestions?: string;
    followUp?: FollowUp;
    recordedAt: string;
  }
>;

export const recordReturnVisit = useCase<
  RecordReturnVisit,
  ReturnVisitRecorded,
  ReturnVisitState,
  ReturnVisitContext
>({
  command: 'RecordReturnVisit',
  handles: {
    rpc: 'customers.RecordReturnVisit',
    command: (request: {
      id: string;
      outcome?: string;
      satisfaction?: string;
      feedback?: string;
      suggestions?: string;
      followUp?: { action?: string; dueOn?: string };
    }) => ({
      type: 'RecordReturnVisit',
      data: {
        visitId: request.id,
        outcome: (request.outcome ?? '') as ReturnVisitOutcome,
        ...optional('satisfaction', request.satisfaction as SatisfactionLevel | undefined),
        ...optional('feedback', request.feedback),
        ...optional('suggestions', request.suggestions),
        ...(request.followUp
          ? {
              followUp: {
                action: request.followUp.action ?? '',
                ...optional('dueOn', request.followUp.dueOn),
              },
            }
          : {}),
      },
    }),
  },
  decide(command, state, context) {
    const visit = scheduled(state, command.data.visitId);
    assertCustomerNotErased(context.customer, visit.customerId);
    const { outcome, satisfaction } = command.data;
    if (!oneOf(RETURN_VISIT_OUTCOMES, outcome)) {
      throw returnVisitError(
        E.INVALID_OUTCOME,
        `outcome must be one of ${RETURN_VISIT_OUTCOMES.join(', ')}`,
        {
          field: 'outcome',
        },
      );
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
  },
  evolve: {
    ReturnVisitRecorded: (state, event) => {
      if (state.status === 'absent') return state;
      const { outcome, satisfaction, recordedAt } = event.data;
      return {
        ...state,
        status: 'done',
        outcome,
        ...(satisfaction === undefined ? {} : { satisfaction }),
        recordedAt,
      };
    },
  },
});

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
