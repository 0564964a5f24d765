import { PLATFORM_TENANT_ID, type GrpcServiceName } from '@serviceops/contracts';
import {
  problemOfGrpcError,
  ProblemError,
  type CallContext,
  type InternalTokenSigner,
  type LocalServices,
} from '@serviceops/platform';
import { UserGate } from '../access/user-gate';
import { plainMessage } from '../upstream/protos';
import { Upstream, type UpstreamAddresses } from '../upstream/upstream';

/** How long a tenant's status is trusted before it is asked again (another gateway may have disabled it). */
export const TENANT_STATUS_TTL_MS = 5_000;
/** How long a known status still serves when tenancy cannot answer. */
export const TENANT_STATUS_STALE_MS = 60_000;

interface Known {
  readonly disabled: boolean;
  readonly at: number;
}

/**
 * Tokens outlive a tenant's disabling: every call that carries a tenant (REST and the public gRPC API alike)
 * is let through only while that tenant is enabled. The status comes from Tenancy.GetTenant, asked at most once
 * per TENANT_STATUS_TTL_MS per tenant, and at once on this gateway when an operator disables or enables one.
 */
export class TenantGate {
  private readonly known = new Map<string, Known>();
  private readonly asking = new Map<string, Promise<Known>>();

  constructor(
    private readonly ask: (caller: CallContext) => Promise<unknown>,
    private readonly ttlMs = TENANT_STATUS_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async assertActive(caller: CallContext): Promise<void> {
    const { tenantId } = caller;
    if (tenantId === PLATFORM_TENANT_ID) return; // the operators' own: never disabled
    const known = await this.statusOf(tenantId, caller);
    if (known.disabled)
      throw new ProblemError(
        'TENANCY.TENANT_DISABLED',
        'your tenant is disabled; ask the platform operator',
        undefined,
        { tenantId },
      );
  }

  /** What this gateway just did (an operator's DisableTenant / EnableTenant answer). */
  remember(tenantId: string, disabled: boolean): void {
    this.known.set(tenantId, { disabled, at: this.now() });
  }

  private async statusOf(tenantId: string, caller: CallContext): Promise<Known> {
    const known = this.known.get(tenantId);
    if (known && this.now() - known.at < this.ttlMs) return known;
    let asking = this.asking.get(tenantId);
    if (!asking) {
      asking = this.lookUp(tenantId, caller).finally(() => this.asking.delete(tenantId));
      this.asking.set(tenantId, asking);
    }
    try {
      return await asking;
    } catch (error) {
      // Tenancy unreachable for a moment: a recent answer still holds; without one the call is refused.
      if (known && this.now() - known.at < TENANT_STATUS_STALE_MS) return known;
      throw error;
    }
  }

  private async lookUp(tenantId: string, caller: CallContext): Promise<Known> {
    // The caller's identity, not their request: the look-up is no part of an idempotent command.
    const { idempotencyKey: _request, ...identity } = caller;
    const tenant = (await this.ask(identity)) as { disabled?: unknown } | undefined;
    const known = { disabled: tenant?.disabled === true, at: this.now() };
    this.known.set(tenantId, known);
    return known;
  }
}

const CHANGES_STATUS: Readonly<Record<string, boolean>> = { DisableTenant: true, EnableTenant: false };
/** Tenancy's methods that revoke a user's tokens (they bump its token version). */
const REVOKES_TOKENS = new Set(['ChangeUserRoles', 'SetUserPassword', 'DisableUser', 'EraseUser']);

/**
 * The backing services' clients, with every call on behalf of a tenant passed through the TenantGate; the
 * UserGate (used by the access guard and the public gRPC API) learns here of the user changes this gateway made.
 */
export class TenantGatedUpstream extends Upstream {
  readonly gate: TenantGate;
  readonly users: UserGate;

  constructor(
    addresses: UpstreamAddresses,
    signer: InternalTokenSigner,
    deadlineMs?: number,
    local?: LocalServices,
    /** How long a user's status is cached (USER_STATUS_TTL_MS). */
    userStatusTtlMs?: number,
  ) {
    super(addresses, signer, deadlineMs, local);
    this.gate = new TenantGate((caller) => super.invoke('tenancy', 'GetTenant', {}, caller));
    this.users = new UserGate(
      (userId, caller) =>
        (userId === caller.actorId
          ? super.invoke('tenancy', 'GetMe', {}, caller)
          : super.invoke('tenancy', 'GetUser', { userId }, caller)
        ).then(plainMessage, (error: unknown) => {
          // Asked from the access guard and the public gRPC API alike: an answer both map (a 503 when unreachable).
          const problem = problemOfGrpcError(error);
          if (problem.code === 'TENANCY.USER_NOT_FOUND') return undefined;
          throw new ProblemError(problem.code, problem.detail);
        }),
      userStatusTtlMs,
    );
  }

  override async invoke(
    service: GrpcServiceName,
    method: string,
    request: unknown,
    caller: CallContext | undefined,
  ): Promise<unknown> {
    if (caller) await this.gate.assertActive(caller);
    const reply = await super.invoke(service, method, request, caller);
    const disabled =
      service === 'tenancy' && Object.hasOwn(CHANGES_STATUS, method) ? CHANGES_STATUS[method] : undefined;
    const changed = reply as { id?: unknown } | undefined;
    if (disabled !== undefined && typeof changed?.id === 'string') this.gate.remember(changed.id, disabled);
    if (service === 'tenancy' && REVOKES_TOKENS.has(method) && caller && typeof changed?.id === 'string')
      this.users.forget(caller.tenantId, changed.id);
    return reply;
  }
}
