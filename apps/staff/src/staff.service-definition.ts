import type { Type } from '@nestjs/common';
import { GRPC_SERVICES, staffConfigSpec, PROTO_LOADER_OPTIONS } from '@serviceops/contracts';
import { eventsTopic } from '@serviceops/messaging';
import {
  DurableTimers,
  durableTimersProviders,
  EventSourcingRuntime,
  PersonalDataCipher,
  TenantZones1764900000001,
  type ServiceDefinition,
} from '@serviceops/platform';
import { AssessmentHandlers } from './application/assessments';
import { AttendanceHandlers, SHIFT_END_TIMER } from './application/attendance.handlers';
import { ConductRulesPolicy, ConductRulesQueries } from './application/conduct-rules';
import { DisciplineHandlers } from './application/discipline.handlers';
import { MemberErasureHandlers, STAFF_RETENTION_TIMER } from './application/member-erasure.handlers';
import {
  backfillLeaveTimers,
  MemberLeavingHandlers,
  STAFF_LEFT_TIMER,
} from './application/member-leaving.handlers';
import { MemberHandlers } from './application/member.handlers';
import { ORDERS_HOLDINGS_CONSUMER, ordersHoldingsProcess } from './application/orders-holdings.process';
import { People } from './application/people';
import { STAFF_LOGIN_ANSWERS_CONSUMER, staffLoginAnswersProcess } from './application/login-answers.process';
import { PeopleLists } from './application/people-lists';
import { PeoplePolicyHandlers } from './application/people-policy.handlers';
import { QUALIFICATION_TIMERS, QualificationHandlers } from './application/qualification.handlers';
import { CANDIDATE_RETENTION_TIMER, RecruitmentHandlers } from './application/recruitment.handlers';
import { SeparationHandlers } from './application/separation.handlers';
import { TRAINING_END_TIMER, TrainingSessionHandlers } from './application/training-session.handlers';
import {
  AssessmentFacts1764800000001,
  ConductStaffFacts1764800000000,
  ConductViolationList1764800000002,
  StaffLogins1764800000003,
  StaffLoginsUnlinks1765300000000,
} from './infrastructure/conduct.read-models';
import { StaffAssessmentList1765200000001 } from './infrastructure/assessment-list.read-model';
import { StaffHoldings1765100000000 } from './infrastructure/holdings.read-model';
import { PeopleListsRepository } from './infrastructure/people-lists.repository';
import {
  StaffDataKeys1764800000000,
  StaffErasedPeople1765000000001,
  StaffListErasedAt1765000000000,
  StaffListLeftAt1765200000000,
  StaffPeopleLists1764800000001,
} from './infrastructure/people.migrations';
import { staffCipher } from './infrastructure/sealing';
import { TENANT_ZONES } from './infrastructure/tenant-zones';
import { ASSESSMENT_FACTS_CONSUMER, projectAssessmentFacts } from './projections/assessment-facts.projection';
import { ASSESSMENT_LIST_CONSUMER, projectAssessmentList } from './projections/assessment-list.projection';
import {
  CONDUCT_STAFF_FACTS_CONSUMER,
  projectConductStaffFacts,
} from './projections/conduct-staff-facts.projection';
import {
  CONDUCT_VIOLATIONS_CONSUMER,
  projectConductViolations,
} from './projections/conduct-violations.projection';
import { PEOPLE_LISTS_CONSUMER, projectPeopleLists } from './projections/people-lists.projection';
import { projectStaffLogins, STAFF_LOGINS_CONSUMER } from './projections/staff-logins.projection';

/**
 * The classes whose `@Handles` methods serve the declared methods (libs/contracts/src/api/staff.api.ts), one
 * per aggregate (`nx g @serviceops/tools:command` adds them here).
 */
const HANDLERS: readonly Type[] = [
  RecruitmentHandlers,
  MemberHandlers,
  MemberErasureHandlers,
  QualificationHandlers,
  SeparationHandlers,
  PeoplePolicyHandlers,
  PeopleLists,
  DisciplineHandlers,
  ConductRulesQueries,
  TrainingSessionHandlers,
  AssessmentHandlers,
  AttendanceHandlers,
];

/** The staff service. */
export const staffService: ServiceDefinition<typeof staffConfigSpec> = {
  name: 'staff',
  configSpec: staffConfigSpec,
  grpc: {
    package: GRPC_SERVICES.staff.package,
    protoPath: GRPC_SERVICES.staff.proto,
    loader: PROTO_LOADER_OPTIONS,
  },
  database: {
    entities: [],
    migrations: [
      StaffDataKeys1764800000000,
      StaffPeopleLists1764800000001,
      ConductStaffFacts1764800000000,
      AssessmentFacts1764800000001,
      ConductViolationList1764800000002,
      StaffLogins1764800000003,
      TenantZones1764900000001,
      StaffListErasedAt1765000000000,
      StaffErasedPeople1765000000001,
      StaffHoldings1765100000000,
      StaffListLeftAt1765200000000,
      StaffAssessmentList1765200000001,
      StaffLoginsUnlinks1765300000000,
    ],
  },
  publishes: true,
  handlers: HANDLERS,
  module: ({ runtime, pool, config, logger, metrics }) => ({
    module: class StaffModule {},
    providers: [
      { provide: EventSourcingRuntime, useValue: runtime },
      { provide: PersonalDataCipher, useValue: staffCipher(pool, config.MASTER_KEY) },
      ...durableTimersProviders({ pool, logger, metrics }, 'staff', config.TIMER_POLL_MS),
      People,
      { provide: PeopleListsRepository, useValue: new PeopleListsRepository(pool) },
      ConductRulesPolicy,
      MemberLeavingHandlers,
    ],
  }),
  onStart: async ({ runtime }, app) => {
    const timers = app.get(DurableTimers);
    const qualifications = app.get(QualificationHandlers);
    const recruitment = app.get(RecruitmentHandlers);
    const training = app.get(TrainingSessionHandlers);
    const attendance = app.get(AttendanceHandlers);
    const erasure = app.get(MemberErasureHandlers);
    const leaving = app.get(MemberLeavingHandlers);
    const separation = app.get(SeparationHandlers);
    await timers.migrate();
    await backfillLeaveTimers(runtime.store.pool, timers.schema);
    const own = [eventsTopic('staff')];
    await runtime.subscribe(PEOPLE_LISTS_CONSUMER, own, projectPeopleLists);
    await runtime.subscribe(CONDUCT_STAFF_FACTS_CONSUMER, own, projectConductStaffFacts);
    // Chat inspections and safety incidents from orders, surveys from complaints (by type; complaints publishes
    // later), and this service's own conduct and attendance.
    await runtime.subscribe(
      ASSESSMENT_FACTS_CONSUMER,
      [...own, eventsTopic('orders'), eventsTopic('complaints')],
      projectAssessmentFacts,
    );
    await runtime.subscribe(CONDUCT_VIOLATIONS_CONSUMER, own, projectConductViolations);
    await runtime.subscribe(ASSESSMENT_LIST_CONSUMER, own, projectAssessmentList);
    // Whom orders' orders and tools are with: a separating member's "open orders" and "borrowed tools" ticked.
    await runtime.subscribe(
      ORDERS_HOLDINGS_CONSUMER,
      [eventsTopic('orders')],
      ordersHoldingsProcess(separation),
    );
    // Which user is which staff member (tenancy's logins made at hire, links and unlinks): clocking is the person's own or a supervisor's.
    await runtime.subscribe(STAFF_LOGINS_CONSUMER, [eventsTopic('tenancy')], projectStaffLogins);
    // Tenancy's answer that a hire's login was not made (the person had one linked): on their file's history.
    await runtime.subscribe(
      STAFF_LOGIN_ANSWERS_CONSUMER,
      [eventsTopic('tenancy')],
      staffLoginAnswersProcess(app.get(People)),
    );
    // Each tenant's time zone (tenancy's calendar): assessment periods are cut at its midnights.
    await runtime.subscribe(TENANT_ZONES.consumer, [eventsTopic('tenancy')], TENANT_ZONES.project);
    timers.start({
      [QUALIFICATION_TIMERS.remind]: (timer) => qualifications.fire(timer),
      [QUALIFICATION_TIMERS.expire]: (timer) => qualifications.fire(timer),
      [QUALIFICATION_TIMERS.reverify]: (timer) => qualifications.fire(timer),
      [CANDIDATE_RETENTION_TIMER]: (timer) => recruitment.retentionOver(timer),
      [TRAINING_END_TIMER]: (timer) => training.sessionEnded(timer),
      [SHIFT_END_TIMER]: (timer) => attendance.shiftEnded(timer),
      [STAFF_RETENTION_TIMER]: (timer) => erasure.retentionOver(timer),
      [STAFF_LEFT_TIMER]: (timer) => leaving.lastDayCame(timer),
    });
  },
};
