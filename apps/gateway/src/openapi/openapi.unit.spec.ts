import type { INestApplication } from '@nestjs/common';
import { routesOnlyDocument } from './routes-only.testing';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

// That REST and gRPC carry the same fields, for every method: rest-grpc-fields.unit.spec.ts.
let app: INestApplication;
let document: OpenAPIObject;

beforeAll(async () => {
  ({ app, document } = await routesOnlyDocument());
});

afterAll(async () => {
  await app?.close();
});

function operations(): { method: string; path: string; operation: OperationObject }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    (['get', 'post', 'put'] as const).flatMap((method) => {
      const operation = item[method];
      return operation ? [{ method: method.toUpperCase(), path, operation }] : [];
    }),
  );
}

function operationOf(rpc: string): OperationObject {
  const found = operations().find((o) => o.operation.operationId === rpc.replace('.', '_'));
  if (!found) throw new Error(`no route ends in ${rpc}`);
  return found.operation;
}

function parametersOf(operation: OperationObject): ParameterObject[] {
  return (operation.parameters ?? []).filter((p): p is ParameterObject => 'in' in p);
}

describe('the OpenAPI document', () => {
  it('builds, with every route of the customers service', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/customers',
        '/api/v1/customers/{id}',
        '/api/v1/customers/{id}/history',
        '/api/v1/customers/{id}/timeline',
        '/api/v1/customers/{id}/change-contacts',
        '/api/v1/customers/{id}/update-file',
        '/api/v1/customers/{id}/merge',
        '/api/v1/customers/{id}/undo-merge',
        '/api/v1/customers/{id}/erase',
        '/api/v1/inquiries',
        '/api/v1/inquiries/{id}',
        '/api/v1/inquiries/{id}/history',
        '/api/v1/inquiries/{id}/answer',
        '/api/v1/inquiries/{id}/hand-off',
        '/api/v1/return-visits',
        '/api/v1/return-visits/{id}',
        '/api/v1/return-visits/{id}/record',
        '/api/v1/return-visits/{id}/cancel',
        '/api/v1/policies/customers',
        '/api/v1/policies/customers/history',
      ]),
    );
  });

  it.each([
    'customers.GetCustomer',
    'customers.ListCustomers',
    'customers.GetCustomerTimeline',
    'customers.GetInquiry',
    'customers.ListInquiries',
    'customers.GetReturnVisit',
    'customers.ListReturnVisits',
  ])('asks %s for the purpose of reading personal data', (rpc) => {
    expect(parametersOf(operationOf(rpc)).map((p) => p.name)).toContain('X-Purpose');
  });

  it.each([
    ['tenancy.AddBranch', 'tenancy'],
    ['tenancy.CreateTenant', 'operator'],
    ['customers.RecordReturnVisit', 'return visits'],
    ['customers.ChangeCustomerContacts', 'customers'],
  ])(
    'keeps %s under its tag %s, where the tag is not the path (generated clients group by it)',
    (rpc, tag) => {
      expect(operationOf(rpc).tags).toEqual([tag]);
    },
  );

  it('says what a replayed answer carries where Idempotency-Key is described', () => {
    const header = parametersOf(operationOf('customers.RegisterCustomer')).find(
      (p) => p.name === 'Idempotency-Key',
    );
    expect(header?.description).toContain(
      'A replayed answer carries ids and versions; personal fields (`x-personal-data: true`) and secrets (`x-secret`) are left out (lists of them empty) — read the resource for them',
    );
  });

  it('describes the new resources’ ETag and Location, and the policy’s ETag', () => {
    for (const rpc of ['customers.OpenInquiry', 'customers.ScheduleReturnVisit']) {
      const created = operationOf(rpc).responses['201'] as { headers?: Record<string, unknown> };
      expect(Object.keys(created.headers ?? {})).toEqual(expect.arrayContaining(['ETag', 'Location']));
    }
    const changed = operationOf('customers.ChangeCustomerPolicy').responses['200'] as {
      headers?: Record<string, unknown>;
    };
    expect(Object.keys(changed.headers ?? {})).toContain('ETag');
  });
});
