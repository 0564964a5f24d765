// Each event is declared with the use case that records it (resign-staff-member.ts, …); the union is derived from
// the list of use cases (separation.decider.ts).
export type { SeparationEvent } from './separation.decider';
export { HANDOVER_ITEMS, SEPARATION_KINDS, type HandoverItem, type SeparationKind } from './separation.state';
