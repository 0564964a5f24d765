import type { Event } from '@serviceops/kernel';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is absent, never undefined.

import { HANDOVER_ITEMS } from '@serviceops/contracts';

export { HANDOVER_ITEMS };
export type HandoverItem = (typeof HANDOVER_ITEMS)[number];

export const SEPARATION_KINDS = ['resignation', 'dismissal'] as const;
export type SeparationKind = (typeof SEPARATION_KINDS)[number];

/** Stream: 'staff-separation-<tenant>-<staffId>'. `lastDay` is the submission day plus the notice days. */
export type ResignationSubmitted = Event<
  'ResignationSubmitted',
  { staffId: string; reason?: string; noticeDays: number; lastDay: string; submittedAt: string }
>;
export type StaffMemberDismissed = Event<
  'StaffMemberDismissed',
  { staffId: string; reason: string; lastDay: string; dismissedAt: string }
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

export type SeparationEvent =
  ResignationSubmitted | StaffMemberDismissed | HandoverItemTicked | FinalSettlementRequested;
