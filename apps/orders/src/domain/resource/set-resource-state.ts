import { SETTABLE_RESOURCE_STATES } from '@serviceops/contracts';
import { type Event, useCase } from '@serviceops/kernel';
import { ResourceErrorCode as E } from './resource.errors';
import { err, onPresent, present } from './resource.rules';
import type { ResourceContext, ResourceState, ResourceStateT } from './resource.state';

export interface SetResourceState {
  readonly type: 'SetResourceState';
  readonly data: {
    readonly resourceId: string;
    readonly state: 'available' | 'in_maintenance' | 'retired';
  };
}

export type ResourceStateSet = Event<
  'ResourceStateSet',
  { resourceId: string; state: ResourceState; at: string }
>;

/** Available, in maintenance or retired (for good); not while out. */
export const setResourceState = useCase<SetResourceState, ResourceStateSet, ResourceStateT, ResourceContext>({
  command: 'SetResourceState',
  handles: {
    rpc: 'orders.ChangeResourceState',
    command: (request: { id: string; state?: string }) => ({
      type: 'SetResourceState',
      data: { resourceId: request.id, state: (request.state ?? '') as 'available' },
    }),
  },
  decide(command, state, context) {
    const r = present(state, command.data.resourceId);
    if (r.state === 'retired') throw err(E.RESOURCE_RETIRED, 'a retired resource stays retired');
    if (r.state === 'out') throw err(E.TOOL_NOT_AVAILABLE, 'the resource is out: return it first');
    if (!(SETTABLE_RESOURCE_STATES as readonly string[]).includes(command.data.state))
      throw err(E.INVALID_RESOURCE, 'unknown state', { field: 'state' });
    return [
      {
        type: 'ResourceStateSet',
        data: { resourceId: r.resourceId, state: command.data.state, at: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    ResourceStateSet: onPresent((r, event) => ({ ...r, state: event.data.state })),
  },
});
