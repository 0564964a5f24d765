import { optional, RULES, useCase, type Command, type Event } from '@serviceops/kernel';
import { SeparationErrorCode as E, separationError } from './separation.errors';
import {
  HANDOVER_ITEMS,
  type HandoverItem,
  type SeparationContext,
  type SeparationKind,
  type SeparationState,
} from './separation.state';

export type TickHandoverItem = Command<
  'TickHandoverItem',
  { staffId: string; item: HandoverItem; note?: string }
>;

export type HandoverItemTicked = Event<
  'HandoverItemTicked',
  { staffId: string; item: HandoverItem; note?: string; tickedAt: string }
>;
/** Published for billing's staff settlement, only once every handover item is ticked (payload: contracts). */
export type FinalSettlementRequested = Event<
  'FinalSettlementRequested',
  { staffId: string; kind: SeparationKind; lastDay: string; requestedAt: string }
>;

/**
 * One item of the handover checklist ticked (once: again changes nothing); the last one requests the final
 * settlement, never before.
 */
export const tickHandoverItem = useCase<
  TickHandoverItem,
  HandoverItemTicked | FinalSettlementRequested,
  SeparationState,
  SeparationContext
>({
  command: 'TickHandoverItem',
  handles: {
    rpc: 'staff.TickHandoverItem',
    // The item is one of HANDOVER_ITEMS: the request's class (the REST body's) checked it.
    command: (request: { id: string; item?: string; note?: string }) => ({
      type: 'TickHandoverItem',
      data: {
        staffId: request.id,
        item: (request.item ?? '') as HandoverItem,
        ...optional('note', request.note),
      },
    }),
  },
  decide({ data }, state, context) {
    if (state.status === 'none')
      throw separationError(E.NOT_SEPARATING, 'the staff member has neither resigned nor been dismissed');
    const { item } = data;
    if (state.ticked.includes(item)) return [];
    const at = context.now.toISOString();
    const note = data.note === undefined ? undefined : data.note.trim();
    if (note !== undefined && !RULES.reason.accepts(note))
      throw separationError(E.NOTE_REJECTED, `note ${RULES.reason.message}`, { field: 'note' });
    const ticked: HandoverItemTicked = {
      type: 'HandoverItemTicked',
      data: { staffId: state.staffId, item, ...(note ? { note } : {}), tickedAt: at },
    };
    const complete = HANDOVER_ITEMS.every((i) => i === item || state.ticked.includes(i));
    return complete
      ? [
          ticked,
          {
            type: 'FinalSettlementRequested',
            data: { staffId: state.staffId, kind: state.kind, lastDay: state.lastDay, requestedAt: at },
          },
        ]
      : [ticked];
  },
  evolve: {
    HandoverItemTicked: (state, event) => {
      if (state.status === 'none') return state;
      return { ...state, ticked: [...state.ticked, event.data.item] };
    },
    FinalSettlementRequested: (state, event) => {
      if (state.status === 'none') return state;
      return { ...state, status: 'settlement_requested', settlementRequestedAt: event.data.requestedAt };
    },
  },
});
