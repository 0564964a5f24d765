import { newId } from '@serviceops/kernel';
import type request from 'supertest';
import { auth as bearer, ok, type Sql } from './http';
import { poll } from './platform';

// A person hired through the staff service's own API (posting → application → every step → hire → a valid
// qualification), so that what other services know of them arrives the way it does in production: staff's
// StaffEligibilityChanged, through the platform's transport, into their read models.

type Api = ReturnType<typeof request>;

/** Each role's business line and practical test. */
const ROLES = {
  coach: { line: 'driving_practice', test: 'test_drive' },
  technician: { line: 'after_sales_repair', test: 'workshop_task' },
  companion: { line: 'companion_chat', test: 'mock_chat' },
} as const;

/**
 * Hires a `role` through staff's pipeline with a qualification valid for a year; the staff member's id. With
 * `login`, the hire asks tenancy for a login (its branch must be one tenancy knows: give `branchId`).
 */
export async function hire(
  api: Api,
  admin: string,
  role: keyof typeof ROLES,
  options: { branchId?: string; login?: string } = {},
): Promise<string> {
  const auth = bearer(admin);
  const posting = ok<{ id: string }>(
    await api
      .post('/api/v1/staff/postings')
      .set(auth)
      .send({
        role,
        branchId: options.branchId ?? newId(),
        businessLine: ROLES[role].line,
        title: `${role} wanted`,
        criteria: { minDrivingYears: 0, minEducation: 'secondary', cleanRecord: true },
      }),
    201,
  );
  const candidate = ok<{ id: string }>(
    await api.post('/api/v1/staff/candidates').set(auth).send({
      postingId: posting.id,
      name: 'Li Lei',
      phone: '+86 139 1234 5678',
      idNumber: '110105199001010011',
      drivingYears: 5,
      education: 'college',
      cleanRecord: true,
    }),
    201,
  );
  const steps: object[] = [
    { step: 'screening' },
    { step: 'interview', passed: true, interviewMode: 'on_site', ratings: [{ aspect: 'manner', score: 4 }] },
    { step: 'practical_test', passed: true, practicalTest: ROLES[role].test, score: 88 },
    { step: 'onboarding_training', passed: true },
    { step: 'exam', passed: true, score: 91 },
  ];
  for (const step of steps)
    ok<{ id: string }>(
      await api.post(`/api/v1/staff/candidates/${candidate.id}/steps`).set(auth).send(step),
      200,
    );
  const member = ok<{ id: string }>(
    await api
      .post(`/api/v1/staff/candidates/${candidate.id}/hire`)
      .set(auth)
      .send({
        payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } },
        ...(options.login ? { login: { username: options.login } } : {}),
      }),
    201,
  );
  ok<{ id: string }>(
    await api
      .post(`/api/v1/staff/${member.id}/qualifications`)
      .set(auth)
      .send({
        kind: role === 'coach' ? 'driving_licence' : 'service_qualification',
        number: 'Q-2024-0007',
        issuedOn: '2024-01-01',
        expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
      }),
    200,
  );
  return member.id;
}

/** Waits until the orders service knows `staffId` from staff's events (its daily report stops answering 404). */
export async function knownToOrders(api: Api, admin: string, staffId: string): Promise<void> {
  const day = new Date().toISOString().slice(0, 10);
  await poll(`orders knows staff member ${staffId}`, async () => {
    const res = await api.get(`/api/v1/daily-reports/staff/${staffId}`).query({ day }).set(bearer(admin));
    return res.status === 200 ? true : undefined;
  });
}

/**
 * Waits until staff's own registers (shifts, leave, training sessions) know `staffId`: they check a person against
 * a projection of the hire (`staff.conduct_staff_facts`), so a shift scheduled at once after a hire can be 404.
 */
export async function knownToStaffRegisters(db: Sql, staffId: string): Promise<void> {
  await poll(`staff's registers know staff member ${staffId}`, async () => {
    const known = await db.query('SELECT 1 FROM staff.conduct_staff_facts WHERE staff_id = $1', [staffId]);
    return known.rowCount === 1 ? true : undefined;
  });
}

/** Hires `role` through staff and waits until orders knows them: the staff member's id. */
export async function hiredAndKnownToOrders(
  api: Api,
  admin: string,
  role: keyof typeof ROLES,
): Promise<string> {
  const staffId = await hire(api, admin, role);
  await knownToOrders(api, admin, staffId);
  return staffId;
}
