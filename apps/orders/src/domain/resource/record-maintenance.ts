import { MAINTENANCE_ACTIONS } from '@serviceops/contracts';
import { type Event, useCase } from '@serviceops/kernel';
import { ResourceErrorCode as E } from './resource.errors';
import { err, noted, onPresent, present } from './resource.rules';
import type { MaintenanceAction, ResourceContext, ResourceStateT } from './resource.state';

export interface RecordMaintenance {
  readonly type: 'RecordMaintenance';
  readonly data: {
    readonly resourceId: string;
    readonly action: MaintenanceAction;
    readonly note: string;
  };
}

export type MaintenanceRecorded = Event<
  'MaintenanceRecorded',
  { resourceId: string; action: MaintenanceAction; note: string; at: string }
>;

/** A maintenance entry; `repaired` clears a failed preparation check. */
export const recordMaintenance = useCase<
  RecordMaintenance,
  MaintenanceRecorded,
  ResourceStateT,
  ResourceContext
>({
  command: 'RecordMaintenance',
  handles: {
    rpc: 'orders.RecordMaintenance',
    command: (request: { id: string; action?: string; note?: string }) => ({
      type: 'RecordMaintenance',
      data: {
        resourceId: request.id,
        action: (request.action ?? '') as MaintenanceAction,
        note: request.note ?? '',
      },
    }),
  },
  decide(command, state, context) {
    const r = present(state, command.data.resourceId);
    const { action, note } = command.data;
    if (r.state === 'retired') throw err(E.RESOURCE_RETIRED, 'a retired resource is not maintained');
    if (!(MAINTENANCE_ACTIONS as readonly string[]).includes(action))
      throw err(E.INVALID_RESOURCE, 'unknown maintenance action', { field: 'action' });
    return [
      {
        type: 'MaintenanceRecorded',
        data: { resourceId: r.resourceId, action, note: noted(note), at: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    MaintenanceRecorded: onPresent((r, event) => {
      if (event.data.action !== 'repaired') return r;
      const { unfit: _repaired, ...rest } = r;
      return rest;
    }),
  },
});
