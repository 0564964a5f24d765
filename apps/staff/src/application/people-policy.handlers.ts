import { Injectable } from '@nestjs/common';
import { execute, Handles, optional, type CallContext } from '@serviceops/platform';
import {
  peoplePolicyDecider,
  peoplePolicyStreamId,
  type PeoplePolicyState,
} from '../domain/people-policy/people-policy';
import { moveStaffRetention } from './member-erasure.handlers';
import { People, type VersionedPeoplePolicy } from './people';

/** The tenant's people policy: reminder days before a qualification expires, notice days of a resignation. */
@Injectable()
export class PeoplePolicyHandlers {
  constructor(private readonly people: People) {}

  @Handles('staff.GetPeoplePolicy')
  get(_request: object, call: CallContext): Promise<VersionedPeoplePolicy> {
    return this.people.policyOf(call.tenantId);
  }

  @Handles('staff.ChangePeoplePolicy')
  async change(
    request: {
      expectedVersion?: number;
      expiryReminderDays?: number;
      noticeDays?: number;
      staffRetentionDays?: number;
    },
    call: CallContext,
  ): Promise<VersionedPeoplePolicy> {
    const { runtime } = this.people;
    const done = await runtime.timed('ChangePeoplePolicy', () =>
      execute(
        runtime.store,
        peoplePolicyDecider,
        peoplePolicyStreamId(call.tenantId),
        {
          type: 'ChangePeoplePolicy',
          data: {
            policy: {
              expiryReminderDays: request.expiryReminderDays ?? Number.NaN,
              noticeDays: request.noticeDays ?? Number.NaN,
              ...optional('staffRetentionDays', request.staffRetentionDays),
            },
          },
        },
        { now: new Date() },
        call,
        {
          ...optional('expectedVersion', request.expectedVersion),
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
