import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@serviceops/kernel';
import { execute, type CallContext } from '@serviceops/platform';
import type { ChangeCustomerContacts, RegisterCustomer } from '../domain/customer/customer.commands';
import { customerDecider } from '../domain/customer/customer.decider';
import { KnownBranches } from './known-branches';
import { CustomerCodecs, customerStream } from './customer-store';
import { toCustomerView, type CustomerView } from './customer-view';

export class RegisterCustomerCommand {
  constructor(
    readonly call: CallContext,
    readonly data: Omit<RegisterCustomer['data'], 'customerId'>,
  ) {}
}

export class ChangeCustomerContactsCommand {
  constructor(
    readonly call: CallContext,
    readonly data: ChangeCustomerContacts['data'],
    readonly expectedVersion?: number,
  ) {}
}

@CommandHandler(RegisterCustomerCommand)
export class RegisterCustomerHandler implements ICommandHandler<RegisterCustomerCommand, CustomerView> {
  constructor(
    private readonly codecs: CustomerCodecs,
    private readonly branches: KnownBranches,
  ) {}

  async execute({ call, data }: RegisterCustomerCommand): Promise<CustomerView> {
    const customerId = newId();
    const codec = await this.codecs.forWrite(customerId);
    const branchIds = data.branchId ? await this.branches.of(call.tenantId) : undefined;
    const { runtime } = this.codecs;
    const done = await runtime.timed('RegisterCustomer', () =>
      execute(
        runtime.store,
        customerDecider,
        customerStream(call.tenantId, customerId),
        { type: 'RegisterCustomer', data: { ...data, customerId } },
        { now: new Date(), ...(branchIds ? { branchIds } : {}) },
        call,
        { codec, newStream: true },
      ),
    );
    return toCustomerView(done.state, done.version);
  }
}

@CommandHandler(ChangeCustomerContactsCommand)
export class ChangeCustomerContactsHandler implements ICommandHandler<
  ChangeCustomerContactsCommand,
  CustomerView
> {
  constructor(private readonly codecs: CustomerCodecs) {}

  async execute({ call, data, expectedVersion }: ChangeCustomerContactsCommand): Promise<CustomerView> {
    const codec = await this.codecs.forRead(data.customerId);
    const { runtime } = this.codecs;
    const done = await runtime.timed('ChangeCustomerContacts', () =>
      execute(
        runtime.store,
        customerDecider,
        customerStream(call.tenantId, data.customerId),
        { type: 'ChangeCustomerContacts', data },
        { now: new Date() },
        call,
        { codec, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
      ),
    );
    return toCustomerView(done.state, done.version);
  }
}
