import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { GrpcMethod } from '@nestjs/microservices';
import { callContextOf, GrpcProblemFilter } from '@serviceops/platform';
import { ChangeCustomerPolicyCommand, CustomerPolicies, type PolicyView } from '../../application/policies';

/** Over gRPC, an unset `every_days` means no periodic visits (REST says null). */
function toMessage(view: PolicyView) {
  const { everyDays, ...returnVisits } = view.returnVisits;
  return { ...view, returnVisits: { ...returnVisits, ...(everyDays !== null ? { everyDays } : {}) } };
}

@Controller()
@UseFilters(GrpcProblemFilter)
export class PoliciesGrpcController {
  constructor(
    private readonly commands: CommandBus,
    private readonly policies: CustomerPolicies,
  ) {}

  @GrpcMethod('Customers', 'GetCustomerPolicy')
  async get(_req: object, md: Metadata) {
    return toMessage(await this.policies.view(callContextOf(md)));
  }

  @GrpcMethod('Customers', 'GetCustomerPolicyHistory')
  async history(_req: object, md: Metadata) {
    const { versions } = await this.policies.history(callContextOf(md));
    return { versions: versions.map(toMessage) };
  }

  @GrpcMethod('Customers', 'ChangeCustomerPolicy')
  async change(
    req: {
      inquiryReply?: { withinBusinessHours?: number };
      returnVisits?: { afterServiceDays?: number; everyDays?: number };
      care?: { birthdays?: boolean; holidays?: boolean; hour?: number };
      expectedVersion?: number;
    },
    md: Metadata,
  ) {
    const policy = {
      inquiryReply: req.inquiryReply,
      returnVisits: req.returnVisits && {
        ...req.returnVisits,
        everyDays: req.returnVisits.everyDays ?? null,
      },
      care: req.care && { birthdays: false, holidays: false, hour: 0, ...req.care },
    };
    const view = await this.commands.execute<ChangeCustomerPolicyCommand, PolicyView>(
      new ChangeCustomerPolicyCommand(callContextOf(md), policy, req.expectedVersion),
    );
    return toMessage(view);
  }
}
