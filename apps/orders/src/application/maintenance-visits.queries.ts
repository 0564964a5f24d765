import { Inject, Injectable } from '@nestjs/common';
import { MAINTENANCE_VISIT_STATUSES } from '@serviceops/contracts';
import { type Clock, isLocalDate, localDateOf } from '@serviceops/kernel';
import {
  type CallContext,
  decodeCursor,
  encodeCursor,
  Handles,
  limitOf,
  ProblemError,
  uuidField,
} from '@serviceops/platform';
import { Pool } from 'pg';
import { maintenanceVisitStatus, type MaintenanceVisitStatus } from '../domain/resource/maintenance-schedule';
import { maintenanceVisits } from '../infrastructure/maintenance-visits.repository';
import { OrderFacts } from '../infrastructure/order-facts.repository';
import { CLOCK } from './order-store';

/** A lease's scheduled maintenance visit as the list answers it (the proto's MaintenanceVisit). */
export interface MaintenanceVisitView {
  readonly contractId: string;
  readonly customerId: string;
  readonly dueOn: string;
  readonly status: MaintenanceVisitStatus;
  /** The rental visit's order that did it, and when it was recorded: when done. */
  readonly orderId?: string;
  readonly recordedAt?: string;
}

export interface ListMaintenanceVisitsRequest {
  readonly limit?: number;
  readonly cursor?: string;
  readonly contractId?: string;
  readonly status?: string;
  readonly dueBefore?: string;
}

const invalid = (path: string, message: string) =>
  new ProblemError('VALIDATION', `${path}: ${message}`, [{ path, message }]);

/** A cursor's key is the due day as UTC midnight (the platform's keyset cursor: a time and an id). */
const dayKey = (dueOn: string) => new Date(`${dueOn}T00:00:00.000Z`);

/** The gRPC request's optional string: absent or empty is no filter. */
const given = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

/** Leases' scheduled maintenance visits (issue 15 item 7), from contracts' schedules and the visits recorded. */
@Injectable()
export class MaintenanceVisitQueries {
  constructor(
    private readonly pool: Pool,
    private readonly facts: OrderFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Soonest first (due day, then contract), `limit` (1–200, default 50) at a time; `nextCursor` continues where a
   * page ended. Overdue is counted on the tenant's local day now, not stored.
   */
  @Handles('orders.ListMaintenanceVisits')
  async list(
    request: ListMaintenanceVisitsRequest,
    call: CallContext,
  ): Promise<{ items: MaintenanceVisitView[]; nextCursor?: string }> {
    const limit = limitOf(request.limit);
    const status = given(request.status);
    if (status !== undefined && !(MAINTENANCE_VISIT_STATUSES as readonly string[]).includes(status))
      throw invalid('status', MAINTENANCE_VISIT_STATUSES.join(', '));
    const dueBefore = given(request.dueBefore);
    if (dueBefore !== undefined && !isLocalDate(dueBefore)) throw invalid('dueBefore', 'YYYY-MM-DD expected');
    const contractId = given(request.contractId);
    const cursor = given(request.cursor);
    const after = cursor ? decodeCursor(cursor) : undefined;
    const calendar = await this.facts.calendarOf(call.tenantId);
    const today = localDateOf(calendar.timeZone, this.clock.now());
    const rows = await maintenanceVisits(
      this.pool,
      call.tenantId,
      {
        ...(contractId ? { contractId: uuidField(contractId, 'contractId') } : {}),
        ...(status ? { status: status as MaintenanceVisitStatus } : {}),
        ...(dueBefore ? { dueBefore } : {}),
        ...(after ? { after: { dueOn: after.at.toISOString().slice(0, 10), contractId: after.id } } : {}),
      },
      today,
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        contractId: r.contractId,
        customerId: r.customerId,
        dueOn: r.dueOn,
        status: maintenanceVisitStatus({ dueOn: r.dueOn, done: r.orderId !== undefined }, today),
        ...(r.orderId && r.recordedAt ? { orderId: r.orderId, recordedAt: r.recordedAt } : {}),
      })),
      ...(rows.length > limit && last
        ? { nextCursor: encodeCursor(dayKey(last.dueOn), last.contractId) }
        : {}),
    };
  }
}
