import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import {
  allDeclarations,
  GRPC_SERVICES,
  PLATFORM_OPERATORS,
  type GrpcServiceName,
} from '@serviceops/contracts';
import { CONTROLLERS } from '../gateway.module';
import { GRPC_ONLY } from '../grpc/grpc-requests';
import { RPC_METADATA } from '../openapi/endpoint.decorator';
import { serviceDefinitionOf } from '../upstream/protos';
import { ACCESS_METADATA } from './access.decorators';
import { accessOf, allows, ANY_ROLE, PUBLIC, RPC_ACCESS, type Access, type Rpc } from './access.table';
import { ROLES } from './roles';

const services = Object.keys(GRPC_SERVICES) as GrpcServiceName[];

interface Route {
  readonly route: string;
  readonly access: Access | undefined;
  readonly rpc: Rpc | undefined;
}

function routes(): Route[] {
  return CONTROLLERS.flatMap((controller) => {
    const prefix = String(Reflect.getMetadata(PATH_METADATA, controller));
    const proto = controller.prototype as unknown as Record<string, unknown>;
    return Object.getOwnPropertyNames(proto)
      .filter((name) => name !== 'constructor' && typeof proto[name] === 'function')
      .map((name) => proto[name] as object)
      .filter((handler) => Reflect.getMetadata(PATH_METADATA, handler) !== undefined)
      .map((handler) => {
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const path = String(Reflect.getMetadata(PATH_METADATA, handler));
        return {
          route: `${method} /${[prefix, path].filter((p) => p && p !== '/').join('/')}`,
          access: Reflect.getMetadata(ACCESS_METADATA, handler) as Access | undefined,
          rpc: Reflect.getMetadata(RPC_METADATA, handler) as Rpc | undefined,
        };
      });
  });
}

describe('the role table', () => {
  it.each(services)(
    'has a rule for every method of the %s proto, and none for methods it lacks',
    (service) => {
      expect(Object.keys(RPC_ACCESS[service]).sort()).toEqual(
        Object.keys(serviceDefinitionOf(service)).sort(),
      );
    },
  );

  it('names only known roles, and every list at least one', () => {
    for (const service of services)
      for (const access of Object.values(RPC_ACCESS[service])) {
        if (access === PUBLIC || access === ANY_ROLE) continue;
        expect(access.length).toBeGreaterThan(0);
        for (const role of access) expect(ROLES).toContain(role);
      }
  });

  it('opens only signing in, activation, refresh and sign-out to callers without a token', () => {
    const open = services.flatMap((service) =>
      Object.entries(RPC_ACCESS[service])
        .filter(([, access]) => access === PUBLIC)
        .map(([method]) => `${service}.${method}`),
    );
    expect(open).toEqual([
      'tenancy.Authenticate',
      'tenancy.RefreshAccessToken',
      'tenancy.Logout',
      'tenancy.ActivateUser',
    ]);
  });

  it.each<[Rpc, string, boolean]>([
    ['customers.RegisterCustomer', 'customer_service_agent', true],
    ['customers.RegisterCustomer', 'auditor', false],
    ['customers.GetCustomer', 'auditor', true],
    ['customers.GetCustomer', 'technician', false],
    ['analytics.GetCustomerStats', 'finance', true],
    ['analytics.GetCustomerStats', 'legal', false],
    ['analytics.ListAudit', 'legal', true],
    ['analytics.ListAudit', 'finance', false],
    ['tenancy.RegisterUser', 'service_director', false],
    ['tenancy.GetTenant', 'technician', true],
    ['customers.UpdateCustomerFile', 'service_advisor', true],
    ['customers.UpdateCustomerFile', 'legal', false],
    ['customers.MergeCustomers', 'service_director', true],
    ['customers.MergeCustomers', 'service_advisor', false],
    ['customers.UndoCustomerMerge', 'customer_service_agent', true],
    ['customers.UndoCustomerMerge', 'workshop_manager', false],
    ['customers.EraseCustomer', 'legal', true],
    ['customers.EraseCustomer', 'customer_service_agent', false],
    ['customers.OpenInquiry', 'workshop_manager', true],
    ['customers.AnswerInquiry', 'auditor', false],
    ['customers.ListInquiries', 'finance', true],
    ['customers.RecordReturnVisit', 'service_advisor', true],
    ['customers.CancelReturnVisit', 'vice_president', false],
    ['customers.GetReturnVisit', 'vice_president', true],
    ['customers.GetCustomerTimeline', 'coach', false],
    ['customers.GetCustomerPolicy', 'auditor', true],
    ['customers.ChangeCustomerPolicy', 'service_director', false],
    ['customers.GetCustomerPolicyHistory', 'legal', true],
  ])('%s allows role %s: %p', (rpc, role, allowed) => {
    expect(allows(accessOf(rpc), [role])).toBe(allowed);
  });

  it('lets admin do everything but provision tenants, and lets no one in on an empty role list', () => {
    for (const service of services)
      for (const access of Object.values(RPC_ACCESS[service])) {
        expect(allows(access, ['admin'])).toBe(access !== PLATFORM_OPERATORS);
        if (access !== PUBLIC && access !== ANY_ROLE) expect(allows(access, [])).toBe(false);
      }
  });

  it('lets the platform operator provision tenants and touch no tenant’s business', () => {
    const operatorMay = services.flatMap((service) =>
      Object.entries(RPC_ACCESS[service])
        .filter(
          ([, access]) => access !== PUBLIC && access !== ANY_ROLE && allows(access, ['platform_operator']),
        )
        .map(([method]) => `${service}.${method}`),
    );
    expect(operatorMay.sort()).toEqual(
      [
        'tenancy.CreateTenant',
        'tenancy.DisableTenant',
        'tenancy.EnableTenant',
        'tenancy.GetTenantById',
        'tenancy.ListTenants',
      ].sort(),
    );
  });
});

describe('the REST routes', () => {
  const all = routes();

  it('are the declared ones, all found', () => {
    const declared = allDeclarations().map(({ declaration: { http } }) => `${http.method} /${http.path}`);
    expect(all.map((r) => r.route).sort()).toEqual(declared.sort());
  });

  // The routes published so far stay (a route added later, by hand or by the generator, joins the declared ones).
  it('keep every route published so far', () => {
    expect(all.map((r) => r.route)).toEqual(
      expect.arrayContaining([
        'POST /auth/token',
        'GET /tenant',
        'POST /tenant/branches',
        'POST /tenant/business-lines',
        'PUT /tenant/calendar',
        'POST /users',
        'GET /users',
        'POST /users/:id/change-roles',
        'POST /users/:id/disable',
        'POST /customers',
        'GET /customers',
        'GET /customers/:id',
        'GET /customers/:id/history',
        'POST /customers/:id/change-contacts',
        'POST /customers/:id/update-file',
        'POST /customers/:id/merge',
        'POST /customers/:id/undo-merge',
        'POST /customers/:id/erase',
        'GET /customers/:id/timeline',
        'POST /inquiries',
        'GET /inquiries',
        'GET /inquiries/:id',
        'GET /inquiries/:id/history',
        'POST /inquiries/:id/answer',
        'POST /inquiries/:id/hand-off',
        'POST /return-visits',
        'GET /return-visits',
        'GET /return-visits/:id',
        'GET /return-visits/:id/history',
        'POST /return-visits/:id/record',
        'POST /return-visits/:id/cancel',
        'GET /policies/customers',
        'PUT /policies/customers',
        'GET /policies/customers/history',
        'GET /analytics/customers',
        'GET /audit',
        'POST /tenants',
        'GET /tenants',
        'GET /tenants/:id',
        'POST /tenants/:id/disable',
        'POST /tenants/:id/enable',
      ]),
    );
  });

  it.each(all.map((r) => [r.route, r.access] as const))('%s declares its access rule', (_, access) => {
    expect(access).toBeDefined();
  });

  it('leave only the token, refresh, sign-out and activation routes public', () => {
    expect(all.filter((r) => r.access === PUBLIC).map((r) => r.route)).toEqual([
      'POST /auth/token',
      'POST /auth/activate',
      'POST /auth/refresh',
      'POST /auth/logout',
    ]);
  });

  it.each(all.map((r) => [r.route, r.rpc] as const))('%s names the RPC it ends in', (_, rpc) => {
    expect(rpc).toBeDefined();
  });

  it.each(services)('cover every method of the %s proto, except those documented as gRPC-only', (service) => {
    const routed = new Set(all.map((r) => r.rpc));
    const missing = Object.keys(serviceDefinitionOf(service))
      .map((method) => `${service}.${method}` as Rpc)
      .filter((rpc) => !routed.has(rpc) && GRPC_ONLY[rpc] === undefined);
    expect(missing).toEqual([]);
  });

  it('leave nothing documented as gRPC-only that has a route after all', () => {
    const routed = new Set(all.map((r) => r.rpc));
    expect(Object.keys(GRPC_ONLY).filter((rpc) => routed.has(rpc as Rpc))).toEqual([]);
  });
});
