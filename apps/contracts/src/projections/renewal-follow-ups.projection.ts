import type { DeliveredEvent } from '@serviceops/messaging';
import { entityManagerOn } from '@serviceops/platform';
import type { PoolClient } from 'pg';
import { LessThan, type DataSource } from 'typeorm';
import type { ContractEvent } from '../domain/contract/contract.events';
import { RenewalFollowUpRow } from '../infrastructure/read-models';

export const RENEWAL_FOLLOW_UPS_CONSUMER = 'contracts-renewal-follow-ups';

/**
 * The renewal follow-ups from the contracts' own events: the expiry notice opens one (a notice for a moved end
 * opens the contract's next), RenewalFollowUpClosed closes it, and every later event of the contract moves its
 * version (the If-Match to close it with). Only forward: a redelivered older event changes nothing.
 */
export function renewalFollowUpsProjection(dataSource: DataSource) {
  return async (event: DeliveredEvent, tx: PoolClient): Promise<void> => {
    const tenantId = event.metadata.tenantId;
    if (
      !tenantId ||
      !event.streamId.startsWith('contract-') ||
      event.streamId.startsWith('contract-template-')
    )
      return;
    const rows = entityManagerOn(dataSource, tx).getRepository(RenewalFollowUpRow);
    const version = event.streamVersion;
    const e = { type: event.type, data: event.data } as ContractEvent;
    const { contractId } = e.data as { contractId: string };
    const later = { contractId, version: LessThan(version) };
    if (e.type === 'ExpiryNoticeSent') {
      const opened = {
        owner: e.data.followUpOwner,
        endDate: e.data.endDate,
        status: 'open',
        openedAt: new Date(e.data.sentAt),
        closedAt: null,
        closedBy: null,
      };
      await rows
        .createQueryBuilder()
        .insert()
        .values({ contractId, tenantId, version, ...opened })
        .orIgnore()
        .execute();
      await rows.update(later, { version, ...opened });
      return;
    }
    if (e.type === 'RenewalFollowUpClosed') {
      const { outcome, closedAt, closedBy } = e.data;
      await rows.update(later, { version, status: outcome, closedAt: new Date(closedAt), closedBy });
      return;
    }
    await rows.update(later, { version });
  };
}
