import { APPEAL_OUTCOMES, type AppealDecidedV1 } from '@serviceops/contracts';
import { RULES, useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { DisciplineErrorCode as E, disciplineError } from './discipline.errors';
import { text } from './discipline.rules';
import type { DisciplineContext, DisciplineState } from './discipline.state';

export type DecideAppeal = Command<
  'DecideAppeal',
  {
    readonly staffId: string;
    readonly violationId: string;
    readonly outcome: string;
    readonly reason: string;
    readonly decidedBy: string;
  }
>;

export type AppealDecided = Event<'AppealDecided', AppealDecidedV1>;

/** An appeal against a violation decided: upheld, or overturned (it no longer counts on the ladder). */
export const decideAppeal = useCase<DecideAppeal, AppealDecided, DisciplineState, DisciplineContext>({
  command: 'DecideAppeal',
  handles: {
    rpc: 'staff.DecideAppeal',
    command: (
      request: { staffId: string; violationId: string; outcome?: string; reason?: string },
      { actorId }: Caller,
    ) => ({
      type: 'DecideAppeal',
      data: {
        staffId: request.staffId,
        violationId: request.violationId,
        outcome: request.outcome ?? '',
        reason: request.reason ?? '',
        decidedBy: actorId,
      },
    }),
  },
  decide(command, state, context) {
    const { data } = command;
    const violation = state.violations.find((v) => v.violationId === data.violationId);
    if (violation === undefined)
      throw disciplineError(E.VIOLATION_NOT_FOUND, `no violation ${data.violationId} in this register`);
    if (violation.appeal !== 'none')
      throw disciplineError(E.APPEAL_DECIDED, `the appeal was ${violation.appeal} already`);
    const outcome = APPEAL_OUTCOMES.find((o) => o === data.outcome);
    if (outcome === undefined)
      throw disciplineError(E.TEXT_REFUSED, `outcome must be one of ${APPEAL_OUTCOMES.join(', ')}`, {
        field: 'outcome',
      });
    return [
      {
        type: 'AppealDecided',
        data: {
          violationId: violation.violationId,
          staffId: data.staffId,
          outcome,
          reason: text(data.reason, 'reason', RULES.reason),
          decidedAt: context.now.toISOString(),
          decidedBy: data.decidedBy,
          fine: violation.fine,
          loss: violation.loss,
        },
      },
    ];
  },
  evolve: {
    AppealDecided: (state, event) => ({
      ...state,
      violations: state.violations.map((v) =>
        v.violationId === event.data.violationId ? { ...v, appeal: event.data.outcome } : v,
      ),
    }),
  },
});
