import { RESOURCE_FIELDS, RESOURCE_KINDS } from '@serviceops/contracts';
import {
  type Caller,
  type Event,
  money,
  type Money,
  type MoneyMessage,
  moneyOfMessage,
  optional,
  useCase,
} from '@serviceops/kernel';
import { ResourceErrorCode as E } from './resource.errors';
import { err, notPast, paperDates } from './resource.rules';
import type { ResourceContext, ResourceKind, ResourceStateT } from './resource.state';

export interface RegisterResource {
  readonly type: 'RegisterResource';
  readonly data: {
    readonly resourceId: string;
    readonly kind: ResourceKind;
    readonly name: string;
    /** Local dates 'YYYY-MM-DD', the last day in force (vehicles, equipment). */
    readonly inspectionValidTo?: string;
    readonly insuranceValidTo?: string;
    /** A tool's price: what its borrower is charged when it is lost. */
    readonly price?: Money;
  };
}

export type ResourceRegistered = Event<
  'ResourceRegistered',
  {
    resourceId: string;
    kind: ResourceKind;
    name: string;
    inspectionValidTo?: string;
    insuranceValidTo?: string;
    price?: Money;
  }
>;

/** A vehicle, an equipment unit or a tool: vehicles and units with their papers' last days, a tool with its price. */
export const registerResource = useCase<
  RegisterResource,
  ResourceRegistered,
  ResourceStateT,
  ResourceContext
>({
  command: 'RegisterResource',
  handles: {
    rpc: 'orders.RegisterResource',
    command: (
      request: {
        kind?: string;
        name?: string;
        inspectionValidTo?: string;
        insuranceValidTo?: string;
        price?: MoneyMessage;
      },
      { newId }: Caller,
    ) => ({
      type: 'RegisterResource',
      data: {
        resourceId: newId,
        kind: (request.kind ?? '') as ResourceKind,
        name: request.name ?? '',
        ...optional('inspectionValidTo', request.inspectionValidTo),
        ...optional('insuranceValidTo', request.insuranceValidTo),
        ...optional('price', request.price === undefined ? undefined : moneyOfMessage(request.price)),
      },
    }),
  },
  decide(command, state, context) {
    const d = command.data;
    if (state.status !== 'absent') throw err(E.RESOURCE_EXISTS, `resource ${d.resourceId} exists`);
    if (!(RESOURCE_KINDS as readonly string[]).includes(d.kind))
      throw err(E.INVALID_RESOURCE, 'unknown kind', { field: 'kind' });
    if (typeof d.name !== 'string' || !RESOURCE_FIELDS.name.accepts(d.name))
      throw err(E.INVALID_RESOURCE, `name ${RESOURCE_FIELDS.name.message}`, { field: 'name' });
    paperDates(d);
    if (d.kind === 'tool' && (d.inspectionValidTo !== undefined || d.insuranceValidTo !== undefined))
      throw err(E.NO_PAPERS, 'a tool has no inspection or insurance', { field: 'kind' });
    notPast(d, context.today);
    if (d.kind === 'tool' && d.price === undefined)
      throw err(E.TOOL_PRICE_REQUIRED, 'a tool needs its price', { field: 'price' });
    const price = d.price === undefined ? undefined : money(d.price.amount, d.price.currency);
    if (price !== undefined && price.amount <= 0)
      throw err(E.INVALID_RESOURCE, 'a price is above zero', { field: 'price.amount' });
    return [
      {
        type: 'ResourceRegistered',
        data: {
          resourceId: d.resourceId,
          kind: d.kind,
          name: d.name.trim(),
          ...(d.inspectionValidTo ? { inspectionValidTo: d.inspectionValidTo } : {}),
          ...(d.insuranceValidTo ? { insuranceValidTo: d.insuranceValidTo } : {}),
          ...(price ? { price } : {}),
        },
      },
    ];
  },
  evolve: {
    ResourceRegistered: (_state, event) => ({ status: 'present', ...event.data, state: 'available' }),
  },
});
