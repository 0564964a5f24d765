import { useCase, type Command, type Event } from '@serviceops/kernel';
import {
  DEFAULT_ASSESSMENT_POLICY,
  policyFrom,
  validateAssessmentPolicy,
  type AssessmentPolicy,
  type AssessmentPolicyState,
  type GradesMessage,
  type OutcomesMessage,
  type WeightsMessage,
} from './assessment.policy';

export type ChangeAssessmentPolicy = Command<'ChangeAssessmentPolicy', { readonly policy: unknown }>;

export type AssessmentPolicyChanged = Event<
  'AssessmentPolicyChanged',
  { version: number; policy: AssessmentPolicy; changedAt: string }
>;

/** The tenant's weights, grades and outcomes replaced: the next version; assessments from now on apply it. */
export const changeAssessmentPolicy = useCase<
  ChangeAssessmentPolicy,
  AssessmentPolicyChanged,
  AssessmentPolicyState,
  { readonly now: Date }
>({
  command: 'ChangeAssessmentPolicy',
  handles: {
    rpc: 'staff.ChangeAssessmentPolicy',
    command: (request: { weights?: WeightsMessage; grades?: GradesMessage; outcomes?: OutcomesMessage }) => ({
      type: 'ChangeAssessmentPolicy',
      data: {
        policy: policyFrom(
          request.weights ?? {},
          request.grades ?? {},
          request.outcomes ?? DEFAULT_ASSESSMENT_POLICY.outcomes,
        ),
      },
    }),
  },
  decide(command, state, { now }) {
    const policy = validateAssessmentPolicy(command.data.policy);
    if (state.policy !== null && JSON.stringify(state.policy) === JSON.stringify(policy)) return [];
    return [
      {
        type: 'AssessmentPolicyChanged',
        data: { version: state.version + 1, policy, changedAt: now.toISOString() },
      },
    ];
  },
  evolve: {
    AssessmentPolicyChanged: (_state, event) => ({ version: event.data.version, policy: event.data.policy }),
  },
});
