import { Inject, Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { execute, ProblemError, type CallContext, type EventSourcingRuntime } from '@serviceops/platform';
import {
  customerPolicyDecider,
  customerPolicyStreamId,
  validateCustomerPolicy,
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

export class ChangeCustomerPolicyCommand {
  constructor(
    readonly call: CallContext,
    readonly policy: unknown,
    readonly expectedVersion?: number,
  ) {}
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

@CommandHandler(ChangeCustomerPolicyCommand)
export class ChangeCustomerPolicyHandler implements ICommandHandler<ChangeCustomerPolicyCommand, PolicyView> {
  constructor(
    @Inject(RUNTIME) private readonly runtime: EventSourcingRuntime,
    private readonly policies: CustomerPolicies,
  ) {}

  async execute({ call, policy, expectedVersion }: ChangeCustomerPolicyCommand): Promise<PolicyView> {
    const checked = validateCustomerPolicy(policy);
    await this.runtime.timed('ChangeCustomerPolicy', () =>
      execute(
        this.runtime.store,
        customerPolicyDecider,
        customerPolicyStreamId(call.tenantId),
        { type: 'ChangeCustomerPolicy', data: { policy: checked } },
        { now: new Date() },
        call,
        expectedVersion !== undefined ? { expectedVersion } : {},
      ),
    );
    const view = await this.policies.view(call);
    if (!view) throw new ProblemError('INTERNAL', 'policy vanished');
    return view;
  }
}
