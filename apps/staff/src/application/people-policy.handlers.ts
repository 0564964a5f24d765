import { Injectable } from '@nestjs/common';
import { execute, Handles, handlesUseCases, optional, type CallContext } from '@serviceops/platform';
import {
  PEOPLE_POLICY_USE_CASES,
  peoplePolicyDecider,
  peoplePolicyStreamId,
  type PeoplePolicyCommand,
} from '../domain/people-policy/people-policy.decider';
import type { PeoplePolicyState } from '../domain/people-policy/people-policy.state';
import { moveStaffRetention } from './member-erasure.handlers';
import { People, type VersionedPeoplePolicy } from './people';

/**
 * The tenant's people policy: reminder days before a qualification expires, notice days of a resignation. A use
 * case that is the whole of its declared method (`handles`, under domain/people-policy/) is served by `act`.
 */
@Injectable()
export class PeoplePolicyHandlers {
  constructor(private readonly people: People) {}

  @Handles('staff.GetPeoplePolicy')
  get(_request: object, call: CallContext): Promise<VersionedPeoplePolicy> {
    return this.people.policyOf(call.tenantId);
  }

  /** A change to the tenant's policy: load → decide → append, the pending retention timers moved with it. */
  async act(
    call: CallContext,
    expectedVersion: number | undefined,
    command: PeoplePolicyCommand,
  ): Promise<VersionedPeoplePolicy> {
    const { runtime } = this.people;
    const done = await runtime.timed(command.type, () =>
      execute(
        runtime.store,
        peoplePolicyDecider,
        peoplePolicyStreamId(call.tenantId),
        command,
        { now: new Date() },
        call,
        {
          ...optional('expectedVersion', expectedVersion),
          // A new retention period applies to past separations too: their pending erasures move with it.
          // (Timers already on the new period are left as they are.)
          inline: async (tx, state, _version, events) => {
            if (events.length === 0) return;
            const { version, policy } = state as PeoplePolicyState;
            await moveStaffRetention(this.people, tx, call.tenantId, {
              version,
              staffRetentionDays: policy.staffRetentionDays,
            });
          },
        },
      ),
    );
    return { version: done.state.version, ...done.state.policy };
  }
}

// Every use case with `handles` (ChangePeoplePolicy): request → command → `act`.
handlesUseCases(PeoplePolicyHandlers, PEOPLE_POLICY_USE_CASES, function (command, request, call) {
  return this.act(call, request.expectedVersion, command as PeoplePolicyCommand);
});
