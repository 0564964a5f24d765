import type { BusinessLine, Role } from '@serviceops/contracts';
import { optional, useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { PostingErrorCode, postingError } from './posting.errors';
import { drivingYearsOf } from './posting.rules';
import type {
  EducationLevel,
  PostingContext,
  PostingCriteria,
  PostingFile,
  PostingState,
} from './posting.state';

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

/** The request as the proto decodes it (proto3: unset fields absent). */
export interface OpenPostingRequest {
  readonly role?: string;
  readonly branchId?: string;
  readonly businessLine?: string;
  readonly title?: string;
  readonly criteria?: { minDrivingYears?: number; minEducation?: string; cleanRecord?: boolean };
}

/**
 * A posting in one of the tenant's branches, its id made for the call. Its method checks the branch id is a UUID
 * (application/recruitment.handlers.ts).
 */
export const openPosting = useCase<OpenPosting, PostingOpened, PostingState, PostingContext>({
  command: 'OpenPosting',
  handles: {
    rpc: 'staff.OpenPosting',
    command: (request: OpenPostingRequest, { newId }: Caller) => {
      const criteria = request.criteria ?? {};
      return {
        type: 'OpenPosting',
        data: {
          postingId: newId,
          role: (request.role ?? '') as Role,
          branchId: (request.branchId ?? '').toLowerCase(),
          businessLine: (request.businessLine ?? '') as BusinessLine,
          title: request.title ?? '',
          criteria: {
            ...optional('minDrivingYears', criteria.minDrivingYears),
            ...optional('minEducation', criteria.minEducation as EducationLevel | undefined),
            ...optional('cleanRecord', criteria.cleanRecord),
          },
        },
      };
    },
  },
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
