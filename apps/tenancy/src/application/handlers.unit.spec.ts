import { API, declarationOf } from '@serviceops/contracts';
import { handlerTable, ProblemError, requestOf } from '@serviceops/platform';
import { TENANCY_HANDLERS } from '../tenancy.service-definition';

const USER = '0B7C9A34-5B7E-4C1E-9A3A-1F2D3C4B5A69';

describe('tenancy’s handlers', () => {
  it('handle each declared method once', () => {
    expect([...handlerTable('tenancy', TENANCY_HANDLERS).keys()].sort()).toEqual(
      Object.keys(API.tenancy).sort(),
    );
  });

  it.each([
    ['tenancy.DisableUser', 'userId'],
    ['tenancy.ChangeUserRoles', 'userId'],
    ['tenancy.GetTenantById', 'tenantId'],
    ['tenancy.DisableTenant', 'tenantId'],
    ['tenancy.EnableTenant', 'tenantId'],
  ] as const)('%s: the path id travels in %s, checked and lower-cased', (rpc, field) => {
    const declaration = declarationOf(rpc);
    expect(requestOf(declaration, { [field]: USER, expectedVersion: 3 })).toEqual({
      [field]: USER.toLowerCase(),
      expectedVersion: 3,
    });
    for (const bad of [{}, { [field]: 'not-a-uuid' }, { id: USER }])
      expect(() => requestOf(declaration, bad)).toThrow(ProblemError);
  });
});
