import type { DeliveredEvent } from '@serviceops/messaging';
import { entityManagerOn } from '@serviceops/platform';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { ContractEvent } from '../domain/contract/contract.events';
import type { StoredStatus } from '../domain/contract/contract.state';
import { ContractListRow } from '../infrastructure/read-models';

export const CONTRACT_LIST_CONSUMER = 'contracts-list';

/** The status each event leaves a contract in (none: unchanged). */
const STATUS_AFTER: Partial<Record<ContractEvent['type'], StoredStatus>> = {
  ContractSubmittedForReview: 'in_review',
  ContractApproved: 'approved',
  ContractReturned: 'returned',
  ContractSigned: 'signed',
  ContractSuspended: 'suspended',
  ContractResumed: 'signed',
  ContractTerminated: 'terminated',
  ContractRenewed: 'renewed',
  ContractArchived: 'archived',
  ContractExpired: 'expired',
};

/** The contract list from the service's own events. Rebuildable; a replayed event writes the same row. */
export function contractListProjection(dataSource: DataSource) {
  return async (event: DeliveredEvent, tx: PoolClient): Promise<void> => {
    const tenantId = event.metadata.tenantId;
    if (
      !tenantId ||
      !event.streamId.startsWith('contract-') ||
      event.streamId.startsWith('contract-template-')
    )
      return;
    const rows = entityManagerOn(dataSource, tx).getRepository(ContractListRow);
    const version = event.streamVersion;
    const e = { type: event.type, data: event.data } as ContractEvent;
    if (e.type === 'ContractDrafted') {
      const { contractId, customerId, kind, terms, draftedAt } = e.data;
      await rows.upsert(
        {
          contractId,
          tenantId,
          customerId,
          version,
          status: 'draft',
          kind,
          startDate: terms.startDate,
          endDate: terms.endDate,
          draftedAt: new Date(draftedAt),
        },
        ['contractId'],
      );
      return;
    }
    const { contractId } = e.data;
    const status = STATUS_AFTER[e.type];
    const dates =
      e.type === 'ContractRevised' || e.type === 'ContractSigned' || e.type === 'AmendmentSigned'
        ? { startDate: e.data.terms.startDate, endDate: e.data.terms.endDate }
        : {};
    await rows.update({ contractId }, { version, ...(status ? { status } : {}), ...dates });
  };
}
