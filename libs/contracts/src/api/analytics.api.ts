import { AUDIT_READERS, STATS_READERS } from './access';
import type { Declaration } from './declaration';

/** The analytics service's methods: gRPC name → REST route, roles, summary. */
export const ANALYTICS_API = {
  GetCustomerStats: {
    http: { method: 'GET', path: 'analytics/customers', status: 200 },
    access: STATS_READERS,
    summary: 'Customer figures of your tenant',
  },
  ListAudit: {
    http: { method: 'GET', path: 'audit', status: 200 },
    access: AUDIT_READERS,
    summary: 'The audit trail: who did what, when, on whose behalf and why',
  },
} as const satisfies Record<string, Declaration>;
