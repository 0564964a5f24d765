import { eventsTopic } from '@serviceops/messaging';
import { Injectable, type OnApplicationShutdown, type Type } from '@nestjs/common';
import { GRPC_SERVICES, staffConfigSpec, PROTO_LOADER_OPTIONS } from '@serviceops/contracts';
import {
  DurableTimers,
  EventSourcingRuntime,
  PersonalDataCipher,
  type ServiceDefinition,
} from '@serviceops/platform';
import { MemberHandlers } from './application/member.handlers';
import { People } from './application/people';
import { PeopleLists } from './application/people-lists';
import { PeoplePolicyHandlers } from './application/people-policy.handlers';
import { QUALIFICATION_TIMERS, QualificationHandlers } from './application/qualification.handlers';
import { CANDIDATE_RETENTION_TIMER, RecruitmentHandlers } from './application/recruitment.handlers';
import { SeparationHandlers } from './application/separation.handlers';
import {
  StaffDataKeys1764800000000,
  StaffPeopleLists1764800000001,
} from './infrastructure/people.migrations';
import { PEOPLE_LISTS_CONSUMER, projectPeopleLists } from './projections/people-lists.projection';
import { PeopleListsRepository } from './infrastructure/people-lists.repository';
import { staffCipher } from './infrastructure/sealing';

/**
 * The classes whose `@Handles` methods serve the declared methods (libs/contracts/src/api/staff.api.ts), one
 * per aggregate (`nx g @serviceops/tools:command` adds them here).
 */
const HANDLERS: readonly Type[] = [
  RecruitmentHandlers,
  MemberHandlers,
  QualificationHandlers,
  SeparationHandlers,
  PeoplePolicyHandlers,
  PeopleLists,
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
  database: { entities: [], migrations: [StaffDataKeys1764800000000, StaffPeopleLists1764800000001] },
  publishes: true,
  handlers: HANDLERS,
  module: ({ runtime, pool, config, logger, metrics }) => ({
    module: class StaffModule {},
    providers: [
      { provide: EventSourcingRuntime, useValue: runtime },
      { provide: PersonalDataCipher, useValue: staffCipher(pool, config.MASTER_KEY) },
      {
        provide: DurableTimers,
        useValue: new DurableTimers({ pool, schema: 'staff', logger, metrics, pollMs: config.TIMER_POLL_MS }),
      },
      TimersLifecycle,
      People,
      { provide: PeopleListsRepository, useValue: new PeopleListsRepository(pool) },
    ],
  }),
  onStart: async ({ runtime }, app) => {
    const timers = app.get(DurableTimers);
    const qualifications = app.get(QualificationHandlers);
    const recruitment = app.get(RecruitmentHandlers);
    await timers.migrate();
    await runtime.subscribe(PEOPLE_LISTS_CONSUMER, [eventsTopic('staff')], projectPeopleLists);
    timers.start({
      [QUALIFICATION_TIMERS.remind]: (timer) => qualifications.fire(timer),
      [QUALIFICATION_TIMERS.expire]: (timer) => qualifications.fire(timer),
      [QUALIFICATION_TIMERS.reverify]: (timer) => qualifications.fire(timer),
      [CANDIDATE_RETENTION_TIMER]: (timer) => recruitment.retentionOver(timer),
    });
  },
};
