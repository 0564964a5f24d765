import { Injectable } from '@nestjs/common';
import { seesPersonalData } from '@serviceops/contracts';
import {
  execute,
  executeTogether,
  HandlesUseCase,
  handlesUseCases,
  ProblemError,
  type CallContext,
  uuidField,
} from '@serviceops/platform';
import {
  CUSTOMER_USE_CASES,
  customerDecider,
  type CustomerCommand,
  type CustomerEvent,
} from '../domain/customer/customer.decider';
import type { CustomerContext, CustomerState } from '../domain/customer/customer.state';
import { eraseCustomer, type EraseCustomer } from '../domain/customer/erase-customer';
import { absorbDuplicate, type AbsorbDuplicate } from '../domain/customer/merge-customers';
import { registerCustomer, type RegisterCustomer } from '../domain/customer/register-customer';
import { releaseDuplicate, type ReleaseDuplicate } from '../domain/customer/undo-customer-merge';
import { BlindIndex } from '../infrastructure/blind-index';
import { sealedCustomerStateOf } from './customer-status';
import { CustomerCodecs, customerStream } from './customer-store';
import { toCustomerView, type CustomerView } from './customer-view';
import { TenantFacts } from '../infrastructure/tenant-facts.repository';

/** What the writer sees back: what they just wrote, masked if their roles do not see personal data. */
function answer(call: CallContext, state: CustomerState, version: number): CustomerView {
  return toCustomerView(state, version, seesPersonalData(call.roles)).view;
}

/** What a request carries beside its command: the If-Match. */
interface IfMatch {
  readonly expectedVersion?: number;
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
 * The customer file's commands: each decided by `customerDecider`, the blind index kept in step. A use case that is
 * the whole of its declared method (`handles`, in its file under domain/customer/) is served by `change`, bound at
 * the end of this file; the methods here are those that do more (a new key, two streams, an erasure).
 */
@Injectable()
export class CustomerHandlers {
  constructor(
    private readonly codecs: CustomerCodecs,
    private readonly tenants: TenantFacts,
    private readonly index: BlindIndex,
  ) {}

  /** A new file: its data key made and its blind index kept, once the command is known to be good. */
  @HandlesUseCase(registerCustomer)
  async register(command: RegisterCustomer, _request: object, call: CallContext): Promise<CustomerView> {
    const { data } = command;
    const { customerId } = data;
    const [branchIds, duplicates] = await Promise.all([
      data.branchId ? this.tenants.branchesOf(call.tenantId) : undefined,
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

  @HandlesUseCase(absorbDuplicate)
  merge(command: AbsorbDuplicate, request: IfMatch, call: CallContext): Promise<CustomerView> {
    return this.merging(command, request.expectedVersion, call);
  }

  @HandlesUseCase(releaseDuplicate)
  undoMerge(command: ReleaseDuplicate, request: IfMatch, call: CallContext): Promise<CustomerView> {
    return this.merging(command, request.expectedVersion, call);
  }

  /**
   * The right to be forgotten: `CustomerErased` on the customer (and on the duplicates merged into it: the same
   * person), and in the same transaction their data keys and blind-index rows are destroyed. The erasures of the
   * duplicates are derived from the one asked for.
   */
  @HandlesUseCase(eraseCustomer)
  async erase(command: EraseCustomer, request: IfMatch, call: CallContext): Promise<CustomerView> {
    const { customerId, reason } = command.data;
    const { expectedVersion } = request;
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
        customerDecider.decide(command, state, { now }),
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

  /** A change to one customer's file, keeping its blind index in step. */
  async change(
    call: CallContext,
    expectedVersion: number | undefined,
    command: CustomerCommand & { data: { customerId: string } },
  ): Promise<CustomerView> {
    const { customerId } = command.data;
    const codec = await this.codecs.forRead(customerId);
    const { runtime } = this.codecs;
    const done = await runtime.timed(command.type, () =>
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

  /**
   * Merging a duplicate into the survivor (or undoing it) writes both streams in one transaction: each side
   * decides with the other's state in its context, so the rules hold from either side.
   */
  private async merging(
    command: AbsorbDuplicate | ReleaseDuplicate,
    expectedVersion: number | undefined,
    call: CallContext,
  ): Promise<CustomerView> {
    const undo = command.type === 'ReleaseDuplicate';
    const survivorId = command.data.customerId;
    const duplicateId = uuidField(command.data.duplicateId, 'duplicateId');
    const onSurvivor = { ...command, data: { customerId: survivorId, duplicateId } };
    const { runtime } = this.codecs;
    const now = new Date();
    if (survivorId === duplicateId)
      throw new ProblemError('CUSTOMERS.MERGE_WITH_ITSELF', 'a customer cannot be merged into itself', [
        { path: 'duplicateId', message: 'must be another customer' },
      ]);
    const streams = await parts(this.codecs, call.tenantId, [survivorId, duplicateId], expectedVersion);
    const decide = ([survivor, duplicate]: readonly CustomerState[]): (readonly CustomerEvent[])[] => {
      const s = survivor ?? customerDecider.initialState();
      const d = duplicate ?? customerDecider.initialState();
      const onDuplicate: CustomerCommand = {
        type: undo ? 'UndoMerge' : 'MergeInto',
        data: { customerId: duplicateId, survivorId },
      };
      return [
        customerDecider.decide(onSurvivor, s, { now, counterpart: d }),
        customerDecider.decide(onDuplicate, d, { now, counterpart: s }),
      ];
    };
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

// Every use case with `handles` (ChangeCustomerContacts, UpdateCustomerFile, …): request → command → `change`.
handlesUseCases(CustomerHandlers, CUSTOMER_USE_CASES, function (command, request, call) {
  return this.change(
    call,
    request.expectedVersion,
    command as CustomerCommand & { data: { customerId: string } },
  );
});
