import { deciderSpec } from '@serviceops/testing';
import { contractDecider, type ContractEvent } from './contract.decider';
import { context, drafted, ID, NOW } from './contract.fixtures';

// What a use case's rule test starts from (the generator's tests of a new command import it).

export { ID };
export const now = NOW;
export const spec = (given: readonly ContractEvent[]) => deciderSpec(contractDecider, context()).given(given);

/** A contract as drafting starts it: the history the other commands are decided on. */
export const started: ContractEvent[] = [drafted()];
