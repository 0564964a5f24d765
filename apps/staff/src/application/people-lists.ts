import { Injectable } from '@nestjs/common';
import { RULES } from '@serviceops/kernel';
import { Handles, isSealed, mapSealed, ProblemError, type CallContext } from '@serviceops/platform';
import { People, personal, seesStaffPersonalData } from './people';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

function limitOf(limit: number | undefined): number {
  const value = limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(value) || value < 1 || value > MAX_LIMIT)
    throw new ProblemError('VALIDATION', 'limit out of range', [
      { path: 'limit', message: `1–${MAX_LIMIT}` },
    ]);
  return value;
}

/** `<epoch ms>_<id>` of a page's last item (RULES.keysetCursor, which the gateway checks and OpenAPI states). */
function cursorOf(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  if (!RULES.keysetCursor.accepts(cursor))
    throw new ProblemError('VALIDATION', 'invalid cursor', [
      { path: 'cursor', message: RULES.keysetCursor.message },
    ]);
  const [at, id] = cursor.split('_') as [string, string];
  return { at: new Date(Number(at)), id };
}

interface Filter {
  readonly limit?: number;
  readonly cursor?: string;
}

/** The staff and candidate lists, newest first, a page at a time; personal fields masked by role. */
@Injectable()
export class PeopleLists {
  constructor(private readonly people: People) {}

  @Handles('staff.ListStaff')
  async staff(
    filter: Filter & { role?: string; branchId?: string; businessLine?: string },
    call: CallContext,
  ): Promise<{ items: object[]; nextCursor?: string }> {
    const where = ['tenant_id = $1'];
    const args: unknown[] = [call.tenantId];
    const add = (sql: string, value: unknown) => {
      args.push(value);
      where.push(sql.replace('?', `$${args.length}`));
    };
    if (filter.role) add('role = ?', filter.role);
    if (filter.branchId) add('branch_id = ?', filter.branchId);
    if (filter.businessLine) add('business_line = ?', filter.businessLine);
    const rows = await this.page<{
      staff_id: string;
      version: number;
      role: string;
      branch_id: string;
      business_line: string;
      name: string;
      phone: string;
      daily_pay_amount: string;
      daily_pay_currency: string;
      separation: string | null;
      hired_at: Date;
    }>('staff_list', 'staff_id', 'hired_at', where, args, filter);
    const open = await this.opener(rows.items.map((r) => r.staff_id));
    const clear = seesStaffPersonalData(call.roles);
    const items = rows.items.map((r) => ({
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
    }));
    await this.people.recordRead(
      call,
      items.map((view) => ({ personId: view.id, view })),
      { kind: 'staff-list' },
    );
    return { items, ...(rows.nextCursor ? { nextCursor: rows.nextCursor } : {}) };
  }

  @Handles('staff.ListCandidates')
  async candidates(
    filter: Filter & { status?: string; postingId?: string },
    call: CallContext,
  ): Promise<{ items: object[]; nextCursor?: string }> {
    const where = ['tenant_id = $1'];
    const args: unknown[] = [call.tenantId];
    if (filter.status) {
      args.push(filter.status);
      where.push(`status = $${args.length}`);
    }
    if (filter.postingId) {
      args.push(filter.postingId);
      where.push(`posting_id = $${args.length}`);
    }
    const rows = await this.page<{
      candidate_id: string;
      version: number;
      posting_id: string;
      role: string;
      branch_id: string;
      business_line: string;
      status: string;
      next_step: string | null;
      name: string;
      phone: string;
      applied_at: Date;
    }>('candidate_list', 'candidate_id', 'applied_at', where, args, filter);
    const open = await this.opener(rows.items.map((r) => r.candidate_id));
    const clear = seesStaffPersonalData(call.roles);
    const items = rows.items.map((r) => ({
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
    return { items, ...(rows.nextCursor ? { nextCursor: rows.nextCursor } : {}) };
  }

  private async page<R extends Record<string, unknown>>(
    table: string,
    idColumn: string,
    atColumn: string,
    where: string[],
    args: unknown[],
    filter: Filter,
  ): Promise<{ items: R[]; nextCursor?: string }> {
    const limit = limitOf(filter.limit);
    const after = cursorOf(filter.cursor);
    if (after) {
      args.push(after.at, after.id);
      where.push(`(${atColumn}, ${idColumn}) < ($${args.length - 1}, $${args.length})`);
    }
    args.push(limit + 1);
    const { rows } = await this.people.runtime.store.pool.query<R>(
      `SELECT * FROM staff.${table} WHERE ${where.join(' AND ')}
        ORDER BY ${atColumn} DESC, ${idColumn} DESC LIMIT $${args.length}`,
      args,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items,
      ...(rows.length > limit && last
        ? { nextCursor: `${(last[atColumn] as Date).getTime()}_${String(last[idColumn])}` }
        : {}),
    };
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
