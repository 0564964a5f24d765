import { PERSONAL_DATA_SEALED } from '@serviceops/contracts';

// Each event is declared with the use case that records it (hire-staff-member.ts, …); the union is derived from the
// list of use cases (member.decider.ts).
export type { MemberEvent } from './member.decider';
export type { PayTerms } from './member.state';

/** Where personal data sits in the staff member's events: sealed with their key in storage. */
export const MEMBER_SEALED_PATHS = PERSONAL_DATA_SEALED.staffMember;
