import { Injectable } from '@nestjs/common';
import {
  decodeCursor,
  encodeCursor,
  Handles,
  isSealed,
  limitOf,
  mapSealed,
  type CallContext,
} from '@serviceops/platform';
import { PeopleListsRepository, type PageRequest } from '../infrastructure/people-lists.repository';
import { People, personal, seesStaffPersonalData } from './people';

interface Filter {
  readonly limit?: number;
  readonly cursor?: string;
}

function pageOf(filter: Filter): PageRequest {
  const after = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  return { limit: limitOf(filter.limit), ...(after ? { after } : {}) };
}

/** The staff and candidate lists, newest first, a page at a time; personal fields masked by role. */
@Injectable()
export class PeopleLists {
  constructor(
    private readonly people: People,
    private readonly lists: PeopleListsRepository,
  ) {}

  @Handles('staff.ListStaff')
  async staff(
    filter: Filter & { role?: string; branchId?: string; businessLine?: string },
    call: CallContext,
  ): Promise<{ items: object[]; nextCursor?: string }> {
    const rows = await this.lists.staff(call.tenantId, filter, pageOf(filter));
    const open = await this.opener(rows.rows.map((r) => r.staff_id));
    const clear = seesStaffPersonalData(call.roles);
    const items = rows.rows.map((r) => ({
      id: r.staff_id,
      version: r.version,
      role: r.role,
      branchId: r.branch_id,
      businessLine: r.business_line,
      ...personal(clear, open(r.staff_id, { name: r.name, phone: r.phone })),
      masked: !clear,
      dailyPay: { amount: Number(r.daily_pay_amount), currency: r.daily_pay_currency },
      ...(r.separation ? { separation: r.separation } : {}),
      hiredAt: r.hired_at.toISOString(),
      ...(r.erased_at ? { erasedAt: r.erased_at.toISOString() } : {}),
      ...(r.left_at ? { leftAt: r.left_at.toISOString() } : {}),
    }));
    await this.people.recordRead(
      call,
      items.map((view) => ({ personId: view.id, view })),
      { kind: 'staff-list' },
    );
    return { items, ...(rows.next ? { nextCursor: encodeCursor(rows.next.at, rows.next.id) } : {}) };
  }

  @Handles('staff.ListCandidates')
  async candidates(
    filter: Filter & { status?: string; postingId?: string },
    call: CallContext,
  ): Promise<{ items: object[]; nextCursor?: string }> {
    const rows = await this.lists.candidates(call.tenantId, filter, pageOf(filter));
    const open = await this.opener(rows.rows.map((r) => r.candidate_id));
    const clear = seesStaffPersonalData(call.roles);
    const items = rows.rows.map((r) => ({
      id: r.candidate_id,
      version: r.version,
      status: r.status,
      ...(r.next_step ? { nextStep: r.next_step } : {}),
      postingId: r.posting_id,
      role: r.role,
      branchId: r.branch_id,
      businessLine: r.business_line,
      ...personal(clear, open(r.candidate_id, { name: r.name, phone: r.phone })),
      masked: !clear,
      appliedAt: r.applied_at.toISOString(),
    }));
    await this.people.recordRead(
      call,
      items.map((view) => ({ personId: view.id, view })),
      { kind: 'candidate-list' },
    );
    return { items, ...(rows.next ? { nextCursor: encodeCursor(rows.next.at, rows.next.id) } : {}) };
  }

  /** Opens a page's sealed values with each person's key (one query); without a key they stay sealed. */
  private async opener(ids: readonly string[]) {
    const keys = await this.people.cipher.loadMany(ids);
    return (id: string, sealed: { name: string; phone: string }) => {
      const key = keys.get(id);
      return key
        ? mapSealed(sealed, ['name', 'phone'], (v) => (isSealed(v) ? this.people.cipher.open(key, id, v) : v))
        : sealed;
    };
  }
}
