import { BusinessCalendarDto } from '../tenancy/tenancy.dto';
import { TenantView } from '../tenancy/tenancy.views';
import { MergeCustomersDto } from '../customers/customers.dto';
import { CustomerView } from '../customers/customers.views';
import { defaultRequest, route } from './mount';

describe('the request a route sends when its binding says nothing else', () => {
  it('is the path, the query, the body’s fields and If-Match’s version, merged', () => {
    const binding = route({ rpc: 'customers.MergeCustomers', body: MergeCustomersDto, answer: CustomerView });
    expect(
      defaultRequest(binding, {
        params: { id: 'a' },
        query: {},
        body: { duplicateId: 'b' },
        expectedVersion: 3,
      }),
    ).toEqual({ id: 'a', duplicateId: 'b', expectedVersion: 3 });
  });

  it('carries the body in the field the declaration names (`bodyField`)', () => {
    const binding = route({
      rpc: 'tenancy.SetBusinessCalendar',
      body: BusinessCalendarDto,
      answer: TenantView,
    });
    const calendar = { timeZone: 'Asia/Shanghai', workingHours: [], holidays: [] };
    expect(defaultRequest(binding, { params: {}, query: {}, body: calendar, expectedVersion: 2 })).toEqual({
      calendar,
      expectedVersion: 2,
    });
  });
});
