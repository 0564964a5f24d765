import type { IneligibleBecause } from './qualification.events';

export interface Qualification {
  readonly qualificationId: string;
  readonly kind: string;
  readonly number: string;
  readonly issuedOn: string;
  readonly expiresAt: string;
  readonly reverifyBy?: string;
  readonly remindAt: string;
  readonly reminded: boolean;
  readonly expired: boolean;
  readonly suspended: boolean;
  readonly reverificationOverdue: boolean;
}

/** A staff member's qualifications and their eligibility as last published (absent: never published yet). */
export interface QualificationsState {
  readonly staffId?: string;
  readonly qualifications: readonly Qualification[];
  readonly eligibility?: {
    readonly eligible: boolean;
    readonly reasons: readonly IneligibleBecause[];
    readonly since: string;
  };
}

export const initialQualificationsState = (): QualificationsState => ({ qualifications: [] });
