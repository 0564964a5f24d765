import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import { RECRUITMENT_STEPS } from '../domain/recruitment/candidate.events';
import type { CandidateEvent } from '../domain/recruitment/candidate.events';
import type { MemberEvent } from '../domain/member/member.events';
import type { SeparationEvent } from '../domain/separation/separation.events';

export const PEOPLE_LISTS_CONSUMER = 'staff-people-lists';

/**
 * The staff and candidate lists from the service's own events (personal fields copied sealed). Each event sets
 * what it says (never adds), so a redelivered event changes nothing; rebuildable from zero.
 */
export async function projectPeopleLists(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  const tenantId = event.metadata.tenantId;
  if (!tenantId) return;
  const v = event.streamVersion;
  if (event.streamId.startsWith('candidate-')) {
    const e = { type: event.type, data: event.data } as CandidateEvent;
    switch (e.type) {
      case 'CandidateApplied': {
        const d = e.data;
        await tx.query(
          `INSERT INTO staff.candidate_list (candidate_id, tenant_id, version, posting_id, role, branch_id,
             business_line, status, next_step, name, phone, applied_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'in_progress', $8, $9, $10, $11, $11)
           ON CONFLICT (candidate_id) DO NOTHING`,
          [
            d.candidateId,
            tenantId,
            v,
            d.postingId,
            d.role,
            d.branchId,
            d.businessLine,
            RECRUITMENT_STEPS[0],
            d.name,
            d.phone,
            d.appliedAt,
          ],
        );
        return;
      }
      case 'RecruitmentStepRecorded': {
        const d = e.data;
        const next = RECRUITMENT_STEPS[RECRUITMENT_STEPS.indexOf(d.step) + 1] ?? 'hire';
        await tx.query(
          `UPDATE staff.candidate_list SET version = $2, status = $3, next_step = $4, updated_at = $5
            WHERE candidate_id = $1 AND version < $2`,
          [d.candidateId, v, d.passed ? 'in_progress' : 'rejected', d.passed ? next : null, d.recordedAt],
        );
        return;
      }
      case 'CandidateHired':
        await tx.query(
          `UPDATE staff.candidate_list SET version = $2, status = 'hired', next_step = NULL, updated_at = $3
            WHERE candidate_id = $1 AND version < $2`,
          [e.data.candidateId, v, e.data.hiredAt],
        );
        return;
      case 'CandidateErased':
        await tx.query(
          `UPDATE staff.candidate_list SET version = $2, status = 'erased', next_step = NULL, name = '', phone = '',
             updated_at = $3 WHERE candidate_id = $1 AND version < $2`,
          [e.data.candidateId, v, e.data.erasedAt],
        );
        return;
      default: {
        const unhandled: never = e;
        return unhandled;
      }
    }
  }
  if (event.streamId.startsWith('staff-member-')) {
    const e = { type: event.type, data: event.data } as MemberEvent;
    switch (e.type) {
      case 'StaffMemberHired': {
        const d = e.data;
        await tx.query(
          `INSERT INTO staff.staff_list (staff_id, tenant_id, version, role, branch_id, business_line, name, phone,
             daily_pay_amount, daily_pay_currency, hired_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) ON CONFLICT (staff_id) DO NOTHING`,
          [
            d.staffId,
            tenantId,
            v,
            d.role,
            d.branchId,
            d.businessLine,
            d.name,
            d.phone,
            d.payTerms.dailyPay.amount,
            d.payTerms.dailyPay.currency,
            d.hiredAt,
          ],
        );
        return;
      }
      case 'PayTermsChanged':
        await tx.query(
          `UPDATE staff.staff_list SET version = $2, daily_pay_amount = $3, daily_pay_currency = $4, updated_at = $5
            WHERE staff_id = $1 AND version < $2`,
          [
            e.data.staffId,
            v,
            e.data.payTerms.dailyPay.amount,
            e.data.payTerms.dailyPay.currency,
            e.data.changedAt,
          ],
        );
        return;
      case 'StaffLoginRequested':
      case 'StaffLoginNotCreated':
        await tx.query(`UPDATE staff.staff_list SET version = $2 WHERE staff_id = $1 AND version < $2`, [
          e.data.staffId,
          v,
        ]);
        return;
      case 'StaffRoleChanged':
        await tx.query(
          `UPDATE staff.staff_list SET version = $2, role = $3, updated_at = $4
            WHERE staff_id = $1 AND version < $2`,
          [e.data.staffId, v, e.data.to, e.data.changedAt],
        );
        return;
      case 'StaffSkillsSet':
        await tx.query(
          `UPDATE staff.staff_list SET version = $2, updated_at = $3 WHERE staff_id = $1 AND version < $2`,
          [e.data.staffId, v, e.data.setAt],
        );
        return;
      case 'StaffMemberLeft':
        await tx.query(
          `UPDATE staff.staff_list SET version = $2, left_at = $3, updated_at = $3
            WHERE staff_id = $1 AND version < $2`,
          [e.data.staffId, v, e.data.leftAt],
        );
        return;
      case 'StaffMemberErased':
        // The sealed copies could no longer be opened anyway (the key is gone): dropped all the same.
        await tx.query(
          `UPDATE staff.staff_list SET version = $2, name = '', phone = '', erased_at = $3, updated_at = $3
            WHERE staff_id = $1 AND version < $2`,
          [e.data.staffId, v, e.data.erasedAt],
        );
        return;
      default: {
        const unhandled: never = e;
        return unhandled;
      }
    }
  }
  if (event.streamId.startsWith('staff-separation-')) {
    const e = { type: event.type, data: event.data } as SeparationEvent;
    const separation =
      e.type === 'FinalSettlementRequested'
        ? 'settlement_requested'
        : e.type === 'HandoverItemTicked'
          ? undefined
          : 'separating';
    if (separation)
      await tx.query(`UPDATE staff.staff_list SET separation = $2 WHERE staff_id = $1`, [
        e.data.staffId,
        separation,
      ]);
  }
}
