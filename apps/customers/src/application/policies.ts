import { Inject, Injectable } from '@nestjs/common';
import {
  execute,
  Handles,
  handlesUseCases,
  type CallContext,
  type EventSourcingRuntime,
} from '@serviceops/platform';
import {
  CUSTOMER_POLICY_USE_CASES,
  customerPolicyDecider,
  customerPolicyStreamId,
  type CustomerPolicyCommand,
} from '../domain/policy/customer-policy.decider';
import type { CustomerPolicyChanged } from '../domain/policy/customer-policy.events';
import {
  DEFAULT_CUSTOMER_POLICY,
  type CustomerPolicy,
  type CustomerPolicyState,
} from '../domain/policy/customer-policy.state';
import { RUNTIME } from './customer-store';

export interface PolicyView extends CustomerPolicy {
  readonly version: number;
  readonly changedAt?: string;
  readonly changedBy?: string;
}

/** The tenant's customers policy (reply deadline, return visits, care), versioned: version 0 is the defaults. */
@Injectable()
export class CustomerPolicies {
  constructor(@Inject(RUNTIME) private readonly runtime: EventSourcingRuntime) {}

  async current(tenantId: string): Promise<CustomerPolicyState> {
    const { state } = await this.runtime.store.aggregate<CustomerPolicyState>(
      customerPolicyStreamId(tenantId),
      (s, e) => customerPolicyDecider.evolve(s, e as unknown as CustomerPolicyChanged),
      customerPolicyDecider.initialState,
    );
    return state;
  }

  async view(call: CallContext): Promise<PolicyView> {
    const versions = await this.history(call);
    return versions.versions.at(-1) ?? { version: 0, ...DEFAULT_CUSTOMER_POLICY };
  }

  async history(call: CallContext): Promise<{ versions: PolicyView[] }> {
    const { events } = await this.runtime.store.readStream(customerPolicyStreamId(call.tenantId));
    const changes = events.map((e) => {
      const data = (e as unknown as CustomerPolicyChanged).data;
      return {
        version: data.version,
        ...data.policy,
        changedAt: data.changedAt,
        changedBy: String(e.metadata.actorId ?? 'system'),
      };
    });
    return { versions: [{ version: 0, ...DEFAULT_CUSTOMER_POLICY }, ...changes] };
  }
}

/** Over gRPC, an unset `every_days` means no periodic visits (REST says null). */
function toMessage(view: PolicyView) {
  const { everyDays, ...returnVisits } = view.returnVisits;
  return { ...view, returnVisits: { ...returnVisits, ...(everyDays !== null ? { everyDays } : {}) } };
}

/** The policy's versions as the proto states them, and its one command (`changeCustomerPolicy`'s `handles`). */
@Injectable()
export class PolicyHandlers {
  constructor(
    @Inject(RUNTIME) private readonly runtime: EventSourcingRuntime,
    private readonly policies: CustomerPolicies,
  ) {}

  @Handles('customers.GetCustomerPolicy')
  async get(_request: object, call: CallContext) {
    return toMessage(await this.policies.view(call));
  }

  @Handles('customers.GetCustomerPolicyHistory')
  async history(_request: object, call: CallContext) {
    const { versions } = await this.policies.history(call);
    return { versions: versions.map(toMessage) };
  }

  /** A change to the tenant's policy (its one stream); the answer is the policy now in force. */
  async act(call: CallContext, command: CustomerPolicyCommand, expectedVersion: number | undefined) {
    await this.runtime.timed(command.type, () =>
      execute(
        this.runtime.store,
        customerPolicyDecider,
        customerPolicyStreamId(call.tenantId),
        command,
        { now: new Date() },
        call,
        expectedVersion !== undefined ? { expectedVersion } : {},
      ),
    );
    return toMessage(await this.policies.view(call));
  }
}

// Every use case with `handles` (ChangeCustomerPolicy): request → command → `act`.
handlesUseCases(PolicyHandlers, CUSTOMER_POLICY_USE_CASES, function (command, request, call) {
  return this.act(call, command as CustomerPolicyCommand, request.expectedVersion);
});
