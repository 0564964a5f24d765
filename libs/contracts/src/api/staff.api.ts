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

/** The staff service's methods: gRPC name → REST route, roles, summary. */
export const STAFF_API = {
  // ---- people (issue 13 items 1, 3, 8, 9): recruitment, the staff file, qualifications, separation ----
  OpenPosting: {
    http: { method: 'POST', path: 'staff/postings', status: 201, etag: true },
    access: STAFF_PEOPLE_MANAGERS,
    summary:
      'Open a job posting: role, branch, business line, criteria (driving years, education, clean record)',
  },
  GetPosting: {
    http: { method: 'GET', path: 'staff/postings/:id', status: 200, ...STAFF_ID, etag: true },
    access: STAFF_PEOPLE_READERS,
    summary: 'A job posting',
  },
  ListCandidates: {
    http: { method: 'GET', path: 'staff/candidates', status: 200, purpose: true },
    access: STAFF_PEOPLE_READERS,
    personalData: true,
    summary:
      'List candidates, newest first, a page at a time (by status, posting); personal data masked by role',
  },
  ApplyForPosting: {
    http: { method: 'POST', path: 'staff/candidates', status: 201, etag: true },
    access: STAFF_PEOPLE_MANAGERS,
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
    personalData: true,
    summary:
      'Record the next step: screening (against the posting’s criteria), interview, practical test, onboarding ' +
      'training, exam; passed, or rejected with a reason. A step out of order: 422 STAFF.<STEP>_EXPECTED',
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
    personalData: true,
    summary:
      'Hire a candidate who passed the exam (else 422 STAFF.<STEP>_EXPECTED): creates the staff member with ' +
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
    personalData: true,
    summary: 'A candidate and their steps, now or as it was at `asOf` (personal data masked by role)',
  },
  GetCandidateHistory: {
    http: { method: 'GET', path: 'staff/candidates/:id/history', status: 200, ...STAFF_ID },
    access: STAFF_PEOPLE_READERS,
    summary: 'What happened to a candidate: who, when, on whose behalf, which fields',
  },
  ListStaff: {
    http: { method: 'GET', path: 'staff', status: 200, purpose: true },
    access: STAFF_PEOPLE_READERS,
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
    personalData: true,
    summary: 'Change a staff member’s pay terms (daily pay in integer minor units and a currency)',
  },
  GetStaffMember: {
    http: { method: 'GET', path: 'staff/:id', status: 200, ...STAFF_ID, etag: true, purpose: true },
    access: STAFF_PEOPLE_READERS,
    personalData: true,
    summary: 'A staff member, now or as they were at `asOf` (personal data masked by role)',
  },
  GetStaffMemberHistory: {
    http: { method: 'GET', path: 'staff/:id/history', status: 200, ...STAFF_ID },
    access: STAFF_PEOPLE_READERS,
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
    personalData: true,
    summary:
      'Erase a leaver’s personal data for good (their data key and their application’s are destroyed): only once ' +
      'they resigned or were dismissed, the handover is complete and the last day has come (else 422 ' +
      'STAFF.STILL_EMPLOYED, STAFF.HANDOVER_INCOMPLETE, STAFF.LAST_DAY_NOT_REACHED); again: 422 ' +
      'STAFF.STAFF_MEMBER_ERASED. Erased by itself when the policy’s retention after the last day is over (730 ' +
      'days by default)',
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
    personalData: true,
    summary: 'A staff member’s qualifications and current eligibility, now or as they were at `asOf`',
  },
  GetQualificationsHistory: {
    http: { method: 'GET', path: 'staff/:id/qualifications/history', status: 200, ...STAFF_ID },
    access: STAFF_PEOPLE_READERS,
    summary: 'What happened to a staff member’s qualifications and eligibility: who, when, which fields',
  },
  GetEligibility: {
    http: { method: 'GET', path: 'staff/:id/eligibility', status: 200, ...STAFF_ID },
    access: STAFF_PEOPLE_READERS,
    summary: 'Whether the staff member was assignable at `at` (default now), from the history of eligibility',
  },
  ResignStaffMember: {
    http: { method: 'POST', path: 'staff/:id/resign', status: 200, ...STAFF_ID, etag: true, ifMatch: true },
    access: STAFF_PEOPLE_MANAGERS,
    summary: 'Record a resignation: the last day is today plus the policy’s notice days (30 by default)',
  },
  DismissStaffMember: {
    http: { method: 'POST', path: 'staff/:id/dismiss', status: 200, ...STAFF_ID, etag: true, ifMatch: true },
    access: STAFF_PEOPLE_MANAGERS,
    summary: 'Dismiss a staff member (with the reason); the handover checklist follows',
  },
  TickHandoverItem: {
    http: { method: 'POST', path: 'staff/:id/handover', status: 200, ...STAFF_ID, etag: true, ifMatch: true },
    access: STAFF_PEOPLE_MANAGERS,
    summary:
      'Tick a handover item (customers, open orders, materials, borrowed tools); the last one publishes ' +
      'FinalSettlementRequested, never before',
  },
  GetSeparation: {
    http: { method: 'GET', path: 'staff/:id/separation', status: 200, ...STAFF_ID, etag: true },
    access: STAFF_PEOPLE_READERS,
    summary: 'A staff member’s separation and handover checklist',
  },
  GetPeoplePolicy: {
    http: { method: 'GET', path: 'policies/staff-people', status: 200, etag: true },
    access: STAFF_PEOPLE_READERS,
    summary:
      'Your people policy: days of reminder before a qualification expires, days of notice, days a leaver’s ' +
      'personal data is kept after their last day (30, 30 and 730 by default)',
  },
  ChangePeoplePolicy: {
    http: { method: 'PUT', path: 'policies/staff-people', status: 200, etag: true, ifMatch: true },
    access: ADMIN,
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
    summary:
      'Record a violation of a conduct rule: the fine follows the rules in force (a range: the approver picks within it; 422 STAFF.FINE_OUT_OF_RANGE outside), repeats climb the rule’s ladder',
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
    summary: 'A staff member’s conduct register: violations (rule, fine, offence, appeal) and rewards',
  },
  GetConductRules: {
    http: { method: 'GET', path: 'policies/conduct-rules', status: 200, etag: true },
    access: STAFF_CONDUCT_READERS,
    summary:
      'The conduct rules in force, each citing its source (version 0: the default pack per business line)',
  },
  ScheduleTrainingSession: {
    http: { method: 'POST', path: 'training-sessions', status: 201, etag: true, location: true },
    access: STAFF_CONDUCT_MANAGERS,
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
    summary: 'Record that an invitee attended a session, with their result',
  },
  GetTrainingSession: {
    http: { method: 'GET', path: 'training-sessions/:id', status: 200, uuidParams: ['id'], etag: true },
    access: STAFF_CONDUCT_READERS,
    summary: 'A training session: its invitees, who attended, who missed it',
  },
  GetAssessmentPolicy: {
    http: { method: 'GET', path: 'policies/assessment', status: 200, etag: true },
    access: STAFF_CONDUCT_READERS,
    summary: 'The assessment policy in force: KPI weights and grade bounds (version 0: the defaults)',
  },
  ChangeAssessmentPolicy: {
    http: { method: 'PUT', path: 'policies/assessment', status: 200, etag: true, ifMatch: true },
    access: ADMIN,
    summary:
      'Adopt new KPI weights and grade bounds (If-Match: the policy’s version); assessments from now on apply them',
  },
  PreviewAssessment: {
    http: { method: 'POST', path: 'staff-assessments/preview', status: 200 },
    access: STAFF_CONDUCT_READERS,
    summary:
      'What a period’s scores, ranking and grades would be under proposed weights: nothing is adopted or written',
  },
  AssessPeriod: {
    http: { method: 'POST', path: 'staff-assessments', status: 201 },
    access: STAFF_CONDUCT_MANAGERS,
    summary:
      'Assess a past month or year under the policy in force: a new versioned result, each outcome an event',
  },
  ChangeConductRules: {
    http: { method: 'PUT', path: 'policies/conduct-rules', status: 200, etag: true, ifMatch: true },
    access: ADMIN,
    summary:
      'Replace the conduct rules (If-Match: their version): the next version, which decisions from now on apply and record',
  },
  ScheduleShift: {
    http: { method: 'POST', path: 'shifts', status: 201, etag: true, location: true },
    access: STAFF_CONDUCT_MANAGERS,
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
    summary:
      'Clock in to a shift: late past the lateness threshold, early 10 minutes before the start (the norm). ' +
      'Only the staff member on the shift (their own login) or a supervisor: anyone else 403 STAFF.CLOCKING_FORBIDDEN',
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
    summary:
      'Clock out of a shift: before its end is leaving early. Only the staff member on the shift (their own ' +
      'login) or a supervisor: anyone else 403 STAFF.CLOCKING_FORBIDDEN',
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
    summary:
      'Cancel a shift before its start and before any clock-in (422 STAFF.SHIFT_STARTED / STAFF.ALREADY_CLOCKED_IN): ' +
      'its working slot is withdrawn from dispatch; the reason is sealed',
  },
  GetShift: {
    http: { method: 'GET', path: 'shifts/:id', status: 200, uuidParams: ['id'], etag: true },
    access: STAFF_CONDUCT_READERS,
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
    summary: 'Approve or reject a leave request, with a reason',
  },
  GetLeaveRecord: {
    http: { method: 'GET', path: 'staff-leave/:staffId', status: 200, uuidParams: ['staffId'], etag: true },
    access: STAFF_CONDUCT_READERS,
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
    summary:
      'Withdraw a leave request or cancel an approved leave before it ends, with a reason (dispatch sees the person available again)',
  },
  ListViolations: {
    http: { method: 'GET', path: 'staff-violations', status: 200 },
    access: STAFF_CONDUCT_READERS,
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
    summary: 'Invite more staff to a session that has not ended (those invited already are left as they are)',
  },
  GetAttendancePolicy: {
    http: { method: 'GET', path: 'policies/attendance', status: 200, etag: true },
    access: STAFF_CONDUCT_READERS,
    summary: 'The attendance policy in force: minutes after a shift’s start a clock-in is still on time',
  },
  ChangeAttendancePolicy: {
    http: { method: 'PUT', path: 'policies/attendance', status: 200, etag: true, ifMatch: true },
    access: ADMIN,
    summary: 'Change the lateness threshold (If-Match: the policy’s version); clock-ins from now on apply it',
  },
} as const satisfies Record<string, Declaration>;
