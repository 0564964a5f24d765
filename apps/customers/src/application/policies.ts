import { Inject, Injectable } from '@nestjs/common';
import { execute, Handles, type CallContext, type EventSourcingRuntime } from '@serviceops/platform';
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

/** The policy's versions as the proto states them, and its one command. */
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

  @Handles('customers.ChangeCustomerPolicy')
  async change(
    request: {
      inquiryReply?: { withinBusinessHours?: number };
      returnVisits?: { afterServiceDays?: number; everyDays?: number };
      care?: { birthdays?: boolean; holidays?: boolean; hour?: number };
      expectedVersion?: number;
    },
    call: CallContext,
  ) {
    const { expectedVersion, returnVisits, care } = request;
    const checked = validateCustomerPolicy({
      inquiryReply: request.inquiryReply,
      returnVisits: returnVisits && { ...returnVisits, everyDays: returnVisits.everyDays ?? null },
      care: care && { birthdays: false, holidays: false, hour: 0, ...care },
    });
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
    return toMessage(await this.policies.view(call));
  }
}
