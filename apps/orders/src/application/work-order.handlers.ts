import { Inject, Injectable } from '@nestjs/common';
import { seesPersonalData } from '@serviceops/contracts';
import { type Clock, type RecordedEvent } from '@serviceops/kernel';
import {
  type CallContext,
  type EventCodec,
  executeTogether,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  isSealed,
  mapSealed,
  optional,
  type StreamPart,
} from '@serviceops/platform';
import { WrongExpectedVersionError } from '@serviceops/eventstore';
import { Pool, type PoolClient } from 'pg';
import { evolveOrder, orderDecider, orderStreamId } from '../domain/order/order.decider';
import type { OrderEvent, RequestRegistered } from '../domain/order/order.events';
import type { OrderState } from '../domain/order/order.state';
import {
  type PackageUsage,
  packageUsageDecider,
  type PackageUsageEvent,
  packageUsageStreamId,
} from '../domain/package/package-usage.decider';
import {
  WORK_ORDER_SEALED_PATHS,
  WORK_ORDER_USE_CASES,
  type WorkOrder,
  type WorkOrderCommand,
  type WorkOrderContext,
  workOrderDecider,
  type WorkOrderEvent,
  workOrderStreamId,
  workStageOf,
} from '../domain/work-order/work-order.decider';
import { completeWork, type CompleteWork } from '../domain/work-order/complete-work';
import { startWork, type StartWork } from '../domain/work-order/start-work';
import { keepWorkOrderRow, packageSessionsOf } from '../infrastructure/work-order.repository';
import { checkBodyIds } from './body-ids';
import { CLOCK, keepOrderRow, NOT_RECORDED, notFoundOrder, OrderStore } from './order-store';
import { type WorkOrderView, workOrderViewOf } from './work-order-view';

interface WorkRequest {
  readonly id: string;
  readonly expectedVersion?: number;
}

/** What a work order's decisions need from its order's stream. */
interface OrderFacts {
  readonly customerId: string;
  readonly registered: RequestRegistered['data'];
  readonly dispatchedTo?: string;
  readonly dispatchedResource?: string;
  readonly codec: EventCodec<WorkOrderEvent>;
  /** The order's own stream's codec: the order follows the work order's stage (its status). */
  readonly orderCodec: EventCodec<OrderEvent>;
}

type S = WorkOrder | PackageUsage | OrderState;
type E = WorkOrderEvent | PackageUsageEvent | OrderEvent;

/**
 * Quotes, execution and completion of an order's work order (issue 15 items 1, 5, 6): its own stream beside the
 * order's, sealed with the customer's key; load → decide → append with the expected version (If-Match is the
 * work order's version). A practice session under a package contract uses one of its sessions on completion,
 * in the same transaction as the completion (see package-usage.decider).
 */
@Injectable()
export class WorkOrderHandlers {
  constructor(
    private readonly orders: OrderStore,
    private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Started by the person the order is dispatched to; the resource dispatched with them goes on the card. */
  @HandlesUseCase(startWork)
  startWork(
    command: StartWork,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<WorkOrderView> {
    checkBodyIds(command.data, 'staffId');
    const { orderId } = command.data;
    return this.act(
      call,
      { id: orderId, ...optional('expectedVersion', request.expectedVersion) },
      (order) => ({
        ...command,
        data: { ...command.data, ...optional('resourceId', order.dispatchedResource) },
      }),
    );
  }

  /**
   * Completion with the signature: `OrderCompleted` goes out through the outbox with the append. A practice
   * session under a package contract appends a used session to the contract's package stream in the same
   * transaction, each stream on the version decided on: of completions racing for the last session one
   * commits, the others are decided again and refused (ORDERS.PACKAGE_EXHAUSTED), their work order unchanged.
   */
  @HandlesUseCase(completeWork)
  async completeWork(
    command: CompleteWork,
    request: { expectedVersion?: number },
    call: CallContext,
  ): Promise<WorkOrderView> {
    const r: WorkRequest = {
      id: command.data.orderId,
      ...optional('expectedVersion', request.expectedVersion),
    };
    const order = await this.orderOf(call.tenantId, r.id);
    const reg = order.registered;
    const contractId = reg.contractId;
    if (reg.kind !== 'practice_session' || reg.serviceType !== 'under_contract' || contractId === undefined)
      return this.act(call, r, command, order);
    const sessionsTotal = (await packageSessionsOf(this.pool, call.tenantId, contractId)) ?? null;
    const now = this.clock.now();
    const context = this.contextOf(order, now);
    const packageStream = packageUsageStreamId(call.tenantId, contractId);
    const parts: StreamPart<S, E>[] = [
      ...this.partsOf(call, r, order),
      {
        streamId: packageStream,
        evolve: packageUsageDecider.evolve as (s: S, e: E) => S,
        initialState: packageUsageDecider.initialState,
      },
    ];
    const { runtime } = this.orders;
    let decided: (readonly E[])[] = [];
    await runtime.timed('CompleteWork', () =>
      onPackageRace(packageStream, () =>
        executeTogether<S, E>(
          runtime.store,
          parts,
          ([work, orderState, usage]) => {
            const [completed = [], followed = []] = withOrderStage(
              command,
              work as S,
              orderState as S,
              context,
            );
            const used = packageUsageDecider.decide(
              { type: 'UseSession', data: { contractId, customerId: order.customerId, orderId: r.id } },
              usage as PackageUsage,
              { now, sessionsTotal },
            );
            decided = [completed, followed, used];
            return decided;
          },
          call,
          { inline: (tx) => this.keepRows(tx, call, r.id, decided) },
        ),
      ),
    );
    return this.view(call, r.id, order);
  }

  /**
   * A use case that is the whole of its declared method (`handles`, in its file under domain/work-order/: accepting
   * a quote, a part issued, a check recorded…): the work order decided, the order following its stage (`act`).
   */
  change(
    call: CallContext,
    command: WorkOrderCommand,
    expectedVersion: number | undefined,
  ): Promise<WorkOrderView> {
    const request = { id: command.data.orderId, ...optional('expectedVersion', expectedVersion) };
    return this.act(call, request, command);
  }

  private contextOf(order: OrderFacts, now: Date): WorkOrderContext {
    return {
      now,
      quoteRequired: order.registered.quoteRequired,
      ...optional('dispatchedTo', order.dispatchedTo),
    };
  }

  private async act(
    call: CallContext,
    request: WorkRequest,
    command: WorkOrderCommand | ((order: OrderFacts) => WorkOrderCommand),
    known?: OrderFacts,
  ): Promise<WorkOrderView> {
    const order = known ?? (await this.orderOf(call.tenantId, request.id));
    const { runtime } = this.orders;
    const workCommand = typeof command === 'function' ? command(order) : command;
    const context = this.contextOf(order, this.clock.now());
    let decided: (readonly E[])[] = [];
    await runtime.timed(workCommand.type, () =>
      executeTogether<S, E>(
        runtime.store,
        this.partsOf(call, request, order),
        ([work, orderState]) => (decided = withOrderStage(workCommand, work as S, orderState as S, context)),
        call,
        { inline: (tx) => this.keepRows(tx, call, request.id, decided) },
      ),
    );
    return this.view(call, request.id, order);
  }

  /**
   * The work order's stream (If-Match is its version) and the order's, appended together: a stage the work order
   * reaches (quoted, accepted, declined, started, completed) moves the order's status in the same transaction,
   * each stream on the version decided on (a dispatch racing a decline is decided again and refused).
   */
  private partsOf(call: CallContext, request: WorkRequest, order: OrderFacts): StreamPart<S, E>[] {
    return [
      {
        streamId: workOrderStreamId(call.tenantId, request.id),
        evolve: workOrderDecider.evolve as (s: S, e: E) => S,
        initialState: workOrderDecider.initialState,
        codec: order.codec,
        ...optional('expectedVersion', request.expectedVersion),
      },
      {
        streamId: orderStreamId(call.tenantId, request.id),
        evolve: orderDecider.evolve as (s: S, e: E) => S,
        initialState: orderDecider.initialState,
        codec: order.orderCodec,
      },
    ];
  }

  /** The order list's row after the work order's and the order's events, in the append's transaction. */
  private async keepRows(
    tx: PoolClient,
    call: CallContext,
    orderId: string,
    [work = [], orderEvents = []]: readonly (readonly E[])[],
  ): Promise<void> {
    await keepWorkOrderRow(tx, orderId, work);
    if (orderEvents.length > 0) await keepOrderRow(tx, call.tenantId, null, orderEvents as OrderEvent[]);
  }

  /** The order's registration and dispatch (404 for another tenant's or an unknown id), and the work order's codec. */
  async orderOf(tenantId: string, orderId: string): Promise<OrderFacts> {
    const { decoded } = await this.orders.load(tenantId, orderId);
    const registered = decoded.find((e) => e.type === 'RequestRegistered');
    if (!registered) throw notFoundOrder();
    const state = decoded.reduce(evolveOrder, orderDecider.initialState());
    const customerId = registered.data.customerId;
    const key = await this.orders.writingKey(tenantId, customerId);
    return {
      customerId,
      registered: registered.data,
      ...(state.status !== 'absent' && state.dispatch ? { dispatchedTo: state.dispatch.staffId } : {}),
      // The resource the order has now: a reassignment may have changed it.
      ...(state.status !== 'absent' && state.dispatch?.resourceId
        ? { dispatchedResource: state.dispatch.resourceId }
        : {}),
      codec: this.codec(customerId, key),
      orderCodec: this.orders.codec(customerId, key),
    };
  }

  /** Seals the work order's personal free text with the customer's key, opens what it can. */
  private codec(customerId: string, key: Buffer | undefined): EventCodec<WorkOrderEvent> {
    const { cipher } = this.orders;
    return {
      // Without the key (the customer erased) their personal text is not recorded at all (NOT_RECORDED).
      encode: (e) => ({
        type: e.type,
        data: mapSealed(e.data, WORK_ORDER_SEALED_PATHS[e.type], (v) =>
          key ? cipher.seal(key, customerId, v) : NOT_RECORDED,
        ),
      }),
      decode: (stored: RecordedEvent) => {
        const e = stored as unknown as WorkOrderEvent;
        const paths = WORK_ORDER_SEALED_PATHS[e.type] ?? [];
        return {
          ...e,
          data: mapSealed(e.data, paths, (v) => (key && isSealed(v) ? cipher.open(key, customerId, v) : v)),
        } as WorkOrderEvent;
      },
    };
  }

  async view(call: CallContext, orderId: string, order: OrderFacts): Promise<WorkOrderView> {
    const { events } = await this.orders.runtime.store.readStream(workOrderStreamId(call.tenantId, orderId));
    return workOrderViewOf(
      orderId,
      order.registered.quoteRequired,
      events.map((e) => order.codec.decode(e)),
      events.at(-1)?.streamVersion ?? 0,
      seesPersonalData(call.roles),
    );
  }
}

/** The work order's decision and the order's following it (the stage its events reach, if any). */
function withOrderStage(
  command: WorkOrderCommand,
  work: S,
  order: S,
  context: WorkOrderContext,
): (readonly E[])[] {
  const events = workOrderDecider.decide(command, work as WorkOrder, context);
  const stage = workStageOf(events);
  if (stage === undefined) return [events, []];
  return [
    events,
    orderDecider.decide(
      { type: 'RecordWorkStage', data: { orderId: command.data.orderId, stage } },
      order as OrderState,
      { now: context.now },
    ),
  ];
}

// Every use case with `handles` bound to no method above (AcceptQuote, IssuePart, ProposeExtraWork, …):
// request → command → `change`.
handlesUseCases(WorkOrderHandlers, WORK_ORDER_USE_CASES, function (command, request, call) {
  return this.change(call, command as WorkOrderCommand, request.expectedVersion);
});

/** Attempts of a completion that lost the race for its package's stream (each decides again on the new state). */
const PACKAGE_RACE_ATTEMPTS = 40;

/**
 * The sessions of one package are one stream: completions racing for it are decided again until each commits or
 * is refused (the last session gone), beyond the platform's few retries; a race on the work order itself is the
 * caller's (409 with If-Match).
 */
async function onPackageRace<T>(packageStream: string, attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const raced = error instanceof WrongExpectedVersionError && error.streamId === packageStream;
      if (!raced || n >= PACKAGE_RACE_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2 + Math.floor(Math.random() * 20)));
    }
  }
}

/** The order's work order: quote, repair card (parts and hours), extra work, checks, completion. */
@Injectable()
export class WorkOrderQueries {
  constructor(private readonly work: WorkOrderHandlers) {}

  @Handles('orders.GetWorkOrder')
  async get({ id }: { id: string }, call: CallContext): Promise<WorkOrderView> {
    return this.work.view(call, id, await this.work.orderOf(call.tenantId, id));
  }
}
