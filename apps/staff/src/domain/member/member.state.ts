import type { BusinessLine, Role, StaffSkillsSetV1 } from '@serviceops/contracts';
import type { PayTerms } from './member.events';

export interface AbsentMember {
  readonly status: 'absent';
}

/**
 * A staff member as the domain sees them (personal fields in clear). `erased`: their personal data is forgotten
 * (name and phone empty, no ID number); ids, dates and pay stay.
 */
export interface ActiveMember {
  readonly status: 'active' | 'erased';
  readonly staffId: string;
  readonly candidateId: string;
  readonly postingId: string;
  readonly role: Role;
  readonly branchId: string;
  readonly businessLine: BusinessLine;
  readonly payTerms: PayTerms;
  readonly name: string;
  readonly phone: string;
  readonly idNumber?: string;
  readonly hiredAt: string;
  readonly updatedAt: string;
  readonly loginRequested?: string;
  /** Tenancy made no login for the hire's request, and why (StaffLoginNotCreated). */
  readonly loginNotCreated?: { readonly reason: string; readonly userId: string };
  readonly erasedAt?: string;
  /** Their separation's last day came (StaffMemberLeft). */
  readonly leftAt?: string;
  /** The request kinds a people manager recorded them skilled for (StaffSkillsSet); absent: never recorded. */
  readonly skills?: StaffSkillsSetV1;
}

export type MemberState = AbsentMember | ActiveMember;

export const initialMemberState = (): MemberState => ({ status: 'absent' });
