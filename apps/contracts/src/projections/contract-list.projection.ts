import type { DataSource } from 'typeorm';
import type { ContractEvent } from '../domain/contract/contract.events';
import type { StoredStatus } from '../domain/contract/contract.state';
import { ContractListRow } from '../infrastructure/read-models';
import { forwardOnlyProjection, isContractStream } from './forward-only';

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

/**
 * The contract list from the service's own events. Rebuildable; only forward: a redelivered older event (even the
 * drafting) changes nothing, and every later event moves the row's version (the If-Match to change it with).
 */
export function contractListProjection(dataSource: DataSource) {
  return forwardOnlyProjection<ContractEvent, ContractListRow>(dataSource, {
    entity: ContractListRow,
    follows: isContractStream,
    keyOf: (e) => ({ contractId: e.data.contractId }),
    apply: async (e, row, tenantId) => {
      if (e.type === 'ContractDrafted') {
        const { contractId, customerId, kind, terms, draftedAt } = e.data;
        await row.create({
          contractId,
          tenantId,
          customerId,
          status: 'draft',
          kind,
          startDate: terms.startDate,
          endDate: terms.endDate,
          draftedAt: new Date(draftedAt),
        });
        return;
      }
      const status = STATUS_AFTER[e.type];
      const dates =
        e.type === 'ContractRevised' || e.type === 'ContractSigned' || e.type === 'AmendmentSigned'
          ? { startDate: e.data.terms.startDate, endDate: e.data.terms.endDate }
          : {};
      await row.advance({ ...(status ? { status } : {}), ...dates });
    },
  });
}
