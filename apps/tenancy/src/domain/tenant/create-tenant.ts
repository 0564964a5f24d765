import {
  type BusinessCalendar,
  type Command,
  defaultBusinessCalendar,
  type Event,
  useCase,
  validateBusinessCalendar,
} from '@serviceops/kernel';
import { PLATFORM_TENANT_ID } from '../roles';
import { TenancyErrorCode as E, tenancyError } from './tenant.errors';
import { copyCalendar, platformTenant, validName } from './tenant.rules';
import type { ActiveTenant, TenantContext, TenantState } from './tenant.state';

// Every command names its tenant: the handler loads that tenant's stream with it.

export type CreateTenant = Command<
  'CreateTenant',
  { tenantId: string; name: string; /** Defaults to defaultBusinessCalendar. */ calendar?: BusinessCalendar }
>;

export type TenantCreated = Event<
  'TenantCreated',
  { tenantId: string; name: string; calendar: BusinessCalendar; createdAt: string }
>;

/** A tenant as TenantCreated starts it (the one event that starts a stream). */
export function createdTenant({ data: { tenantId, name, calendar } }: TenantCreated): ActiveTenant {
  return { status: 'active', tenantId, name, calendar, branches: {}, businessLines: [], users: {} };
}

/** The tenant's creation, whoever asks for it (an operator's provisioning, first start's platform tenant). */
export function tenantCreated(
  command: CreateTenant,
  state: TenantState,
  context: TenantContext,
): [TenantCreated] {
  const { tenantId, calendar = defaultBusinessCalendar } = command.data;
  if (state.status !== 'absent') {
    throw tenancyError(E.TENANT_EXISTS, `tenant ${tenantId} already exists`, { tenantId });
  }
  const name = validName(command.data.name, 'name');
  if (context.tenantNameTaken) {
    throw tenancyError(E.TENANT_NAME_TAKEN, `a tenant is already named "${name}"`, { name });
  }
  validateBusinessCalendar(calendar);
  return [
    {
      type: 'TenantCreated',
      data: { tenantId, name, calendar: copyCalendar(calendar), createdAt: context.now.toISOString() },
    },
  ];
}

export const createTenant = useCase<CreateTenant, TenantCreated, TenantState, TenantContext>({
  command: 'CreateTenant',
  decide(command, state, context) {
    if (command.data.tenantId === PLATFORM_TENANT_ID) throw platformTenant(command.data.tenantId);
    return tenantCreated(command, state, context);
  },
  evolve: { TenantCreated: (_state, event) => createdTenant(event) },
});
