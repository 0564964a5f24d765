import type { BusinessLine, Role } from '@serviceops/contracts';
import type { PayTerms } from './member.events';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

/** Decided together with the candidate's CandidateHired (the hiring handler writes both streams at once). */
export type HireStaffMember = Command<
  'HireStaffMember',
  {
    staffId: string;
    candidateId: string;
    postingId: string;
    role: Role;
    branchId: string;
    businessLine: BusinessLine;
    payTerms: PayTerms;
    name: string;
    phone: string;
    idNumber?: string;
    loginUsername?: string;
  }
>;

export type ChangePayTerms = Command<'ChangePayTerms', { staffId: string; payTerms: PayTerms }>;

export type MemberCommand = HireStaffMember | ChangePayTerms;
