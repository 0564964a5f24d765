import { Injectable, type OnApplicationShutdown, type Type } from '@nestjs/common';
import { GRPC_SERVICES, staffConfigSpec, PROTO_LOADER_OPTIONS } from '@serviceops/contracts';
import { eventsTopic } from '@serviceops/messaging';
import { DurableTimers, EventSourcingRuntime, type ServiceDefinition } from '@serviceops/platform';
import { AssessmentHandlers } from './application/assessments';
import { AttendanceHandlers, SHIFT_END_TIMER } from './application/attendance.handlers';
import { ConductRulesPolicy, ConductRulesQueries } from './application/conduct-rules';
import { DisciplineHandlers } from './application/discipline.handlers';
import { TRAINING_END_TIMER, TrainingSessionHandlers } from './application/training-session.handlers';
import {
  AssessmentFacts1764800000001,
  ConductStaffFacts1764800000000,
  ConductViolationList1764800000002,
} from './infrastructure/conduct.read-models';
import { ASSESSMENT_FACTS_CONSUMER, projectAssessmentFacts } from './projections/assessment-facts.projection';
import {
  CONDUCT_VIOLATIONS_CONSUMER,
  projectConductViolations,
} from './projections/conduct-violations.projection';
import {
  CONDUCT_STAFF_FACTS_CONSUMER,
  projectConductStaffFacts,
} from './projections/conduct-staff-facts.projection';

/**
 * The classes whose `@Handles` methods serve the declared methods (libs/contracts/src/api/staff.api.ts), one
 * per aggregate (`nx g @serviceops/tools:command` adds them here).
 */
const HANDLERS: readonly Type[] = [
  DisciplineHandlers,
  ConductRulesQueries,
  TrainingSessionHandlers,
  AssessmentHandlers,
  AttendanceHandlers,
];

/** Stops the timer poller with the app (after the batch in flight). */
@Injectable()
class TimersLifecycle implements OnApplicationShutdown {
  constructor(private readonly timers: DurableTimers) {}
  async onApplicationShutdown(): Promise<void> {
    await this.timers.stop();
  }
}

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
      ConductStaffFacts1764800000000,
      AssessmentFacts1764800000001,
      ConductViolationList1764800000002,
    ],
  },
  publishes: true,
  handlers: HANDLERS,
  module: ({ runtime, pool, logger, metrics, config }) => ({
    module: class StaffModule {},
    providers: [
      { provide: EventSourcingRuntime, useValue: runtime },
      {
        provide: DurableTimers,
        useValue: new DurableTimers({
          pool,
          schema: 'staff',
          logger,
          metrics,
          pollMs: config.TIMER_POLL_MS,
        }),
      },
      TimersLifecycle,
      ConductRulesPolicy,
    ],
  }),
  onStart: async ({ runtime }, app) => {
    const timers = app.get(DurableTimers);
    const training = app.get(TrainingSessionHandlers);
    await timers.migrate();
    await runtime.subscribe(CONDUCT_STAFF_FACTS_CONSUMER, [eventsTopic('staff')], projectConductStaffFacts);
    // Surveys, inspections and safety incidents are consumed by type; their topics join this list once their
    // services publish (the projection handles them already).
    await runtime.subscribe(ASSESSMENT_FACTS_CONSUMER, [eventsTopic('staff')], projectAssessmentFacts);
    await runtime.subscribe(CONDUCT_VIOLATIONS_CONSUMER, [eventsTopic('staff')], projectConductViolations);
    const attendance = app.get(AttendanceHandlers);
    timers.start({
      [TRAINING_END_TIMER]: (timer) => training.sessionEnded(timer),
      [SHIFT_END_TIMER]: (timer) => attendance.shiftEnded(timer),
    });
  },
};
