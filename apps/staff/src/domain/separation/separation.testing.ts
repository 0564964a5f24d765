import type { ActiveMember } from '../member/member.state';

/** What the separation rule tests start from: the time, and the active staff member who leaves. */
export const now = new Date('2026-03-02T01:00:00.000Z');
export const at = now.toISOString();
export const STAFF = '3eaf2d67-8ea1-4f41-8d6d-40516f7e8d9c';
export const member: ActiveMember = {
  status: 'active',
  staffId: STAFF,
  candidateId: STAFF,
  postingId: STAFF,
  role: 'technician',
  branchId: STAFF,
  businessLine: 'after_sales_repair',
  payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } },
  name: 'Li',
  phone: '+86 139 0000 0000',
  hiredAt: at,
  updatedAt: at,
};
