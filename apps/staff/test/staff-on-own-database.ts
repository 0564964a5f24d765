import type { INestApplication } from '@nestjs/common';
import { newId } from '@serviceops/kernel';
import type { CallContext } from '@serviceops/platform';
import { bootOnOwnDatabase, type BootedService, handlerOf } from '@serviceops/platform/testing';
import { RecruitmentHandlers } from '../src/application/recruitment.handlers';
import { staffService } from '../src/staff.service-definition';
import type { RecordRecruitmentStep } from '../src/domain/recruitment/record-recruitment-step';

// What the staff integration specs share: the service booted on a database of its own for the spec's tests, a
// tenant and its manager, and a person taken through recruitment (a posting, an application, the five steps
// passed, the hire) as the specs' starting point.

type PostingRequest = Parameters<RecruitmentHandlers['openPosting']>[0];
type ApplicationRequest = Parameters<RecruitmentHandlers['applyForPosting']>[0];

/** Who is hired, where and by whom; everything has a default (a coach in driving practice, hired by `call`). */
export interface HireOptions {
  /** The caller of every recruitment command (the spec's manager when hired through the kit). */
  readonly call: CallContext;
  /** `coach` (the default: driving practice, a test drive) or another role (after-sales repair, a workshop task). */
  readonly role?: string;
  readonly name?: string;
  readonly phone?: string;
  /** Given only when set: the application then carries an ID number. */
  readonly idNumber?: string;
  /** A new branch's id unless given. */
  readonly branchId?: string;
  readonly businessLine?: string;
  /** The posting's criteria (none unless given). */
  readonly criteria?: PostingRequest['criteria'];
  /** More of the application (the education stated, a clean record, …); a coach states five years of driving. */
  readonly application?: Partial<ApplicationRequest>;
  /** A login requested with the hire, under this username. */
  readonly username?: string;
}

/** A candidate past screening, and where they applied. */
export interface Screened {
  readonly candidateId: string;
  readonly postingId: string;
  readonly branchId: string;
}

/** A hired staff member: their id, and the candidate, posting and branch they were hired from. */
export interface Hired extends Screened {
  readonly staffId: string;
}

/** The role's business line and practical test unless the options say otherwise. */
const coach = (role: string) => role === 'coach';

/** Opens a posting on `app` for the options' role and branch, applies as the options' person and passes screening. */
export async function screenedOn(app: INestApplication, options: HireOptions): Promise<Screened> {
  const { call, role = 'coach', branchId = newId() } = options;
  const recruitment = app.get(RecruitmentHandlers);
  const posting = await recruitment.openPosting(
    {
      role,
      branchId,
      businessLine: options.businessLine ?? (coach(role) ? 'driving_practice' : 'after_sales_repair'),
      title: coach(role) ? 'Driving coach' : 'Technician',
      criteria: options.criteria ?? {},
    },
    call,
  );
  const applied = await recruitment.applyForPosting(
    {
      postingId: posting.id,
      name: options.name ?? 'Wang Fang',
      phone: options.phone ?? '+86 139 1234 5678',
      ...(options.idNumber ? { idNumber: options.idNumber } : {}),
      ...(coach(role) ? { drivingYears: 5 } : {}),
      ...options.application,
    },
    call,
  );
  await handlerOf(recruitment, 'staff.RecordRecruitmentStep')({ id: applied.id, step: 'screening' }, call);
  return { candidateId: applied.id, postingId: posting.id, branchId };
}

/** `screenedOn`, then the interview, practical test, onboarding training and exam passed, and the hire. */
export async function hiredOn(app: INestApplication, options: HireOptions): Promise<Hired> {
  const { call, role = 'coach' } = options;
  const screened = await screenedOn(app, options);
  const recruitment = app.get(RecruitmentHandlers);
  const id = screened.candidateId;
  const step = (body: Omit<RecordRecruitmentStep['data'], 'candidateId'>) =>
    handlerOf(recruitment, 'staff.RecordRecruitmentStep')({ id, ...body }, call);
  await step({ step: 'interview', passed: true, interviewMode: 'on_site', ratings: [] });
  await step({
    step: 'practical_test',
    passed: true,
    practicalTest: coach(role) ? 'test_drive' : 'workshop_task',
  });
  await step({ step: 'onboarding_training', passed: true });
  await step({ step: 'exam', passed: true, score: 90 });
  const member = await recruitment.hireCandidate(
    {
      id,
      payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } },
      ...(options.username ? { login: { username: options.username } } : {}),
    },
    call,
  );
  return { ...screened, staffId: member.id };
}

/** What a staff spec works with: the service booted for it, its tenant and manager, and hiring. */
export interface StaffSpec {
  /** The running service's Nest application (within tests and hooks). */
  readonly app: () => INestApplication;
  /** The booted kit (within tests and hooks). */
  readonly booted: () => BootedService;
  readonly tenantId: string;
  /** A caller of `tenantId` with the spec's roles (an admin unless given). */
  readonly manager: CallContext;
  /** A person hired through recruitment, by the manager unless `call` is given. */
  readonly hired: (options?: Partial<HireOptions>) => Promise<Hired>;
  /** A candidate past screening, applied through the manager unless `call` is given. */
  readonly screened: (options?: Partial<HireOptions>) => Promise<Screened>;
}

/**
 * The staff service on a database of its own for the spec that calls this (with `env` on top): booted before its
 * tests (before the spec's own `beforeAll`), stopped and dropped after them.
 */
export function staffOnOwnDatabase(
  name: string,
  { env = {}, roles = ['admin'] }: { env?: Readonly<Record<string, string>>; roles?: string[] } = {},
): StaffSpec {
  const tenantId = newId();
  const manager: CallContext = { tenantId, actorId: newId(), roles, correlationId: newId() };
  let running: BootedService | undefined;
  beforeAll(async () => {
    running = await bootOnOwnDatabase(name, staffService, env);
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
  });
  const booted = () => {
    if (!running) throw new Error(`${name}: the staff service is not booted (read it inside a test)`);
    return running;
  };
  const app = () => booted().running.app;
  return {
    app,
    booted,
    tenantId,
    manager,
    hired: (options) => hiredOn(app(), { call: manager, ...options }),
    screened: (options) => screenedOn(app(), { call: manager, ...options }),
  };
}
