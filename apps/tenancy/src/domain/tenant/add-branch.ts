import { type Caller, type Command, type Event, useCase } from '@serviceops/kernel';
import type { BusinessLine } from '../business-lines';
import { TenancyErrorCode as E, tenancyError } from './tenant.errors';
import { CALLERS_TENANT, enabledTenant, knownLine, onTenant, validName } from './tenant.rules';
import { entry, type TenantContext, type TenantState } from './tenant.state';

export type AddBranch = Command<
  'AddBranch',
  { tenantId: string; branchId: string; name: string; businessLines?: readonly BusinessLine[] }
>;

export type BranchAdded = Event<
  'BranchAdded',
  { branchId: string; name: string; businessLines: readonly BusinessLine[] }
>;

export const addBranch = useCase<AddBranch, BranchAdded, TenantState, TenantContext>({
  command: 'AddBranch',
  handles: {
    rpc: 'tenancy.AddBranch',
    command: (request: { name?: string; businessLines?: BusinessLine[] }, { newId }: Caller) => ({
      type: 'AddBranch',
      data: {
        tenantId: CALLERS_TENANT,
        branchId: newId,
        name: request.name ?? '',
        businessLines: request.businessLines ?? [],
      },
    }),
  },
  decide(command, state) {
    const tenant = enabledTenant(state, command.data.tenantId);
    const { branchId, businessLines = [] } = command.data;
    const name = validName(command.data.name, 'name');
    if (entry(tenant.branches, branchId)) {
      throw tenancyError(E.BRANCH_EXISTS, `branch ${branchId} already exists`, { branchId });
    }
    const key = name.toLowerCase();
    if (Object.values(tenant.branches).some((b) => b.name.toLowerCase() === key)) {
      throw tenancyError(E.BRANCH_EXISTS, `a branch is already named "${name}"`, { name });
    }
    for (const line of businessLines) {
      knownLine(line);
      if (!tenant.businessLines.includes(line)) {
        throw tenancyError(E.BUSINESS_LINE_NOT_ENABLED, `the tenant does not run ${line}`, { line });
      }
    }
    return [{ type: 'BranchAdded', data: { branchId, name, businessLines: [...new Set(businessLines)] } }];
  },
  evolve: {
    BranchAdded: onTenant((tenant, { data: { branchId, name, businessLines } }) => ({
      ...tenant,
      branches: { ...tenant.branches, [branchId]: { name, businessLines } },
    })),
  },
});
