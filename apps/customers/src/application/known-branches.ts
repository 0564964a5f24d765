import { Inject, Injectable } from '@nestjs/common';
import type { EventSourcingRuntime } from '@serviceops/platform';
import type { PoolClient } from 'pg';
import type { DeliveredEvent } from '@serviceops/messaging';
import { RUNTIME } from './customer-store';

/** The tenant's branches, as tenancy's events told us (a local copy: no call to tenancy on the hot path). */
@Injectable()
export class KnownBranches {
  constructor(@Inject(RUNTIME) private readonly runtime: EventSourcingRuntime) {}

  async of(tenantId: string): Promise<string[]> {
    const { rows } = await this.runtime.store.pool.query<{ branch_id: string }>(
      'SELECT branch_id FROM customers.known_branches WHERE tenant_id = $1',
      [tenantId],
    );
    return rows.map((r) => r.branch_id);
  }
}

export async function projectKnownBranches(event: DeliveredEvent, tx: PoolClient): Promise<void> {
  if (event.type !== 'BranchAdded' || !event.metadata.tenantId) return;
  const { branchId } = event.data as { branchId: string };
  await tx.query(
    'INSERT INTO customers.known_branches (branch_id, tenant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [branchId, event.metadata.tenantId],
  );
}
