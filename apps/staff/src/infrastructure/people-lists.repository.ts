import type { Pool } from 'pg';

export interface StaffListRow {
  readonly staff_id: string;
  readonly version: number;
  readonly role: string;
  readonly branch_id: string;
  readonly business_line: string;
  readonly name: string;
  readonly phone: string;
  readonly daily_pay_amount: string;
  readonly daily_pay_currency: string;
  readonly separation: string | null;
  readonly hired_at: Date;
  /** When the person's data was erased (StaffListErasedAt migration). */
  readonly erased_at: Date | null;
  /** When they left: their separation's last day came (StaffListLeftAt migration). */
  readonly left_at: Date | null;
}

export interface CandidateListRow {
  readonly candidate_id: string;
  readonly version: number;
  readonly posting_id: string;
  readonly role: string;
  readonly branch_id: string;
  readonly business_line: string;
  readonly status: string;
  readonly next_step: string | null;
  readonly name: string;
  readonly phone: string;
  readonly applied_at: Date;
}

/** A page: this many rows, after this position (the last row of the page before). */
export interface PageRequest {
  readonly limit: number;
  readonly after?: { readonly at: Date; readonly id: string };
}

export interface Page<R> {
  readonly rows: readonly R[];
  /** The last row's position when more follow. */
  readonly next?: { readonly at: Date; readonly id: string };
}

/** The staff and candidate lists (people-lists projection), newest first, by keyset. */
export class PeopleListsRepository {
  constructor(private readonly pool: Pool) {}

  staff(
    tenantId: string,
    filter: { role?: string; branchId?: string; businessLine?: string },
    page: PageRequest,
  ): Promise<Page<StaffListRow>> {
    return this.page<StaffListRow>(
      'staff_list',
      'staff_id',
      'hired_at',
      tenantId,
      { role: filter.role, branch_id: filter.branchId, business_line: filter.businessLine },
      page,
    );
  }

  candidates(
    tenantId: string,
    filter: { status?: string; postingId?: string },
    page: PageRequest,
  ): Promise<Page<CandidateListRow>> {
    return this.page<CandidateListRow>(
      'candidate_list',
      'candidate_id',
      'applied_at',
      tenantId,
      { status: filter.status, posting_id: filter.postingId },
      page,
    );
  }

  /** Table and column names are this file's constants; every value is a parameter. */
  private async page<R extends object>(
    table: string,
    idColumn: string,
    atColumn: string,
    tenantId: string,
    equal: Readonly<Record<string, string | undefined>>,
    page: PageRequest,
  ): Promise<Page<R>> {
    const args: unknown[] = [tenantId];
    const where = ['tenant_id = $1'];
    for (const [column, value] of Object.entries(equal)) {
      if (!value) continue;
      args.push(value);
      where.push(`${column} = $${args.length}`);
    }
    if (page.after) {
      args.push(page.after.at, page.after.id);
      where.push(`(${atColumn}, ${idColumn}) < ($${args.length - 1}, $${args.length})`);
    }
    args.push(page.limit + 1);
    const { rows } = await this.pool.query<R & Record<string, unknown>>(
      `SELECT * FROM staff.${table} WHERE ${where.join(' AND ')}
        ORDER BY ${atColumn} DESC, ${idColumn} DESC LIMIT $${args.length}`,
      args,
    );
    const shown = rows.slice(0, page.limit);
    const last = shown.at(-1);
    return {
      rows: shown,
      ...(rows.length > page.limit && last
        ? { next: { at: last[atColumn] as Date, id: String(last[idColumn]) } }
        : {}),
    };
  }
}
