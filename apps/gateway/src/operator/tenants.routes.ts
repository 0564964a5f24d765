import { resourceRoutes, route, type RouteInput } from '../routes/mount';
import * as bodies from './tenants.dto';
import { ChangeTenantStatusRequest, GetTenantByIdRequest, ListTenantsQuery } from './tenants.dto';
import { CreatedTenantView, TenantRecordPageView, TenantRecordView } from './tenants.views';

/** The tenant a path names, as the RPC calls it. */
const byId = ({ params, expectedVersion }: RouteInput) => ({ tenantId: params['id'], expectedVersion });

/**
 * The platform operator's routes: provisioning tenants. No tenant user (not even an admin) may call them; an
 * operator calls nothing else but these (and reads GET /tenant of the platform's own tenant). Derived: creating a
 * tenant (its body the `@BodyOf` class of tenants.dto.ts, its answer the tenant made with its first admin). Bound
 * here: the reads, and disabling and enabling, whose path id travels as `tenantId` and which answer the tenant's
 * record.
 */
export const TenantRoutes = resourceRoutes(
  'tenants',
  { answer: CreatedTenantView, tag: 'operator' },
  bodies,
  [
    route({
      rpc: 'tenancy.ListTenants',
      query: ListTenantsQuery,
      answer: TenantRecordPageView,
      view: (page: Partial<TenantRecordPageView>) => ({
        items: page.items ?? [],
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      }),
    }),
    route({
      rpc: 'tenancy.GetTenantById',
      answer: TenantRecordView,
      request: byId,
      grpc: GetTenantByIdRequest,
    }),
    route({
      rpc: 'tenancy.DisableTenant',
      answer: TenantRecordView,
      request: byId,
      grpc: ChangeTenantStatusRequest,
    }),
    route({
      rpc: 'tenancy.EnableTenant',
      answer: TenantRecordView,
      request: byId,
      grpc: ChangeTenantStatusRequest,
    }),
  ],
);
