import {
  type BusinessCalendar,
  type Command,
  type Event,
  useCase,
  validateBusinessCalendar,
} from '@serviceops/kernel';
import { CALLERS_TENANT, copyCalendar, enabledTenant, onTenant } from './tenant.rules';
import type { TenantContext, TenantState } from './tenant.state';

export type SetBusinessCalendar = Command<
  'SetBusinessCalendar',
  { tenantId: string; calendar: BusinessCalendar }
>;

export type BusinessCalendarSet = Event<'BusinessCalendarSet', { calendar: BusinessCalendar }>;

export const setBusinessCalendar = useCase<
  SetBusinessCalendar,
  BusinessCalendarSet,
  TenantState,
  TenantContext
>({
  command: 'SetBusinessCalendar',
  handles: {
    rpc: 'tenancy.SetBusinessCalendar',
    // proto3 leaves an unset message and an empty list out; the decision checks what is left.
    command: (request: { calendar?: Partial<BusinessCalendar> }) => {
      const { timeZone = '', workingHours = [], holidays = [] } = request.calendar ?? {};
      return {
        type: 'SetBusinessCalendar',
        data: { tenantId: CALLERS_TENANT, calendar: { timeZone, workingHours, holidays } },
      };
    },
  },
  decide(command, state) {
    enabledTenant(state, command.data.tenantId);
    validateBusinessCalendar(command.data.calendar);
    return [{ type: 'BusinessCalendarSet', data: { calendar: copyCalendar(command.data.calendar) } }];
  },
  evolve: {
    BusinessCalendarSet: onTenant((tenant, event) => ({ ...tenant, calendar: event.data.calendar })),
  },
});
