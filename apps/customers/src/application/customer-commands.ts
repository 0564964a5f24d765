import { Injectable } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { seesPersonalData } from '@serviceops/contracts';
import { newId } from '@serviceops/kernel';
import { execute, executeTogether, ProblemError, type CallContext } from '@serviceops/platform';
import type {
  ChangeCustomerContacts,
  CustomerCommand,
  CustomerContext,
  RegisterCustomer,
  UpdateCustomerFile,
} from '../domain/customer/customer.commands';
import { customerDecider } from '../domain/customer/customer.decider';
import type { CustomerEvent } from '../domain/customer/customer.events';
import type { CustomerState } from '../domain/customer/customer.state';
import { BlindIndex } from '../infrastructure/blind-index';
import { sealedCustomerStateOf } from './customer-status';
import { CustomerCodecs, customerStream } from './customer-store';
import { toCustomerView, type CustomerView } from './customer-view';
import { KnownBranches } from './known-branches';

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

export class UpdateCustomerFileCommand {
  constructor(
    readonly call: CallContext,
    readonly data: UpdateCustomerFile['data'],
    readonly expectedVersion?: number,
  ) {}
}

export class MergeCustomersCommand {
  constructor(
    readonly call: CallContext,
    readonly survivorId: string,
    readonly duplicateId: string,
    /** Undo the merge instead. */
    readonly undo: boolean,
    readonly expectedVersion?: number,
  ) {}
}

export class EraseCustomerCommand {
  constructor(
    readonly call: CallContext,
    readonly customerId: string,
    readonly reason: string,
    readonly expectedVersion?: number,
  ) {}
}

/** What the writer sees back: what they just wrote, masked if their roles do not see personal data. */
function answer(call: CallContext, state: CustomerState, version: number): CustomerView {
  return toCustomerView(state, version, seesPersonalData(call.roles)).view;
}

@CommandHandler(RegisterCustomerCommand)
export class RegisterCustomerHandler implements ICommandHandler<RegisterCustomerCommand, CustomerView> {
  constructor(
    private readonly codecs: CustomerCodecs,
    private readonly branches: KnownBranches,
    private readonly index: BlindIndex,
  ) {}

  async execute({ call, data }: RegisterCustomerCommand): Promise<CustomerView> {
    const customerId = newId();
    const command: CustomerCommand = { type: 'RegisterCustomer', data: { ...data, customerId } };
    const [branchIds, duplicates] = await Promise.all([
      data.branchId ? this.branches.of(call.tenantId) : undefined,
      this.index.candidates(call.tenantId, data),
    ]);
    const context: CustomerContext = { now: new Date(), ...(branchIds ? { branchIds } : {}), duplicates };
    // Decided once before the data key is made, so bad input or a suspected duplicate leaves no key behind.
    const [registered] = customerDecider.decide(command, customerDecider.initialState(), context);
    const [codec] = await Promise.all([
      this.codecs.forWrite(customerId),
      this.index.addNew(call.tenantId, customerId, (registered?.data ?? {}) as object),
    ]);
    const { runtime } = this.codecs;
    const done = await runtime.timed('RegisterCustomer', () =>
      execute(
        runtime.store,
        customerDecider,
        customerStream(call.tenantId, customerId),
        command,
        context,
        call,
        { codec, newStream: true },
      ),
    );
    return answer(call, done.state, done.version);
  }
}

/** Changes to one customer's file, keeping its blind index in step. Injectable: its subclasses inherit its constructor. */
@Injectable()
abstract class FileChangeHandler {
  constructor(
    protected readonly codecs: CustomerCodecs,
    protected readonly index: BlindIndex,
  ) {}

  protected async change(
    call: CallContext,
    name: string,
    command: CustomerCommand & { data: { customerId: string } },
    expectedVersion: number | undefined,
  ): Promise<CustomerView> {
    const { customerId } = command.data;
    const codec = await this.codecs.forRead(customerId);
    const { runtime } = this.codecs;
    const done = await runtime.timed(name, () =>
      execute(
        runtime.store,
        customerDecider,
        customerStream(call.tenantId, customerId),
        command,
        { now: new Date() },
        call,
        {
          codec,
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          inline: (tx, state) => this.index.replace(tx, call.tenantId, state as CustomerState),
        },
      ),
    );
    return answer(call, done.state, done.version);
  }
}

@CommandHandler(ChangeCustomerContactsCommand)
export class ChangeCustomerContactsHandler
  extends FileChangeHandler
  implements ICommandHandler<ChangeCustomerContactsCommand, CustomerView>
{
  execute({ call, data, expectedVersion }: ChangeCustomerContactsCommand): Promise<CustomerView> {
    return this.change(
      call,
      'ChangeCustomerContacts',
      { type: 'ChangeCustomerContacts', data },
      expectedVersion,
    );
  }
}

@CommandHandler(UpdateCustomerFileCommand)
export class UpdateCustomerFileHandler
  extends FileChangeHandler
  implements ICommandHandler<UpdateCustomerFileCommand, CustomerView>
{
  execute({ call, data, expectedVersion }: UpdateCustomerFileCommand): Promise<CustomerView> {
    return this.change(call, 'UpdateCustomerFile', { type: 'UpdateCustomerFile', data }, expectedVersion);
  }
}

/** The customer file's streams, as parts of a command over several customers. */
async function parts(
  codecs: CustomerCodecs,
  tenantId: string,
  ids: readonly string[],
  expectedVersion?: number,
) {
  return Promise.all(
    ids.map(async (id, i) => ({
      streamId: customerStream(tenantId, id),
      evolve: customerDecider.evolve,
      initialState: customerDecider.initialState,
      codec: await codecs.forRead(id),
      ...(i === 0 && expectedVersion !== undefined ? { expectedVersion } : {}),
    })),
  );
}

/**
 * Merging a duplicate into the survivor (or undoing it) writes both streams in one transaction: each side
 * decides with the other's state in its context, so the rules hold from either side.
 */
@CommandHandler(MergeCustomersCommand)
export class MergeCustomersHandler implements ICommandHandler<MergeCustomersCommand, CustomerView> {
  constructor(
    private readonly codecs: CustomerCodecs,
    private readonly index: BlindIndex,
  ) {}

  async execute({
    call,
    survivorId,
    duplicateId,
    undo,
    expectedVersion,
  }: MergeCustomersCommand): Promise<CustomerView> {
    const { runtime } = this.codecs;
    const now = new Date();
    const streams = await parts(this.codecs, call.tenantId, [survivorId, duplicateId], expectedVersion);
    const decide = ([survivor, duplicate]: readonly CustomerState[]): (readonly CustomerEvent[])[] => {
      const s = survivor ?? customerDecider.initialState();
      const d = duplicate ?? customerDecider.initialState();
      return undo
        ? [
            customerDecider.decide(
              { type: 'ReleaseDuplicate', data: { customerId: survivorId, duplicateId } },
              s,
              { now, counterpart: d },
            ),
            customerDecider.decide({ type: 'UndoMerge', data: { customerId: duplicateId, survivorId } }, d, {
              now,
              counterpart: s,
            }),
          ]
        : [
            customerDecider.decide(
              { type: 'AbsorbDuplicate', data: { customerId: survivorId, duplicateId } },
              s,
              { now, counterpart: d },
            ),
            customerDecider.decide({ type: 'MergeInto', data: { customerId: duplicateId, survivorId } }, d, {
              now,
              counterpart: s,
            }),
          ];
    };
    if (survivorId === duplicateId)
      throw new ProblemError('CUSTOMERS.MERGE_WITH_ITSELF', 'a customer cannot be merged into itself', [
        { path: 'duplicateId', message: 'must be another customer' },
      ]);
    const done = await runtime.timed(undo ? 'UndoCustomerMerge' : 'MergeCustomers', () =>
      executeTogether(runtime.store, streams, decide, call, {
        inline: async (tx, states) => {
          for (const state of states) await this.index.replace(tx, call.tenantId, state);
        },
      }),
    );
    return answer(call, done.states[0] as CustomerState, done.versions[0] ?? 0);
  }
}

/**
 * The right to be forgotten: `CustomerErased` on the customer (and on the duplicates merged into it: the same
 * person), and in the same transaction their data keys and blind-index rows are destroyed.
 */
@CommandHandler(EraseCustomerCommand)
export class EraseCustomerHandler implements ICommandHandler<EraseCustomerCommand, CustomerView> {
  constructor(
    private readonly codecs: CustomerCodecs,
    private readonly index: BlindIndex,
  ) {}

  async execute({ call, customerId, reason, expectedVersion }: EraseCustomerCommand): Promise<CustomerView> {
    const { runtime } = this.codecs;
    const now = new Date();
    const current = await sealedCustomerStateOf(runtime.store, call.tenantId, customerId);
    const duplicates = current.status === 'absent' ? [] : current.mergedFrom;
    const ids = [customerId, ...duplicates];
    const streams = await parts(this.codecs, call.tenantId, ids, expectedVersion);
    const decide = ([person, ...merged]: readonly CustomerState[]): (readonly CustomerEvent[])[] => {
      const state = person ?? customerDecider.initialState();
      const nowMerged = state.status === 'absent' ? [] : state.mergedFrom;
      if (nowMerged.join() !== duplicates.join())
        throw new ProblemError('CUSTOMERS.STALE_MERGES', 'the customer’s merges changed meanwhile: retry');
      return [
        customerDecider.decide({ type: 'EraseCustomer', data: { customerId, reason } }, state, { now }),
        ...merged.map((d, i) =>
          customerDecider.decide(
            {
              type: 'EraseCustomer',
              data: { customerId: duplicates[i] ?? '', reason, withSurvivor: customerId },
            },
            d,
            { now },
          ),
        ),
      ];
    };
    const done = await runtime.timed('EraseCustomer', () =>
      executeTogether(runtime.store, streams, decide, call, {
        reason: reason.trim(),
        inline: async (tx, states) => {
          for (const state of states) await this.index.replace(tx, call.tenantId, state);
          await this.codecs.cipher.destroy(tx, ids);
        },
      }),
    );
    return answer(call, done.states[0] as CustomerState, done.versions[0] ?? 0);
  }
}
