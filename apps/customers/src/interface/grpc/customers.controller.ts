import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { GrpcMethod } from '@nestjs/microservices';
import type { CustomerChannel } from '@serviceops/contracts';
import { isUuid } from '@serviceops/kernel';
import { callContextOf, GrpcProblemFilter, ProblemError } from '@serviceops/platform';
import { ChangeCustomerContactsCommand, RegisterCustomerCommand } from '../../application/customer-commands';
import { CustomerQueries, type ListFilter } from '../../application/customer-queries';
import type { CustomerView } from '../../application/customer-view';

function customerId(id: string | undefined): string {
  if (!id || !isUuid(id)) throw new ProblemError('CUSTOMERS.CUSTOMER_NOT_FOUND', 'no such customer');
  return id;
}

@Controller()
@UseFilters(GrpcProblemFilter)
export class CustomersGrpcController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: CustomerQueries,
  ) {}

  @GrpcMethod('Customers', 'RegisterCustomer')
  register(
    req: {
      name?: string;
      phone?: string;
      email?: string;
      channel?: string;
      branchId?: string;
      notes?: string;
    },
    md: Metadata,
  ): Promise<CustomerView> {
    return this.commands.execute(
      new RegisterCustomerCommand(callContextOf(md), {
        name: req.name ?? '',
        channel: (req.channel ?? '') as CustomerChannel,
        ...(req.phone ? { phone: req.phone } : {}),
        ...(req.email ? { email: req.email } : {}),
        ...(req.branchId ? { branchId: req.branchId } : {}),
        ...(req.notes ? { notes: req.notes } : {}),
      }),
    );
  }

  @GrpcMethod('Customers', 'ChangeCustomerContacts')
  changeContacts(
    req: { id?: string; expectedVersion?: number; phone?: string; email?: string },
    md: Metadata,
  ): Promise<CustomerView> {
    // Over gRPC an empty string removes a contact (proto3 strings cannot be null).
    const contact = (v: string | undefined) => (v === undefined ? undefined : v === '' ? null : v);
    return this.commands.execute(
      new ChangeCustomerContactsCommand(
        callContextOf(md),
        { customerId: customerId(req.id), phone: contact(req.phone), email: contact(req.email) },
        req.expectedVersion,
      ),
    );
  }

  @GrpcMethod('Customers', 'GetCustomer')
  get(req: { id?: string; asOf?: string }, md: Metadata): Promise<CustomerView> {
    return this.queries.get(callContextOf(md), customerId(req.id), req.asOf);
  }

  @GrpcMethod('Customers', 'ListCustomers')
  list(req: ListFilter, md: Metadata) {
    return this.queries.list(callContextOf(md), req);
  }

  @GrpcMethod('Customers', 'GetCustomerHistory')
  history(req: { id?: string }, md: Metadata) {
    return this.queries.history(callContextOf(md), customerId(req.id));
  }
}
