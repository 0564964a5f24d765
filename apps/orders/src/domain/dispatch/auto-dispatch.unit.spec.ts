import { type AutoDispatchChoice, nextChoice, NO_CANDIDATE, type Refusal } from './auto-dispatch';
import type { Candidate } from './candidates';

const inRunning = (staffId: string, load = 0): Candidate => ({
  staffId,
  inRunning: true,
  reasons: [load === 0 ? 'least_loaded' : `load:${load}`],
  load,
});
const out = (staffId: string, reason: string): Candidate => ({
  staffId,
  inRunning: false,
  reasons: [reason],
  load: 0,
});
const lost = (staffId: string): Refusal => ({ staffId, code: 'ORDERS.DOUBLE_BOOKED' });

describe('auto-dispatch: who is tried next in one attempt', () => {
  const ranked = [inRunning('a'), inRunning('b', 1), out('c', 'expired')];

  it.each<[string, readonly Refusal[], AutoDispatchChoice['action'], string]>([
    ['the top-ranked one first', [], 'dispatch', 'a'],
    ['the next one when the top one was booked meanwhile', [lost('a')], 'dispatch', 'b'],
    ['nobody when each in the running was booked meanwhile', [lost('a'), lost('b')], 'hold', NO_CANDIDATE],
    [
      'nobody past a refusal that is no race lost',
      [{ staffId: 'a', code: 'ORDERS.SLOT_ACROSS_DAYS' }],
      'hold',
      'ORDERS.SLOT_ACROSS_DAYS',
    ],
  ])('%s', (_why, refusals, action, who) => {
    const choice = nextChoice(ranked, refusals);
    expect(choice.action).toBe(action);
    expect(choice.action === 'dispatch' ? choice.staffId : choice.reason).toBe(who);
  });

  it('holds with nobody in the running, each person with the reasons they are out', () => {
    expect(nextChoice([out('c', 'expired'), out('d', 'on_leave')], [])).toEqual({
      action: 'hold',
      reason: NO_CANDIDATE,
      candidates: [
        { staffId: 'c', reasons: ['expired'] },
        { staffId: 'd', reasons: ['on_leave'] },
      ],
    });
  });

  it('shows those lost to a race as booked in the hold', () => {
    const choice = nextChoice(ranked, [lost('a'), lost('b')]);
    expect(choice).toMatchObject({
      candidates: [
        { staffId: 'a', reasons: ['booked'] },
        { staffId: 'b', reasons: ['booked'] },
        { staffId: 'c', reasons: ['expired'] },
      ],
    });
  });
});
