import { eraseStaffMember, type EraseStaffMember } from './erase-staff-member';

const STAFF = '3eaf2d67-8ea1-4f41-8d6d-40516f7e8d9c';
const mapping = eraseStaffMember.handles?.command as (request: object) => EraseStaffMember;

describe('EraseStaffMember: the request made the command', () => {
  it('serves staff.EraseStaffMember', () => {
    expect(eraseStaffMember.handles?.rpc).toBe('staff.EraseStaffMember');
  });

  it('erases the staff member named at once: no retention (that is the timer’s)', () => {
    expect(mapping({ id: STAFF })).toEqual({ type: 'EraseStaffMember', data: { staffId: STAFF } });
  });
});
