import { streamId, type Decider } from '@serviceops/kernel';
import type { SeparationCommand, SeparationContext } from './separation.commands';
import { decideSeparation } from './separation.decide';
import type { SeparationEvent } from './separation.events';
import { evolveSeparation } from './separation.evolve';
import { initialSeparationState, type SeparationState } from './separation.state';

export const separationDecider: Decider<
  SeparationCommand,
  SeparationEvent,
  SeparationState,
  SeparationContext
> = {
  initialState: initialSeparationState,
  decide: decideSeparation,
  evolve: evolveSeparation,
};

/** One separation stream per staff member: 'staff-separation-<tenantId>-<staffId>'. */
export function separationStreamId(tenantId: string, staffId: string): string {
  return streamId('staff-separation', tenantId, staffId);
}
