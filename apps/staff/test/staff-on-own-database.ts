import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { newId } from '@serviceops/kernel';
import { runService, type CallContext, type RunningService } from '@serviceops/platform';
import {
  bootOnOwnDatabase,
  type BootedService,
  dropDatabase,
  freePort,
  handlerOf,
  onServer,
} from '@serviceops/platform/testing';
import { databaseUrl, newInternalKeyPair, uniqueName } from '@serviceops/testing';
import type { StaffMemberView } from '../src/application/member.handlers';
import {
  RecruitmentHandlers,
  type CandidateView,
  type PostingView,
} from '../src/application/recruitment.handlers';
import type { ApplyForPostingRequest } from '../src/domain/recruitment/apply-for-posting';
import type { OpenPostingRequest } from '../src/domain/recruitment/open-posting';
import { staffService } from '../src/staff.service-definition';
import type { RecordRecruitmentStep } from '../src/domain/recruitment/record-recruitment-step';

// What the staff integration specs share: the service booted on a database of its own for the spec's tests, a
// tenant and its manager, and a person taken through recruitment (a posting, an application, the five steps
// passed, the hire) as the specs' starting point.

type PostingRequest = OpenPostingRequest;
type ApplicationRequest = ApplyForPostingRequest;

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

/** A coach: driving practice and a test drive; any other role: after-sales repair and a workshop task. */
const coach = (role: string) => role === 'coach';

/** Opens a posting on `app` for the options' role and branch, applies as the options' person and passes screening. */
export async function screenedOn(app: INestApplication, options: HireOptions): Promise<Screened> {
  const { call, role = 'coach', branchId = newId() } = options;
  const recruitment = app.get(RecruitmentHandlers);
  const posting = await handlerOf<PostingView>(recruitment, 'staff.OpenPosting')(
    {
      role,
      branchId,
      businessLine: options.businessLine ?? (coach(role) ? 'driving_practice' : 'after_sales_repair'),
      title: coach(role) ? 'Driving coach' : 'Technician',
      criteria: options.criteria ?? {},
    },
    call,
  );
  const applied = await handlerOf<CandidateView>(recruitment, 'staff.ApplyForPosting')(
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
  const member = await handlerOf<StaffMemberView>(recruitment, 'staff.HireCandidate')(
    {
      id,
      payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } },
      ...(options.username ? { login: { username: options.username } } : {}),
    },
    call,
  );
  return { ...screened, staffId: member.id };
}

/** A spec's tenant, its manager, the running service's application and hiring on it. */
interface StaffSpecBase {
  /** The running service's Nest application (within tests and hooks). */
  readonly app: () => INestApplication;
  readonly tenantId: string;
  /** A caller of `tenantId` with the spec's roles (an admin unless given). */
  readonly manager: CallContext;
  /** A person hired through recruitment, by the manager unless `call` is given. */
  readonly hired: (options?: Partial<HireOptions>) => Promise<Hired>;
  /** A candidate past screening, applied through the manager unless `call` is given. */
  readonly screened: (options?: Partial<HireOptions>) => Promise<Screened>;
}

/** What a staff spec works with: the service booted for it, its tenant and manager, and hiring. */
export interface StaffSpec extends StaffSpecBase {
  /** The booted kit (within tests and hooks). */
  readonly booted: () => BootedService;
}

/** A staff spec whose tests stop the service and start it again on the same database, with the same key. */
export interface RestartableStaffSpec extends StaffSpecBase {
  /** Stops the instance running now. */
  readonly stop: () => Promise<void>;
  /** Starts an instance on the database, looking for due timers every `timerPollMs` (100 ms unless given). */
  readonly start: (timerPollMs?: number) => Promise<RunningService>;
}

type SpecOptions = { env?: Readonly<Record<string, string>>; roles?: string[] };

function specOf(app: () => INestApplication, roles: string[]): StaffSpecBase {
  const tenantId = newId();
  const manager: CallContext = { tenantId, actorId: newId(), roles, correlationId: newId() };
  return {
    app,
    tenantId,
    manager,
    hired: (options) => hiredOn(app(), { call: manager, ...options }),
    screened: (options) => screenedOn(app(), { call: manager, ...options }),
  };
}

/**
 * The staff service on a database of its own for the spec that calls this (with `env` on top): booted before its
 * tests (before the spec's own `beforeAll`), stopped and dropped after them.
 */
export function staffOnOwnDatabase(
  name: string,
  { env = {}, roles = ['admin'] }: SpecOptions = {},
): StaffSpec {
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
  return { ...specOf(() => booted().running.app, roles), booted };
}

/**
 * The staff service on a database of its own that the spec's tests restart (to see a timer fire once across a
 * restart): created and started (timers polled every 100 ms) before the tests, the instance running then stopped
 * and the database dropped after them. Every start uses one master key: sealed data stays readable until erased.
 */
export function restartableStaffOnOwnDatabase(
  name: string,
  { env = {}, roles = ['admin'] }: SpecOptions = {},
): RestartableStaffSpec {
  const database = uniqueName(name);
  const url = new URL(databaseUrl());
  url.pathname = `/${database}`;
  const masterKey = randomBytes(32).toString('base64');
  let running: RunningService | undefined;
  const start = async (timerPollMs = 100) => {
    running = await runService(staffService, {
      DATABASE_URL: url.toString(),
      GRPC_PORT: String(await freePort()),
      HTTP_PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
      TIMER_POLL_MS: String(timerPollMs),
      MASTER_KEY: masterKey,
      INTERNAL_TOKEN_PUBLIC_KEYS: newInternalKeyPair().publicKey,
      ...env,
    });
    return running;
  };
  beforeAll(async () => {
    await onServer(`CREATE DATABASE ${database}`);
    await start();
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
    await dropDatabase(database);
  });
  const up = () => {
    if (!running) throw new Error(`${name}: the staff service is not started (read it inside a test)`);
    return running;
  };
  return { ...specOf(() => up().app, roles), start, stop: () => up().stop() };
}
