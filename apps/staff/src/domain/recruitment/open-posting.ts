import type { BusinessLine, Role } from '@serviceops/contracts';
import { useCase, type Command, type Event } from '@serviceops/kernel';
import { PostingErrorCode, postingError } from './posting.errors';
import { drivingYearsOf } from './posting.rules';
import type { PostingContext, PostingCriteria, PostingFile, PostingState } from './posting.state';

export type OpenPosting = Command<
  'OpenPosting',
  {
    postingId: string;
    role: Role;
    branchId: string;
    businessLine: BusinessLine;
    title: string;
    criteria: PostingCriteria;
  }
>;

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is absent, never undefined.

export type PostingOpened = Event<'PostingOpened', PostingFile>;

/** A posting in one of the tenant's branches. Its handler makes the posting's id: no `handles`. */
export const openPosting = useCase<OpenPosting, PostingOpened, PostingState, PostingContext>({
  command: 'OpenPosting',
  decide({ data }, state, context) {
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
  },
  evolve: {
    PostingOpened: (_state, event) => ({ status: 'active', ...event.data }),
  },
});
