import { type Event, useCase } from '@serviceops/kernel';
import { onPresent, present, remindersDue } from './resource.rules';
import type { Paper, ResourceContext, ResourceKind, ResourceStateT } from './resource.state';

export interface RemindExpiry {
  readonly type: 'RemindExpiry';
  readonly data: { readonly resourceId: string; readonly paper: Paper };
}

/** Published: a paper ends within EXPIRY_REMINDER_DAYS; once per paper and last day. */
export type ResourceExpiryReminded = Event<
  'ResourceExpiryReminded',
  { resourceId: string; kind: ResourceKind; paper: Paper; validTo: string; at: string }
>;

/** Fired by the durable timer 30 days before a paper's last day; harmless when early, repeated or moved. */
export const remindExpiry = useCase<RemindExpiry, ResourceExpiryReminded, ResourceStateT, ResourceContext>({
  command: 'RemindExpiry',
  decide(command, state, context) {
    const r = present(state, command.data.resourceId);
    const { paper } = command.data;
    const validTo = paper === 'inspection' ? r.inspectionValidTo : r.insuranceValidTo;
    if (r.state === 'retired' || validTo === undefined) return [];
    if (!remindersDue(r, context.today).includes(paper)) return [];
    if ((r.reminded ?? []).includes(`${paper}:${validTo}`)) return [];
    return [
      {
        type: 'ResourceExpiryReminded',
        data: { resourceId: r.resourceId, kind: r.kind, paper, validTo, at: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    ResourceExpiryReminded: onPresent((r, event) => ({
      ...r,
      reminded: [...(r.reminded ?? []), `${event.data.paper}:${event.data.validTo}`],
    })),
  },
});
