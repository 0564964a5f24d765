import { type Command, useCase } from '@serviceops/kernel';
import { PLATFORM_OPERATOR, PLATFORM_TENANT_ID } from '../roles';
import { tenantCreated, type CreateTenant, type TenantCreated } from './create-tenant';
import { withFirstUser } from './provision-tenant';
import type { UserRegistered } from './register-user';
import { TenancyErrorCode as E, tenancyError } from './tenant.errors';
import { registering } from './tenant.rules';
import type { TenantContext, TenantState } from './tenant.state';

/** First start: the reserved platform tenant and its first operator. */
export type ProvisionPlatform = Command<
  'ProvisionPlatform',
  { tenantId: string; operator: { userId: string; username: string; displayName: string } }
>;

/** The name of the reserved tenant holding the platform operators (taken, like any tenant's name). */
export const PLATFORM_TENANT_NAME = 'ServiceOps platform operators';

const provisionPlatformCase = useCase<
  ProvisionPlatform,
  TenantCreated | UserRegistered,
  TenantState,
  TenantContext,
  'TenantCreated' | 'UserRegistered'
>({
  command: 'ProvisionPlatform',
  decide(command, state, context) {
    const { tenantId, operator } = command.data;
    if (tenantId !== PLATFORM_TENANT_ID) {
      throw tenancyError(E.PLATFORM_TENANT, `the platform tenant is ${PLATFORM_TENANT_ID}`, { tenantId });
    }
    const create: CreateTenant = { type: 'CreateTenant', data: { tenantId, name: PLATFORM_TENANT_NAME } };
    return withFirstUser(tenantCreated(create, state, context), operator, [PLATFORM_OPERATOR], context);
  },
  // Its events are create-tenant's and register-user's.
  evolve: {},
});

/** Registers the first platform operator. */
export const provisionPlatform = registering(provisionPlatformCase, ({ data }) => [data.operator.userId]);
