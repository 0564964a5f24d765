import { STAFF_FIELDS } from '../staff.vocabulary';
import type { Declaration } from './declaration';
import {
  ADMIN,
  ANY_ROLE,
  STAFF_CONDUCT_MANAGERS,
  STAFF_CONDUCT_READERS,
  STAFF_DATA_ERASERS,
  STAFF_PEOPLE_MANAGERS,
  STAFF_PEOPLE_READERS,
} from './access';

const STAFF_ID = { uuidParams: ['id'] } as const;
const ON_QUALIFICATION = { uuidParams: ['id', 'qualificationId'], etag: true, ifMatch: true } as const;

/** The problem codes a command on a candidate in the pipeline may answer when they are not (or no longer) in it. */
const IN_PIPELINE = [
  'STAFF.CANDIDATE_NOT_FOUND',
  'STAFF.CANDIDATE_REJECTED',
  'STAFF.CANDIDATE_ALREADY_HIRED',
  'STAFF.CANDIDATE_ERASED',
] as const;
/** A step recorded (or a hire) before the step due: the code names the step due (RECRUITMENT_STEPS). */
const STEP_EXPECTED = [
  'STAFF.SCREENING_EXPECTED',
  'STAFF.INTERVIEW_EXPECTED',
  'STAFF.PRACTICAL_TEST_EXPECTED',
  'STAFF.ONBOARDING_TRAINING_EXPECTED',
  'STAFF.EXAM_EXPECTED',
] as const;
/** A command on a staff member's file: not found, or their personal data erased. */
const LIVE_MEMBER = ['STAFF.STAFF_MEMBER_NOT_FOUND', 'STAFF.STAFF_MEMBER_ERASED'] as const;
/** Pay terms: a positive daily pay in minor units, in a known currency. */
const PAY_TERMS = ['STAFF.PAY_NOT_POSITIVE', 'STAFF.PAY_CURRENCY_UNKNOWN'] as const;

/** The staff service's methods: gRPC name → REST route, roles, the STAFF codes each may answer, summary. */
export const STAFF_API = {
  // ---- people (issue 13 items 1, 3, 8, 9): recruitment, the staff file, qualifications, separation ----
  OpenPosting: {
    http: { method: 'POST', path: 'staff/postings', status: 201, etag: true },
    access: STAFF_PEOPLE_MANAGERS,
    errors: ['STAFF.DRIVING_YEARS_OUT_OF_RANGE'],
    summary:
      'Open a job posting: role, branch, business line, criteria (driving years, education, clean record)',
  },
  GetPosting: {
    http: { method: 'GET', path: 'staff/postings/:id', status: 200, ...STAFF_ID, etag: true },
    access: STAFF_PEOPLE_READERS,
    errors: ['STAFF.POSTING_NOT_FOUND'],
    summary: 'A job posting',
  },
  ListCandidates: {
    http: { method: 'GET', path: 'staff/candidates', status: 200, purpose: true },
    access: STAFF_PEOPLE_READERS,
    errors: [],
    personalData: true,
    summary:
      'List candidates, newest first, a page at a time (by status, posting); personal data masked by role',
  },
  ApplyForPosting: {
    http: { method: 'POST', path: 'staff/candidates', status: 201, etag: true },
    access: STAFF_PEOPLE_MANAGERS,
    errors: [
      'STAFF.POSTING_NOT_FOUND',
      'STAFF.NAME_REJECTED',
      'STAFF.PHONE_REJECTED',
      'STAFF.ID_NUMBER_REJECTED',
      'STAFF.DRIVING_YEARS_OUT_OF_RANGE',
    ],
    personalData: true,
    summary: 'A candidate applies to a posting (name, phone, ID number sealed with the candidate’s own key)',
  },
  RecordRecruitmentStep: {
    http: {
      method: 'POST',
      path: 'staff/candidates/:id/steps',
      status: 200,
      ...STAFF_ID,
      etag: true,
      ifMatch: true,
    },
    access: STAFF_PEOPLE_MANAGERS,
    errors: [
      ...IN_PIPELINE,
      ...STEP_EXPECTED,
      'STAFF.HIRE_EXPECTED',
      'STAFF.DETAIL_OF_ANOTHER_STEP',
      'STAFF.REASON_REJECTED',
      'STAFF.STEP_RESULT_MISSING',
      'STAFF.REJECTION_REASON_MISSING',
      'STAFF.INTERVIEW_MODE_MISSING',
      'STAFF.RATING_OUT_OF_RANGE',
      'STAFF.PRACTICAL_TEST_MISSING',
      'STAFF.SCORE_OUT_OF_RANGE',
    ],
    personalData: true,
    summary:
      'Record the next step: screening (against the posting’s criteria), interview, practical test, onboarding ' +
      'training, exam; passed, or rejected with a reason. A step out of order is refused with the code of the step due',
  },
  HireCandidate: {
    http: {
      method: 'POST',
      path: 'staff/candidates/:id/hire',
      status: 201,
      ...STAFF_ID,
      etag: true,
      ifMatch: true,
    },
    access: STAFF_PEOPLE_MANAGERS,
    errors: [...IN_PIPELINE, ...STEP_EXPECTED, ...PAY_TERMS, 'STAFF.USERNAME_REJECTED'],
    personalData: true,
    summary:
      'Hire a candidate who passed the exam (else refused with the code of the step due): creates the staff member with ' +
      'role, branch, line and pay terms; `login` asks tenancy for their user (If-Match: the candidate’s version)',
  },
  EraseCandidate: {
    http: {
      method: 'POST',
      path: 'staff/candidates/:id/erase',
      status: 200,
      ...STAFF_ID,
      etag: true,
      ifMatch: true,
    },
    access: STAFF_DATA_ERASERS,
    errors: ['STAFF.CANDIDATE_NOT_FOUND'],
    personalData: true,
    summary:
      'Erase a candidate’s personal data for good (their data key is destroyed); a rejected candidate’s is erased ' +
      'by itself 180 days after the rejection',
  },
  GetCandidate: {
    http: {
      method: 'GET',
      path: 'staff/candidates/:id',
      status: 200,
      ...STAFF_ID,
      etag: true,
      purpose: true,
    },
    access: STAFF_PEOPLE_READERS,
    errors: ['STAFF.CANDIDATE_NOT_FOUND'],
    personalData: true,
    summary: 'A candidate and their steps, now or as it was at `asOf` (personal data masked by role)',
  },
  GetCandidateHistory: {
    http: { method: 'GET', path: 'staff/candidates/:id/history', status: 200, ...STAFF_ID },
    access: STAFF_PEOPLE_READERS,
    errors: ['STAFF.CANDIDATE_NOT_FOUND'],
    summary: 'What happened to a candidate: who, when, on whose behalf, which fields',
  },
  ListStaff: {
    http: { method: 'GET', path: 'staff', status: 200, purpose: true },
    access: STAFF_PEOPLE_READERS,
    errors: [],
    personalData: true,
    summary:
      'List staff members, newest first, a page at a time (by role, branch, line); personal data masked by role',
  },
  ChangePayTerms: {
    http: {
      method: 'POST',
      path: 'staff/:id/pay-terms',
      status: 200,
      ...STAFF_ID,
      etag: true,
      ifMatch: true,
    },
    access: STAFF_PEOPLE_MANAGERS,
    errors: [...LIVE_MEMBER, ...PAY_TERMS],
    personalData: true,
    summary: 'Change a staff member’s pay terms (daily pay in integer minor units and a currency)',
  },
  ChangeStaffRole: {
    http: {
      method: 'POST',
      path: 'staff/:id/role',
      status: 200,
      ...STAFF_ID,
      etag: true,
      ifMatch: true,
    },
    access: STAFF_PEOPLE_MANAGERS,
    errors: [...LIVE_MEMBER, 'STAFF.STAFF_MEMBER_LEFT', 'STAFF.ROLE_CHANGE_NOT_DECIDED'],
    personalData: true,
    summary:
      'Give a staff member another role (published as StaffRoleChanged: tenancy’s login and orders’ skill follow); ' +
      '`assessmentPeriod` names the assessment whose `role_change` outcome it carries out (422 when it decided none)',
  },
  SetStaffSkills: {
    http: {
      method: 'PUT',
      path: 'staff/:id/skills',
      status: 200,
      ...STAFF_ID,
      etag: true,
      ifMatch: true,
    },
    access: STAFF_PEOPLE_MANAGERS,
    errors: [...LIVE_MEMBER, 'STAFF.STAFF_MEMBER_LEFT', 'STAFF.SKILL_KIND_UNKNOWN'],
    personalData: true,
    summary:
      'Record the request kinds a staff member is skilled for, replacing the list before (published as ' +
      'StaffSkillsSet: orders dispatches by it when it names any kind, else by the role; empty clears it)',
  },
  GetStaffMember: {
    http: { method: 'GET', path: 'staff/:id', status: 200, ...STAFF_ID, etag: true, purpose: true },
    access: STAFF_PEOPLE_READERS,
    errors: ['STAFF.STAFF_MEMBER_NOT_FOUND'],
    personalData: true,
    summary: 'A staff member, now or as they were at `asOf` (personal data masked by role)',
  },
  GetStaffMemberHistory: {
    http: { method: 'GET', path: 'staff/:id/history', status: 200, ...STAFF_ID },
    access: STAFF_PEOPLE_READERS,
    errors: ['STAFF.STAFF_MEMBER_NOT_FOUND'],
    summary: 'What happened to a staff member’s file: who, when, on whose behalf, which fields',
  },
  EraseStaffMember: {
    http: {
      method: 'POST',
      path: 'staff/:id/erase',
      status: 200,
      ...STAFF_ID,
      etag: true,
      ifMatch: true,
    },
    access: STAFF_DATA_ERASERS,
    errors: [
      ...LIVE_MEMBER,
      'STAFF.STILL_EMPLOYED',
      'STAFF.HANDOVER_INCOMPLETE',
      'STAFF.LAST_DAY_NOT_REACHED',
    ],
    personalData: true,
    summary:
      'Erase a leaver’s personal data for good (their data key and their application’s are destroyed): only once ' +
      'they resigned or were dismissed, the handover is complete and the last day has come (else 422 naming ' +
      'which), and once. Erased by itself when the policy’s retention after the last day is over (730 days by ' +
      'default)',
  },
  RecordQualification: {
    http: {
      method: 'POST',
      path: 'staff/:id/qualifications',
      status: 200,
      ...STAFF_ID,
      etag: true,
      ifMatch: true,
    },
    access: STAFF_PEOPLE_MANAGERS,
    errors: [
      ...LIVE_MEMBER,
      'STAFF.QUALIFICATION_KIND_REJECTED',
      'STAFF.QUALIFICATION_NUMBER_REJECTED',
      'STAFF.QUALIFICATION_EXISTS',
      'STAFF.QUALIFICATION_ISSUED_IN_FUTURE',
      'STAFF.QUALIFICATION_EXPIRY_NOT_AFTER_ISSUE',
      'STAFF.QUALIFICATION_ALREADY_EXPIRED',
      'STAFF.REVERIFICATION_NOT_AHEAD',
    ],
    personalData: true,
    summary:
      'Record a qualification (driving licence, service qualification or a tenant’s own kind): number, issued, ' +
      'expiry, re-verification due; reminder and expiry follow by durable timer',
  },
  SuspendQualification: {
    http: {
      method: 'POST',
      path: 'staff/:id/qualifications/:qualificationId/suspend',
      status: 200,
      ...ON_QUALIFICATION,
    },
    access: STAFF_PEOPLE_MANAGERS,
    errors: [
      'STAFF.QUALIFICATION_NOT_FOUND',
      'STAFF.QUALIFICATION_NOT_SUSPENDABLE',
      'STAFF.REASON_REJECTED',
      'STAFF.PERSON_ERASED',
    ],
    personalData: true,
    summary: 'Suspend a qualification: its holder is not assignable while it lasts',
  },
  ReinstateQualification: {
    http: {
      method: 'POST',
      path: 'staff/:id/qualifications/:qualificationId/reinstate',
      status: 200,
      ...ON_QUALIFICATION,
    },
    access: STAFF_PEOPLE_MANAGERS,
    errors: ['STAFF.QUALIFICATION_NOT_FOUND', 'STAFF.QUALIFICATION_NOT_SUSPENDED'],
    personalData: true,
    summary: 'Reinstate a suspended qualification',
  },
  ReverifyQualification: {
    http: {
      method: 'POST',
      path: 'staff/:id/qualifications/:qualificationId/reverify',
      status: 200,
      ...ON_QUALIFICATION,
    },
    access: STAFF_PEOPLE_MANAGERS,
    errors: [
      'STAFF.QUALIFICATION_NOT_FOUND',
      'STAFF.QUALIFICATION_EXPIRED',
      'STAFF.REVERIFICATION_NOT_AHEAD',
    ],
    personalData: true,
    summary: 'Record a periodic re-verification, and when the next one is due',
  },
  GetQualifications: {
    http: {
      method: 'GET',
      path: 'staff/:id/qualifications',
      status: 200,
      ...STAFF_ID,
      etag: true,
      purpose: true,
    },
    access: STAFF_PEOPLE_READERS,
    errors: ['STAFF.STAFF_MEMBER_NOT_FOUND'],
    personalData: true,
    summary: 'A staff member’s qualifications and current eligibility, now or as they were at `asOf`',
  },
  GetQualificationsHistory: {
    http: { method: 'GET', path: 'staff/:id/qualifications/history', status: 200, ...STAFF_ID },
    access: STAFF_PEOPLE_READERS,
    errors: ['STAFF.STAFF_MEMBER_NOT_FOUND'],
    summary: 'What happened to a staff member’s qualifications and eligibility: who, when, which fields',
  },
  GetEligibility: {
    http: { method: 'GET', path: 'staff/:id/eligibility', status: 200, ...STAFF_ID },
    access: STAFF_PEOPLE_READERS,
    errors: ['STAFF.STAFF_MEMBER_NOT_FOUND'],
    summary: 'Whether the staff member was assignable at `at` (default now), from the history of eligibility',
  },
  ResignStaffMember: {
    http: { method: 'POST', path: 'staff/:id/resign', status: 200, ...STAFF_ID, etag: true, ifMatch: true },
    access: STAFF_PEOPLE_MANAGERS,
    errors: ['STAFF.STAFF_MEMBER_NOT_FOUND', 'STAFF.SEPARATION_EXISTS', 'STAFF.REASON_REJECTED'],
    summary: 'Record a resignation: the last day is today plus the policy’s notice days (30 by default)',
  },
  DismissStaffMember: {
    http: { method: 'POST', path: 'staff/:id/dismiss', status: 200, ...STAFF_ID, etag: true, ifMatch: true },
    access: STAFF_PEOPLE_MANAGERS,
    errors: [
      'STAFF.STAFF_MEMBER_NOT_FOUND',
      'STAFF.SEPARATION_EXISTS',
      'STAFF.REASON_REJECTED',
      'STAFF.DISMISSAL_REASON_MISSING',
    ],
    summary: 'Dismiss a staff member (with the reason); the handover checklist follows',
  },
  TickHandoverItem: {
    http: { method: 'POST', path: 'staff/:id/handover', status: 200, ...STAFF_ID, etag: true, ifMatch: true },
    access: STAFF_PEOPLE_MANAGERS,
    errors: ['STAFF.STAFF_MEMBER_NOT_FOUND', 'STAFF.NOT_SEPARATING', 'STAFF.NOTE_REJECTED'],
    summary:
      'Tick a handover item (customers, open orders, materials, borrowed tools); the last one publishes ' +
      'FinalSettlementRequested, never before',
  },
  GetSeparation: {
    http: { method: 'GET', path: 'staff/:id/separation', status: 200, ...STAFF_ID, etag: true },
    access: STAFF_PEOPLE_READERS,
    errors: ['STAFF.STAFF_MEMBER_NOT_FOUND'],
    summary: 'A staff member’s separation and handover checklist',
  },
  GetPeoplePolicy: {
    http: { method: 'GET', path: 'policies/staff-people', status: 200, etag: true },
    access: STAFF_PEOPLE_READERS,
    errors: [],
    summary:
      'Your people policy: days of reminder before a qualification expires, days of notice, days a leaver’s ' +
      'personal data is kept after their last day (30, 30 and 730 by default)',
  },
  ChangePeoplePolicy: {
    http: { method: 'PUT', path: 'policies/staff-people', status: 200, etag: true, ifMatch: true },
    access: ADMIN,
    errors: ['STAFF.PEOPLE_POLICY_OUT_OF_RANGE'],
    summary: 'Replace the people policy (If-Match: its version); decisions from now on apply it',
  },
  // ---- conduct (issue 13 items 2, 4, 5, 6): violations, rewards, training, assessment, attendance ----
  RecordViolation: {
    http: {
      method: 'POST',
      path: 'staff-discipline/:staffId/violations',
      status: 201,
      uuidParams: ['staffId'],
      etag: true,
    },
    access: STAFF_CONDUCT_MANAGERS,
    errors: [
      'STAFF.STAFF_MEMBER_NOT_FOUND',
      'STAFF.INVALID_TEXT',
      'STAFF.UNKNOWN_CONDUCT_RULE',
      'STAFF.RULE_NOT_IN_LINE_PACK',
      'STAFF.VIOLATION_IN_FUTURE',
      'STAFF.QUANTITY_OUT_OF_RANGE',
      'STAFF.QUANTITY_NOT_PER_UNIT',
      'STAFF.LOSS_NOT_CHARGEABLE',
      'STAFF.LOSS_NOT_POSITIVE',
      'STAFF.FINE_CURRENCY_MISMATCH',
      'STAFF.FINE_NOT_AS_RULE',
      'STAFF.FINE_AMOUNT_REQUIRED',
      'STAFF.FINE_OUT_OF_RANGE',
      'STAFF.DAILY_PAY_UNKNOWN',
      'STAFF.PERSON_ERASED',
    ],
    summary:
      'Record a violation of a conduct rule: the fine follows the rules in force (a range: the approver picks within it), repeats climb the rule’s ladder',
  },
  DecideAppeal: {
    http: {
      method: 'POST',
      path: 'staff-discipline/:staffId/violations/:violationId/decide-appeal',
      status: 200,
      uuidParams: ['staffId', 'violationId'],
      etag: true,
      ifMatch: true,
    },
    access: STAFF_CONDUCT_MANAGERS,
    errors: [
      'STAFF.VIOLATION_NOT_FOUND',
      'STAFF.APPEAL_ALREADY_DECIDED',
      'STAFF.INVALID_TEXT',
      'STAFF.PERSON_ERASED',
    ],
    summary:
      'Decide an appeal against a violation: upheld, or overturned (its fine cancelled), with a reason',
  },
  GrantReward: {
    http: {
      method: 'POST',
      path: 'staff-discipline/:staffId/rewards',
      status: 201,
      uuidParams: ['staffId'],
      etag: true,
    },
    access: STAFF_CONDUCT_MANAGERS,
    errors: [
      'STAFF.STAFF_MEMBER_NOT_FOUND',
      'STAFF.REWARD_NOT_POSITIVE',
      'STAFF.INVALID_TEXT',
      'STAFF.PERSON_ERASED',
    ],
    summary: 'Grant a reward (bonus) to a staff member, published for the staff settlement',
  },
  GetDisciplineRecord: {
    http: {
      method: 'GET',
      path: 'staff-discipline/:staffId',
      status: 200,
      uuidParams: ['staffId'],
      etag: true,
    },
    access: STAFF_CONDUCT_READERS,
    errors: ['STAFF.DISCIPLINE_RECORD_NOT_FOUND'],
    summary: 'A staff member’s conduct register: violations (rule, fine, offence, appeal) and rewards',
  },
  GetConductRules: {
    http: { method: 'GET', path: 'policies/conduct-rules', status: 200, etag: true },
    access: STAFF_CONDUCT_READERS,
    errors: [],
    summary:
      'The conduct rules in force, each citing its source (version 0: the default pack per business line)',
  },
  ScheduleTrainingSession: {
    http: { method: 'POST', path: 'training-sessions', status: 201, etag: true, location: true },
    access: STAFF_CONDUCT_MANAGERS,
    errors: [
      'STAFF.UNKNOWN_TRAINING_KIND',
      'STAFF.INVALID_TEXT',
      'STAFF.TRAINING_ENDS_BEFORE_START',
      'STAFF.TRAINING_STARTS_IN_PAST',
      'STAFF.TRAINING_WITHOUT_INVITEES',
      'STAFF.COACHING_IS_ONE_TO_ONE',
      'STAFF.TRAINER_REQUIRED',
      'STAFF.TRAINER_AMONG_INVITEES',
      'STAFF.STAFF_MEMBER_NOT_FOUND',
    ],
    summary:
      'Schedule a training session and invite staff; a mandatory session missed becomes a violation at its end',
  },
  RecordTrainingAttendance: {
    http: {
      method: 'POST',
      path: 'training-sessions/:id/attendance',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: STAFF_CONDUCT_MANAGERS,
    errors: [
      'STAFF.TRAINING_SESSION_NOT_FOUND',
      'STAFF.TRAINING_SESSION_CLOSED',
      'STAFF.NOT_INVITED',
      'STAFF.TRAINING_NOT_STARTED',
      'STAFF.ATTENDANCE_ALREADY_RECORDED',
      'STAFF.TRAINING_SCORE_OUT_OF_RANGE',
    ],
    summary: 'Record that an invitee attended a session, with their result',
  },
  GetTrainingSession: {
    http: { method: 'GET', path: 'training-sessions/:id', status: 200, uuidParams: ['id'], etag: true },
    access: STAFF_CONDUCT_READERS,
    errors: ['STAFF.TRAINING_SESSION_NOT_FOUND'],
    summary: 'A training session: its invitees, who attended, who missed it',
  },
  GetAssessmentPolicy: {
    http: { method: 'GET', path: 'policies/assessment', status: 200, etag: true },
    access: STAFF_CONDUCT_READERS,
    errors: [],
    summary: 'The assessment policy in force: KPI weights and grade bounds (version 0: the defaults)',
  },
  ChangeAssessmentPolicy: {
    http: { method: 'PUT', path: 'policies/assessment', status: 200, etag: true, ifMatch: true },
    access: ADMIN,
    errors: ['STAFF.ASSESSMENT_POLICY_REFUSED'],
    summary:
      'Adopt new KPI weights and grade bounds (If-Match: the policy’s version); assessments from now on apply them',
  },
  PreviewAssessment: {
    http: { method: 'POST', path: 'staff-assessments/preview', status: 200 },
    access: STAFF_CONDUCT_READERS,
    errors: ['STAFF.INVALID_ASSESSMENT_PERIOD', 'STAFF.ASSESSMENT_POLICY_REFUSED'],
    summary:
      'What a period’s scores, ranking and grades would be under proposed weights: nothing is adopted or written',
  },
  AssessPeriod: {
    http: { method: 'POST', path: 'staff-assessments', status: 201 },
    access: STAFF_CONDUCT_MANAGERS,
    errors: ['STAFF.INVALID_ASSESSMENT_PERIOD', 'STAFF.ASSESSMENT_PERIOD_NOT_OVER'],
    summary:
      'Assess a past month or year under the policy in force: a new versioned result, each outcome an event',
  },
  GetAssessment: {
    http: {
      method: 'GET',
      path: 'staff-assessments/:period',
      status: 200,
      ruleParams: { period: STAFF_FIELDS.assessmentPeriod },
    },
    access: STAFF_CONDUCT_READERS,
    errors: ['STAFF.INVALID_ASSESSMENT_PERIOD', 'STAFF.ASSESSMENT_NOT_FOUND'],
    summary:
      'A period’s assessment as it was recorded: the latest result, or `version` (an earlier re-scoring); 404 when none',
  },
  ListAssessments: {
    http: { method: 'GET', path: 'staff-assessments', status: 200 },
    access: STAFF_CONDUCT_READERS,
    errors: [],
    summary:
      'Recorded assessment results, newest first, a page at a time (every version; `period` for one period’s)',
  },
  ChangeConductRules: {
    http: { method: 'PUT', path: 'policies/conduct-rules', status: 200, etag: true, ifMatch: true },
    access: ADMIN,
    errors: ['STAFF.CONDUCT_RULES_REFUSED'],
    summary:
      'Replace the conduct rules (If-Match: their version): the next version, which decisions from now on apply and record',
  },
  ScheduleShift: {
    http: { method: 'POST', path: 'shifts', status: 201, etag: true, location: true },
    access: STAFF_CONDUCT_MANAGERS,
    errors: [
      'STAFF.STAFF_MEMBER_NOT_FOUND',
      'STAFF.INVALID_TEXT',
      'STAFF.SHIFT_ENDS_BEFORE_START',
      'STAFF.SHIFT_TOO_LONG',
    ],
    summary:
      'Schedule a shift for a staff member; at its end, no clock-in is an absence (unless on approved leave)',
  },
  ClockIn: {
    http: {
      method: 'POST',
      path: 'shifts/:id/clock-in',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: ANY_ROLE,
    errors: [
      'STAFF.SHIFT_NOT_FOUND',
      'STAFF.CLOCKING_FORBIDDEN',
      'STAFF.SHIFT_CANCELLED',
      'STAFF.SHIFT_CLOSED',
      'STAFF.ALREADY_CLOCKED_IN',
      'STAFF.CLOCK_IN_TOO_EARLY',
    ],
    summary:
      'Clock in to a shift: late past the lateness threshold, early 10 minutes before the start (the norm). ' +
      'Only the staff member on the shift (their own login) or a supervisor: anyone else is refused (403)',
  },
  ClockOut: {
    http: {
      method: 'POST',
      path: 'shifts/:id/clock-out',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: ANY_ROLE,
    errors: [
      'STAFF.SHIFT_NOT_FOUND',
      'STAFF.CLOCKING_FORBIDDEN',
      'STAFF.SHIFT_CANCELLED',
      'STAFF.NOT_CLOCKED_IN',
      'STAFF.ALREADY_CLOCKED_OUT',
    ],
    summary:
      'Clock out of a shift: before its end is leaving early. Only the staff member on the shift (their own ' +
      'login) or a supervisor: anyone else is refused (403)',
  },
  CancelShift: {
    http: {
      method: 'POST',
      path: 'shifts/:id/cancel',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: STAFF_CONDUCT_MANAGERS,
    errors: [
      'STAFF.SHIFT_NOT_FOUND',
      'STAFF.SHIFT_CLOSED',
      'STAFF.ALREADY_CLOCKED_IN',
      'STAFF.SHIFT_STARTED',
      'STAFF.INVALID_TEXT',
      'STAFF.PERSON_ERASED',
    ],
    summary:
      'Cancel a shift before its start and before any clock-in: ' +
      'its working slot is withdrawn from dispatch; the reason is sealed',
  },
  GetShift: {
    http: { method: 'GET', path: 'shifts/:id', status: 200, uuidParams: ['id'], etag: true },
    access: STAFF_CONDUCT_READERS,
    errors: ['STAFF.SHIFT_NOT_FOUND'],
    summary: 'A shift: clock-in and -out, late / early, and once over its outcome',
  },
  RequestLeave: {
    http: {
      method: 'POST',
      path: 'staff-leave/:staffId/requests',
      status: 201,
      uuidParams: ['staffId'],
      etag: true,
    },
    access: ANY_ROLE,
    errors: [
      'STAFF.STAFF_MEMBER_NOT_FOUND',
      'STAFF.INVALID_TEXT',
      'STAFF.LEAVE_ENDS_BEFORE_START',
      'STAFF.PERSON_ERASED',
    ],
    summary: 'Request leave for a staff member (approved leave covering a shift is not an absence)',
  },
  DecideLeave: {
    http: {
      method: 'POST',
      path: 'staff-leave/:staffId/requests/:leaveId/decide',
      status: 200,
      uuidParams: ['staffId', 'leaveId'],
      etag: true,
      ifMatch: true,
    },
    access: STAFF_CONDUCT_MANAGERS,
    errors: [
      'STAFF.LEAVE_REQUEST_NOT_FOUND',
      'STAFF.LEAVE_ALREADY_DECIDED',
      'STAFF.INVALID_TEXT',
      'STAFF.PERSON_ERASED',
    ],
    summary: 'Approve or reject a leave request, with a reason',
  },
  GetLeaveRecord: {
    http: { method: 'GET', path: 'staff-leave/:staffId', status: 200, uuidParams: ['staffId'], etag: true },
    access: STAFF_CONDUCT_READERS,
    errors: ['STAFF.LEAVE_REQUEST_NOT_FOUND'],
    summary: 'A staff member’s leave requests and their decisions',
  },
  CancelLeave: {
    http: {
      method: 'POST',
      path: 'staff-leave/:staffId/requests/:leaveId/cancel',
      status: 200,
      uuidParams: ['staffId', 'leaveId'],
      etag: true,
      ifMatch: true,
    },
    access: STAFF_CONDUCT_MANAGERS,
    errors: [
      'STAFF.LEAVE_REQUEST_NOT_FOUND',
      'STAFF.LEAVE_ALREADY_DECIDED',
      'STAFF.LEAVE_OVER',
      'STAFF.INVALID_TEXT',
      'STAFF.PERSON_ERASED',
    ],
    summary:
      'Withdraw a leave request or cancel an approved leave before it ends, with a reason (dispatch sees the person available again)',
  },
  ListViolations: {
    http: { method: 'GET', path: 'staff-violations', status: 200 },
    access: STAFF_CONDUCT_READERS,
    errors: [],
    summary: 'The tenant’s violations, newest recorded first, a page at a time; by staff member and rule',
  },
  InviteToTrainingSession: {
    http: {
      method: 'POST',
      path: 'training-sessions/:id/invitations',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      ifMatch: true,
    },
    access: STAFF_CONDUCT_MANAGERS,
    errors: [
      'STAFF.TRAINING_SESSION_NOT_FOUND',
      'STAFF.TRAINING_SESSION_OVER',
      'STAFF.COACHING_IS_ONE_TO_ONE',
      'STAFF.TRAINER_AMONG_INVITEES',
      'STAFF.STAFF_MEMBER_NOT_FOUND',
    ],
    summary: 'Invite more staff to a session that has not ended (those invited already are left as they are)',
  },
  GetAttendancePolicy: {
    http: { method: 'GET', path: 'policies/attendance', status: 200, etag: true },
    access: STAFF_CONDUCT_READERS,
    errors: [],
    summary: 'The attendance policy in force: minutes after a shift’s start a clock-in is still on time',
  },
  ChangeAttendancePolicy: {
    http: { method: 'PUT', path: 'policies/attendance', status: 200, etag: true, ifMatch: true },
    access: ADMIN,
    errors: ['STAFF.ATTENDANCE_POLICY_REFUSED'],
    summary: 'Change the lateness threshold (If-Match: the policy’s version); clock-ins from now on apply it',
  },
} as const satisfies Record<string, Declaration>;
