import type { OpenPosting, PostingCommand } from './posting.commands';
import { PostingErrorCode, postingError } from './posting.errors';
import type { PostingEvent } from './posting.events';
import type { PostingState } from './posting.state';

import { MAX_DRIVING_YEARS } from '@serviceops/contracts';

export { MAX_DRIVING_YEARS };

/** What the posting's decisions take from outside the domain: the time, the tenant's branches when known. */
export interface PostingContext {
  readonly now: Date;
  readonly branchIds?: readonly string[];
}

export function decidePosting(
  command: PostingCommand,
  state: PostingState,
  context: PostingContext,
): readonly PostingEvent[] {
  switch (command.type) {
    case 'OpenPosting':
      return openPosting(command, state, context);
    default: {
      const unhandled: never = command.type;
      return unhandled;
    }
  }
}

/** Whole years of driving, 0–MAX_DRIVING_YEARS. */
export function drivingYearsOf(years: number, field: string): number {
  if (!Number.isInteger(years) || years < 0 || years > MAX_DRIVING_YEARS)
    throw postingError(
      PostingErrorCode.DRIVING_YEARS_OUT_OF_RANGE,
      `driving years must be a whole number from 0 to ${MAX_DRIVING_YEARS}`,
      { field },
    );
  return years;
}

function openPosting(
  { data }: OpenPosting,
  state: PostingState,
  context: PostingContext,
): readonly PostingEvent[] {
  if (state.status !== 'absent')
    throw postingError(PostingErrorCode.POSTING_EXISTS, 'the posting exists already');
  if (context.branchIds && !context.branchIds.includes(data.branchId))
    throw postingError(PostingErrorCode.UNKNOWN_BRANCH, 'no such branch in this tenant', {
      field: 'branchId',
    });
  const { minDrivingYears, minEducation, cleanRecord } = data.criteria;
  return [
    {
      type: 'PostingOpened',
      data: {
        postingId: data.postingId,
        role: data.role,
        branchId: data.branchId,
        businessLine: data.businessLine,
        title: data.title.trim(),
        criteria: {
          ...(minDrivingYears !== undefined
            ? { minDrivingYears: drivingYearsOf(minDrivingYears, 'criteria.minDrivingYears') }
            : {}),
          ...(minEducation ? { minEducation } : {}),
          ...(cleanRecord ? { cleanRecord } : {}),
        },
        openedAt: context.now.toISOString(),
      },
    },
  ];
}
