import { AUDIT_READERS, STATS_READERS } from './access';
import type { Declaration } from './declaration';

/**
 * The analytics service's methods: gRPC name → REST route, roles, summary. Read models only: no ANALYTICS code to
 * answer (a bad page or cursor is the platform's VALIDATION).
 */
export const ANALYTICS_API = {
  GetCustomerStats: {
    http: { method: 'GET', path: 'analytics/customers', status: 200 },
    access: STATS_READERS,
    errors: [],
    summary: 'Customer figures of your tenant',
  },
  ListAudit: {
    http: { method: 'GET', path: 'audit', status: 200 },
    access: AUDIT_READERS,
    errors: [],
    summary: 'The audit trail: who did what, when, on whose behalf and why',
  },
} as const satisfies Record<string, Declaration>;
