import type { DataSource } from 'typeorm';
import type { ContractEvent } from '../domain/contract/contract.events';
import { RenewalFollowUpRow } from '../infrastructure/read-models';
import { forwardOnlyProjection, isContractStream } from './forward-only';

export const RENEWAL_FOLLOW_UPS_CONSUMER = 'contracts-renewal-follow-ups';

/**
 * The renewal follow-ups from the contracts' own events: the expiry notice opens one (a notice for a moved end
 * opens the contract's next), RenewalFollowUpClosed closes it, and every later event of the contract moves its
 * version (the If-Match to close it with). Only forward: a redelivered older event changes nothing.
 */
export function renewalFollowUpsProjection(dataSource: DataSource) {
  return forwardOnlyProjection<ContractEvent, RenewalFollowUpRow>(dataSource, {
    entity: RenewalFollowUpRow,
    follows: isContractStream,
    keyOf: (e) => ({ contractId: e.data.contractId }),
    apply: async (e, row, tenantId) => {
      if (e.type === 'ExpiryNoticeSent') {
        const opened = {
          owner: e.data.followUpOwner,
          endDate: e.data.endDate,
          status: 'open',
          openedAt: new Date(e.data.sentAt),
          closedAt: null,
          closedBy: null,
        };
        // The contract's first follow-up creates the row; a later one (the end moved) opens it again.
        await row.create({ contractId: e.data.contractId, tenantId, ...opened });
        await row.advance(opened);
        return;
      }
      if (e.type === 'RenewalFollowUpClosed') {
        const { outcome, closedAt, closedBy } = e.data;
        await row.advance({ status: outcome, closedAt: new Date(closedAt), closedBy });
        return;
      }
      await row.advance();
    },
  });
}
