import { controllerOf, route } from '../routes/mount';
import { AuditPageView, AuditQuery, CustomerStatsView } from './analytics.dto';

/** CustomerStats as gRPC gives it: int64 counts as strings, zero counts left out. */
interface CustomerStatsReply {
  readonly tenantId: string;
  readonly customers?: string;
  readonly byChannel?: Readonly<Record<string, string>>;
  readonly updatedAt: string;
}

/** An int64 count (a string over gRPC) as a JSON number; counts stay far below 2^53. */
export function countOf(value: string | number | undefined): number {
  return value === undefined ? 0 : Number(value);
}

function customerStatsView(stats: CustomerStatsReply): CustomerStatsView {
  return {
    tenantId: stats.tenantId,
    customers: countOf(stats.customers),
    byChannel: Object.fromEntries(Object.entries(stats.byChannel ?? {}).map(([k, v]) => [k, countOf(v)])),
    updatedAt: stats.updatedAt,
  };
}

/** Figures and the audit trail over REST: each route is its declaration bound to these shapes. */
export const AnalyticsRoutes = controllerOf('analytics', [
  route({ rpc: 'analytics.GetCustomerStats', answer: CustomerStatsView, view: customerStatsView }),
  route({ rpc: 'analytics.ListAudit', query: AuditQuery, answer: AuditPageView }),
]);
