import { type Event, optional, useCase } from '@serviceops/kernel';
import { ResourceErrorCode as E } from './resource.errors';
import { err, notPast, onPresent, paperDates, present } from './resource.rules';
import type { ResourceContext, ResourceStateT } from './resource.state';

export interface UpdateResourcePapers {
  readonly type: 'UpdateResourcePapers';
  readonly data: {
    readonly resourceId: string;
    readonly inspectionValidTo?: string;
    readonly insuranceValidTo?: string;
  };
}

export type ResourcePapersUpdated = Event<
  'ResourcePapersUpdated',
  { resourceId: string; inspectionValidTo?: string; insuranceValidTo?: string; at: string }
>;

/** A vehicle's or unit's inspection or insurance renewed: its new last day, not past. */
export const updateResourcePapers = useCase<
  UpdateResourcePapers,
  ResourcePapersUpdated,
  ResourceStateT,
  ResourceContext
>({
  command: 'UpdateResourcePapers',
  handles: {
    rpc: 'orders.UpdateResourcePapers',
    command: (request: { id: string; inspectionValidTo?: string; insuranceValidTo?: string }) => ({
      type: 'UpdateResourcePapers',
      data: {
        resourceId: request.id,
        ...optional('inspectionValidTo', request.inspectionValidTo),
        ...optional('insuranceValidTo', request.insuranceValidTo),
      },
    }),
  },
  decide(command, state, context) {
    const d = command.data;
    const r = present(state, d.resourceId);
    if (r.state === 'retired') throw err(E.RESOURCE_RETIRED, 'a retired resource keeps its papers');
    if (r.kind === 'tool') throw err(E.NO_PAPERS, 'a tool has no inspection or insurance');
    if (d.inspectionValidTo === undefined && d.insuranceValidTo === undefined)
      throw err(E.PAPERS_NOT_NAMED, 'name the inspection’s or the insurance’s last day', {
        field: 'inspectionValidTo',
      });
    paperDates(d);
    notPast(d, context.today);
    return [
      {
        type: 'ResourcePapersUpdated',
        data: {
          resourceId: r.resourceId,
          ...(d.inspectionValidTo === undefined ? {} : { inspectionValidTo: d.inspectionValidTo }),
          ...(d.insuranceValidTo === undefined ? {} : { insuranceValidTo: d.insuranceValidTo }),
          at: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    ResourcePapersUpdated: onPresent((r, event) => {
      const { inspectionValidTo, insuranceValidTo } = event.data;
      return {
        ...r,
        ...(inspectionValidTo === undefined ? {} : { inspectionValidTo }),
        ...(insuranceValidTo === undefined ? {} : { insuranceValidTo }),
      };
    }),
  },
});
