import { describeDeclaredErrors } from '@serviceops/platform/testing';
import { AssessmentErrorCode } from './domain/assessment/assessment.errors';
import { AttendanceErrorCode } from './domain/attendance/attendance.errors';
import { DisciplineErrorCode } from './domain/discipline/discipline.errors';
import { FreeTextErrorCode } from './domain/free-text.errors';
import { MemberErrorCode } from './domain/member/member.errors';
import { PeoplePolicyErrorCode } from './domain/people-policy/people-policy.errors';
import { PersonErrorCode } from './domain/person/person.errors';
import { QualificationErrorCode } from './domain/qualification/qualification.errors';
import { CandidateErrorCode, ExpectedStepErrorCode } from './domain/recruitment/candidate.errors';
import { PostingErrorCode } from './domain/recruitment/posting.errors';
import { SeparationErrorCode } from './domain/separation/separation.errors';
import { TrainingSessionErrorCode } from './domain/training-session/training-session.errors';

/** A new stream under a fresh id (`newStream`): the decider's guard against an existing one cannot fire. */
const FRESH_ID = 'guards a new stream, which every method opens under a fresh id';

describeDeclaredErrors(
  'staff',
  [
    AssessmentErrorCode,
    AttendanceErrorCode,
    DisciplineErrorCode,
    FreeTextErrorCode,
    MemberErrorCode,
    PeoplePolicyErrorCode,
    PersonErrorCode,
    QualificationErrorCode,
    CandidateErrorCode,
    ExpectedStepErrorCode,
    PostingErrorCode,
    SeparationErrorCode,
    TrainingSessionErrorCode,
  ],
  {
    [MemberErrorCode.STAFF_MEMBER_EXISTS]: FRESH_ID,
    [PostingErrorCode.POSTING_EXISTS]: FRESH_ID,
    [CandidateErrorCode.CANDIDATE_EXISTS]: FRESH_ID,
    [TrainingSessionErrorCode.SESSION_EXISTS]: FRESH_ID,
    [PostingErrorCode.UNKNOWN_BRANCH]:
      'the rule holds when the tenant’s branches are known; OpenPosting does not pass them yet',
  },
);
