import { type Command, type Event, useCase } from '@serviceops/kernel';
import type { BusinessLine } from '../business-lines';
import { CALLERS_TENANT, enabledTenant, knownLine, onTenant } from './tenant.rules';
import type { TenantContext, TenantState } from './tenant.state';

export type EnableBusinessLine = Command<'EnableBusinessLine', { tenantId: string; line: BusinessLine }>;

export type BusinessLineEnabled = Event<'BusinessLineEnabled', { line: BusinessLine }>;

export const enableBusinessLine = useCase<
  EnableBusinessLine,
  BusinessLineEnabled,
  TenantState,
  TenantContext
>({
  command: 'EnableBusinessLine',
  handles: {
    rpc: 'tenancy.EnableBusinessLine',
    command: (request: { line: BusinessLine }) => ({
      type: 'EnableBusinessLine',
      data: { tenantId: CALLERS_TENANT, line: request.line },
    }),
  },
  decide(command, state) {
    const tenant = enabledTenant(state, command.data.tenantId);
    const line = knownLine(command.data.line);
    return tenant.businessLines.includes(line) ? [] : [{ type: 'BusinessLineEnabled', data: { line } }];
  },
  evolve: {
    BusinessLineEnabled: onTenant((tenant, event) => ({
      ...tenant,
      businessLines: [...tenant.businessLines, event.data.line],
    })),
  },
});
