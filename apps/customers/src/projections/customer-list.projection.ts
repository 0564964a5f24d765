import { entityManagerOn } from '@serviceops/platform';
import type { DeliveredEvent } from '@serviceops/messaging';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { CustomerContactsChangedV1, CustomerRegisteredV1 } from '@serviceops/contracts';
import { CustomerListRow } from '../infrastructure/read-models';

export const CUSTOMER_LIST_CONSUMER = 'customers-customer-list';

/** The customer list from customers' own events; sealed fields are copied sealed. Rebuildable from zero. */
export function customerListProjection(dataSource: DataSource) {
  return async (event: DeliveredEvent, tx: PoolClient): Promise<void> => {
    const rows = entityManagerOn(dataSource, tx).getRepository(CustomerListRow);
    const tenantId = event.metadata.tenantId;
    if (!tenantId) return;
    switch (event.type) {
      case 'CustomerRegistered': {
        const d = event.data as CustomerRegisteredV1;
        await rows.upsert(
          {
            customerId: d.customerId,
            tenantId,
            version: event.streamVersion,
            channel: d.channel,
            branchId: d.branchId ?? null,
            name: d.name,
            phone: d.phone ?? null,
            email: d.email ?? null,
            notes: d.notes ?? null,
            registeredAt: new Date(d.registeredAt),
            updatedAt: new Date(d.registeredAt),
          },
          ['customerId'],
        );
        return;
      }
      case 'CustomerContactsChanged': {
        const d = event.data as CustomerContactsChangedV1;
        await rows.update(
          { customerId: d.customerId },
          {
            version: event.streamVersion,
            updatedAt: new Date(d.changedAt),
            ...(d.phone !== undefined ? { phone: d.phone } : {}),
            ...(d.email !== undefined ? { email: d.email } : {}),
          },
        );
        return;
      }
      default:
        return;
    }
  };
}
