import type { Declaration } from './declaration';
import { ADMIN, STAFF_DATA_ERASERS, STAFF_PEOPLE_MANAGERS, STAFF_PEOPLE_READERS } from './access';

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
      'Your people policy: days of reminder before a qualification expires, days of notice (30 and 30 by default)',
  },
  ChangePeoplePolicy: {
    http: { method: 'PUT', path: 'policies/staff-people', status: 200, etag: true, ifMatch: true },
    access: ADMIN,
    summary: 'Replace the people policy (If-Match: its version); decisions from now on apply it',
  },
} as const satisfies Record<string, Declaration>;
