import { EDUCATION_LEVELS, type BusinessLine, type Role } from '@serviceops/contracts';

export { EDUCATION_LEVELS };
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** What a posting asks of its candidates; an absent criterion asks nothing. */
export interface PostingCriteria {
  readonly minDrivingYears?: number;
  readonly minEducation?: EducationLevel;
  /** A clean record (no traffic or criminal record) is required. */
  readonly cleanRecord?: boolean;
}

/** A posting as opened (PostingOpened's data). */
export interface PostingFile {
  readonly postingId: string;
  readonly role: Role;
  readonly branchId: string;
  readonly businessLine: BusinessLine;
  readonly title: string;
  readonly criteria: PostingCriteria;
  readonly openedAt: string;
}

export interface AbsentPosting {
  readonly status: 'absent';
}

export type ActivePosting = { readonly status: 'active' } & PostingFile;

export type PostingState = AbsentPosting | ActivePosting;

export const initialPostingState = (): PostingState => ({ status: 'absent' });

/** What the posting's decisions take from outside the domain: the time, the tenant's branches when known. */
export interface PostingContext {
  readonly now: Date;
  readonly branchIds?: readonly string[];
}
