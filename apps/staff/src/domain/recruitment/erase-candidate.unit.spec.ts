import { eraseCandidate, type EraseCandidate } from './erase-candidate';

const ID = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const mapping = eraseCandidate.handles?.command as (request: object) => EraseCandidate;

describe('EraseCandidate: the request made the command', () => {
  it('serves staff.EraseCandidate', () => {
    expect(eraseCandidate.handles?.rpc).toBe('staff.EraseCandidate');
  });

  it('erases the candidate named at once: no retention (that is the timer’s)', () => {
    expect(mapping({ id: ID })).toEqual({ type: 'EraseCandidate', data: { candidateId: ID } });
  });
});
