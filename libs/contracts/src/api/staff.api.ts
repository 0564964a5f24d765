import type { Declaration } from './declaration';
import { ADMIN, ANY_ROLE, STAFF_CONDUCT_MANAGERS, STAFF_CONDUCT_READERS } from './access';

/** The staff service's methods: gRPC name → REST route, roles, summary. */
export const STAFF_API = {
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
      'Clock in to a shift: late past the lateness threshold, early 10 minutes before the start (the norm)',
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
    summary: 'Clock out of a shift: before its end is leaving early',
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
