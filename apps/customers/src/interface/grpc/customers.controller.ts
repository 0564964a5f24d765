import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { GrpcMethod } from '@nestjs/microservices';
import type { CustomerChannel } from '@serviceops/contracts';
import { callContextOf, GrpcProblemFilter } from '@serviceops/platform';
import {
  ChangeCustomerContactsCommand,
  EraseCustomerCommand,
  MergeCustomersCommand,
  RegisterCustomerCommand,
  UpdateCustomerFileCommand,
} from '../../application/customer-commands';
import { CustomerQueries, type ListFilter } from '../../application/customer-queries';
import type { CustomerView } from '../../application/customer-view';
import type { CustomerNeed, Gender } from '../../domain/customer/customer.events';
import { idOf, optional, removable } from './grpc-fields';

interface MergeRequest {
  id?: string;
  duplicateId?: string;
  expectedVersion?: number;
}

interface NeedMessage {
  line?: string;
  needs?: string;
  preferences?: string;
}

const needsOf = (needs: NeedMessage[] | undefined): CustomerNeed[] =>
  (needs ?? []).map((n) => ({
    line: (n.line ?? '') as CustomerNeed['line'],
    ...optional('needs', n.needs),
    ...optional('preferences', n.preferences),
  }));

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
      gender?: string;
      birthDate?: string;
      address?: string;
      idNumber?: string;
      needs?: NeedMessage[];
      confirmDuplicate?: boolean;
    },
    md: Metadata,
  ): Promise<CustomerView> {
    return this.commands.execute(
      new RegisterCustomerCommand(callContextOf(md), {
        name: req.name ?? '',
        channel: (req.channel ?? '') as CustomerChannel,
        ...optional('phone', req.phone),
        ...optional('email', req.email),
        ...optional('branchId', req.branchId),
        ...optional('notes', req.notes),
        ...optional('gender', req.gender as Gender | undefined),
        ...optional('birthDate', req.birthDate),
        ...optional('address', req.address),
        ...optional('idNumber', req.idNumber),
        ...(req.needs?.length ? { needs: needsOf(req.needs) } : {}),
        ...(req.confirmDuplicate ? { confirmDuplicate: true } : {}),
      }),
    );
  }

  @GrpcMethod('Customers', 'ChangeCustomerContacts')
  changeContacts(
    req: { id?: string; expectedVersion?: number; phone?: string; email?: string; address?: string },
    md: Metadata,
  ): Promise<CustomerView> {
    return this.commands.execute(
      new ChangeCustomerContactsCommand(
        callContextOf(md),
        {
          customerId: idOf(req.id),
          phone: removable(req.phone),
          email: removable(req.email),
          address: removable(req.address),
        },
        req.expectedVersion,
      ),
    );
  }

  @GrpcMethod('Customers', 'UpdateCustomerFile')
  updateFile(
    req: {
      id?: string;
      expectedVersion?: number;
      name?: string;
      gender?: string;
      birthDate?: string;
      idNumber?: string;
      notes?: string;
      needs?: { items?: NeedMessage[] };
    },
    md: Metadata,
  ): Promise<CustomerView> {
    return this.commands.execute(
      new UpdateCustomerFileCommand(
        callContextOf(md),
        {
          customerId: idOf(req.id),
          ...(req.name !== undefined ? { name: req.name } : {}),
          gender: removable(req.gender) as Gender | null | undefined,
          birthDate: removable(req.birthDate),
          idNumber: removable(req.idNumber),
          notes: removable(req.notes),
          ...(req.needs ? { needs: needsOf(req.needs.items) } : {}),
        },
        req.expectedVersion,
      ),
    );
  }

  @GrpcMethod('Customers', 'MergeCustomers')
  merge(req: MergeRequest, md: Metadata): Promise<CustomerView> {
    return this.merging(req, md, false);
  }

  @GrpcMethod('Customers', 'UndoCustomerMerge')
  undoMerge(req: MergeRequest, md: Metadata): Promise<CustomerView> {
    return this.merging(req, md, true);
  }

  private merging(req: MergeRequest, md: Metadata, undo: boolean): Promise<CustomerView> {
    return this.commands.execute(
      new MergeCustomersCommand(
        callContextOf(md),
        idOf(req.id),
        idOf(req.duplicateId, 'duplicateId'),
        undo,
        req.expectedVersion,
      ),
    );
  }

  @GrpcMethod('Customers', 'EraseCustomer')
  erase(
    req: { id?: string; reason?: string; expectedVersion?: number },
    md: Metadata,
  ): Promise<CustomerView> {
    return this.commands.execute(
      new EraseCustomerCommand(callContextOf(md), idOf(req.id), req.reason ?? '', req.expectedVersion),
    );
  }

  @GrpcMethod('Customers', 'GetCustomer')
  get(req: { id?: string; asOf?: string }, md: Metadata): Promise<CustomerView> {
    return this.queries.get(callContextOf(md), idOf(req.id), req.asOf);
  }

  @GrpcMethod('Customers', 'ListCustomers')
  list(req: ListFilter, md: Metadata) {
    return this.queries.list(callContextOf(md), req);
  }

  @GrpcMethod('Customers', 'GetCustomerHistory')
  history(req: { id?: string }, md: Metadata) {
    return this.queries.history(callContextOf(md), idOf(req.id));
  }

  @GrpcMethod('Customers', 'GetCustomerTimeline')
  timeline(req: { id?: string; limit?: number; cursor?: string }, md: Metadata) {
    return this.queries.timeline(callContextOf(md), idOf(req.id), req);
  }
}
