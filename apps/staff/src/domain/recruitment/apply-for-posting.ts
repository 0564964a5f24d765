import {
  normaliseIdNumber,
  optional,
  RULES,
  useCase,
  type Caller,
  type Command,
  type Event,
} from '@serviceops/kernel';
import { CandidateErrorCode as E, candidateError } from './candidate.errors';
import { checked } from './candidate.rules';
import type { Application, CandidateContext, CandidateState } from './candidate.state';
import { drivingYearsOf } from './posting.rules';
import type { EducationLevel } from './posting.state';

// Every command names its candidate: the handler loads that candidate's stream with it.

export type ApplyForPosting = Command<
  'ApplyForPosting',
  {
    candidateId: string;
    postingId: string;
    name: string;
    phone: string;
    idNumber?: string;
    drivingYears?: number;
    education?: EducationLevel;
    cleanRecord?: boolean;
  }
>;

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is absent, never undefined.

/**
 * A candidate applied to a posting: what the posting asks is copied in, so the screening is decided on the
 * candidate's own stream. `name`, `phone` and `idNumber` are in clear here; the application seals them.
 */
export type CandidateApplied = Event<'CandidateApplied', Application>;

/** The request as the proto decodes it (proto3: unset fields absent). */
export interface ApplyForPostingRequest {
  readonly postingId?: string;
  readonly name?: string;
  readonly phone?: string;
  readonly idNumber?: string;
  readonly drivingYears?: number;
  readonly education?: string;
  readonly cleanRecord?: boolean;
}

/**
 * An application to an open posting (the context's); `newId` is the candidate's. Its handler checks the posting id
 * is a UUID, reads the posting and makes the candidate's data key: application/recruitment.handlers.ts.
 */
export const applyForPosting = useCase<ApplyForPosting, CandidateApplied, CandidateState, CandidateContext>({
  command: 'ApplyForPosting',
  handles: {
    rpc: 'staff.ApplyForPosting',
    command: (request: ApplyForPostingRequest, { newId }: Caller) => ({
      type: 'ApplyForPosting',
      data: {
        candidateId: newId,
        postingId: (request.postingId ?? '').toLowerCase(),
        name: request.name ?? '',
        phone: request.phone ?? '',
        ...optional('idNumber', request.idNumber),
        ...optional('drivingYears', request.drivingYears),
        ...optional('education', request.education as EducationLevel | undefined),
        ...optional('cleanRecord', request.cleanRecord),
      },
    }),
  },
  decide({ data }, state, context) {
    if (state.status !== 'absent') throw candidateError(E.CANDIDATE_EXISTS, 'the candidate exists already');
    const posting = context.posting;
    if (!posting || posting.status !== 'active')
      throw candidateError(E.POSTING_NOT_FOUND, 'no such posting', { field: 'postingId' });
    return [
      {
        type: 'CandidateApplied',
        data: {
          candidateId: data.candidateId,
          postingId: posting.postingId,
          role: posting.role,
          branchId: posting.branchId,
          businessLine: posting.businessLine,
          criteria: posting.criteria,
          name: checked(RULES.name, data.name, E.NAME_REJECTED, 'name'),
          phone: checked(RULES.phone, data.phone, E.PHONE_REJECTED, 'phone'),
          ...(data.idNumber
            ? {
                idNumber: normaliseIdNumber(
                  checked(RULES.idNumber, data.idNumber, E.ID_NUMBER_REJECTED, 'idNumber'),
                ),
              }
            : {}),
          ...(data.drivingYears !== undefined
            ? { drivingYears: drivingYearsOf(data.drivingYears, 'drivingYears') }
            : {}),
          ...(data.education ? { education: data.education } : {}),
          ...(data.cleanRecord !== undefined ? { cleanRecord: data.cleanRecord } : {}),
          appliedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    CandidateApplied: (_state, event) => ({
      status: 'in_progress',
      ...event.data,
      passed: [],
      steps: [],
      updatedAt: event.data.appliedAt,
    }),
  },
});
