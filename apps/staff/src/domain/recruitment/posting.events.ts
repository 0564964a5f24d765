import type { BusinessLine, Role } from '@serviceops/contracts';
import type { Event } from '@serviceops/kernel';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is absent, never undefined.

import { EDUCATION_LEVELS } from '@serviceops/contracts';

export { EDUCATION_LEVELS };
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** What a posting asks of its candidates; an absent criterion asks nothing. */
export interface PostingCriteria {
  readonly minDrivingYears?: number;
  readonly minEducation?: EducationLevel;
  /** A clean record (no traffic or criminal record) is required. */
  readonly cleanRecord?: boolean;
}

export type PostingOpened = Event<
  'PostingOpened',
  {
    postingId: string;
    role: Role;
    branchId: string;
    businessLine: BusinessLine;
    title: string;
    criteria: PostingCriteria;
    openedAt: string;
  }
>;

export type PostingEvent = PostingOpened;
