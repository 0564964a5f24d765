import { streamId, type Decider } from '@serviceops/kernel';
import type { QualificationCommand, QualificationContext } from './qualification.commands';
import { decideQualifications } from './qualification.decide';
import type { QualificationEvent } from './qualification.events';
import { evolveQualifications } from './qualification.evolve';
import { initialQualificationsState, type QualificationsState } from './qualification.state';

export const qualificationDecider: Decider<
  QualificationCommand,
  QualificationEvent,
  QualificationsState,
  QualificationContext
> = {
  initialState: initialQualificationsState,
  decide: decideQualifications,
  evolve: evolveQualifications,
};

/**
 * One stream per staff member holds all their qualifications and the eligibility they make:
 * 'staff-qualifications-<tenantId>-<staffId>'.
 */
export function qualificationsStreamId(tenantId: string, staffId: string): string {
  return streamId('staff-qualifications', tenantId, staffId);
}
