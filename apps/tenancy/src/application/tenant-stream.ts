import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type Event } from '@serviceops/kernel';
import { execute, ProblemError, type CallContext, type EventSourcingRuntime } from '@serviceops/platform';
import type { PoolClient } from 'pg';
import { tenantDecider, tenantStreamId, type TenantCommand } from '../domain/tenant/tenant.decider';
import { TenancyErrorCode } from '../domain/tenant/tenant.errors';
import type { ActiveTenant, StaffMemberStanding } from '../domain/tenant/tenant.state';
import { dropCredentials, saveCredential, type Credential } from '../infrastructure/accounts.repository';
import { dropEndedInvitations } from '../infrastructure/invitations';
import { isTenantNameConflict, TenantsRepository } from '../infrastructure/tenants.repository';
import { projectAccounts } from '../projections/accounts.projection';
import { endOutdatedSignIns } from '../projections/sign-ins.projection';
import { erasedBy, UserNames } from './user-names';

export const RUNTIME = Symbol('RUNTIME');

export interface TenantResult {
  readonly tenant: ActiveTenant;
  readonly version: number;
}

/**
 * A command mapped from a request (its use case's `handles`) on the caller's tenant: a request never names one, so
 * the mapping leaves CALLERS_TENANT, replaced here by the tenant the caller signed in to.
 */
export function onCallersTenant<C extends TenantCommand>(command: C, call: CallContext): C {
  return { ...command, data: { ...command.data, tenantId: call.tenantId } };
}

/** One tenant's stream: read it, or run a command on it (load → decide → append). */
@Injectable()
export class TenantStream {
  constructor(
    @Inject(RUNTIME) private readonly runtime: EventSourcingRuntime,
    private readonly tenants: TenantsRepository,
    private readonly names: UserNames,
  ) {}

  /** The tenant as its stream says now: tenants are small, and a read must see the write just made. */
  async read(tenantId: string): Promise<TenantResult> {
    const { state, version } = await this.runtime.store.aggregate(
      tenantStreamId(tenantId),
      (s, e) => tenantDecider.evolve(s, e as Parameters<typeof tenantDecider.evolve>[1]),
      tenantDecider.initialState,
    );
    if (state.status !== 'active') throw new ProblemError('TENANCY.TENANT_NOT_FOUND', 'no such tenant');
    return { tenant: state, version };
  }

  /**
   * Runs `command` on the stream of the tenant it names, keeping accounts and the tenant list in step in the
   * append's transaction. `expectedVersion` is the caller's If-Match; `credential`, a password hash stored with
   * the event that registers its user; `beside`, what else is written in that transaction with the events decided
   * (an invitation's hash). A registered user's display name is stored sealed with their own key (UserNames).
   */
  async execute(
    call: CallContext,
    command: TenantCommand,
    options: {
      expectedVersion?: number;
      credential?: Credential;
      beside?: (tx: PoolClient, events: readonly Event[]) => Promise<void>;
      /** The staff member a link names, from tenancy.staff_members (the decision's context). */
      staffMember?: StaffMemberStanding;
    } = {},
  ): Promise<TenantResult> {
    const { expectedVersion, credential, beside, staffMember } = options;
    const now = new Date();
    const inline = async (tx: PoolClient, state: unknown, version: number, events: readonly Event[]) => {
      await projectAccounts(tx, state, version, events);
      await endOutdatedSignIns(tx, state, events, now);
      if (credential) await saveCredential(tx, credential);
      await dropEndedInvitations(tx, events);
      // An erased user's key and password hash go with the event that erases them.
      await this.names.shredErased(tx, events);
      await dropCredentials(tx, erasedBy(events));
      if (beside) await beside(tx, events);
    };
    const tenantNameTaken = await this.nameTaken(command);
    const codec = await this.names.codecFor(command);
    const result = await this.runtime
      .timed(command.type, () =>
        execute(
          this.runtime.store,
          tenantDecider,
          tenantStreamId(command.data.tenantId),
          command,
          { now, tenantNameTaken, ...(staffMember ? { staffMember } : {}) },
          call,
          { expectedVersion, inline, codec },
        ),
      )
      .catch((error: unknown) => {
        if (isTenantNameConflict(error))
          throw new DomainError(TenancyErrorCode.TENANT_NAME_TAKEN, 'a tenant already has this name');
        throw error;
      });
    if (result.state.status !== 'active')
      throw new ProblemError('TENANCY.TENANT_NOT_FOUND', 'no such tenant');
    return { tenant: result.state, version: result.version };
  }

  /** Tenant names are unique across tenants (case-insensitive): only a new tenant's is looked up. */
  private nameTaken(command: TenantCommand): Promise<boolean> {
    if (command.type !== 'CreateTenant' && command.type !== 'ProvisionTenant') return Promise.resolve(false);
    return this.tenants.nameTaken(command.data.name, command.data.tenantId);
  }
}
