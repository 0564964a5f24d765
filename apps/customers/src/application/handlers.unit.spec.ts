import { API } from '@serviceops/contracts';
import { handledBy, handlerTable, type CallContext } from '@serviceops/platform';
import { HANDLERS } from '../customers.service-definition';
import { InquiryHandlers } from './inquiries';
import { PolicyHandlers } from './policies';
import { ReturnVisitHandlers } from './return-visits';

const ID = '3d0f6a52-7c1b-4e0a-9f3e-2b6c8d1e4a70';
const call = { tenantId: 't', actorId: 'a', roles: ['admin'] } as unknown as CallContext;

/** A handler object whose generic `act` records what it was given. */
function acting<T extends object>(type: { prototype: T }) {
  const act = jest.fn().mockResolvedValue('answered');
  return { handlers: Object.assign(Object.create(type.prototype) as T, { act }), act };
}

describe('customers’ handlers', () => {
  it('handle each declared method once', () => {
    expect([...handlerTable('customers', HANDLERS).keys()].sort()).toEqual(Object.keys(API.customers).sort());
  });

  it.each([
    [InquiryHandlers, ['customers.OpenInquiry', 'customers.AnswerInquiry', 'customers.HandOffInquiry']],
    [
      ReturnVisitHandlers,
      ['customers.ScheduleReturnVisit', 'customers.RecordReturnVisit', 'customers.CancelReturnVisit'],
    ],
    [
      PolicyHandlers,
      ['customers.GetCustomerPolicy', 'customers.GetCustomerPolicyHistory', 'customers.ChangeCustomerPolicy'],
    ],
  ] as const)('%p handles its declared commands', (type, rpcs) => {
    expect(
      handledBy(type)
        .map(({ rpc }) => rpc)
        .sort(),
    ).toEqual([...rpcs].sort());
  });

  it.each([
    [
      InquiryHandlers,
      'handleAnswerInquiry',
      { id: ID, answer: 'Yes', expectedVersion: 3 },
      { type: 'AnswerInquiry', data: { inquiryId: ID, answer: 'Yes' } },
      3,
    ],
    [
      InquiryHandlers,
      'handleHandOffInquiryToSales',
      { id: ID, need: { kind: 'equipment', type: 'Forklift', place: '' } },
      {
        type: 'HandOffInquiryToSales',
        data: { inquiryId: ID, need: { kind: 'equipment', type: 'Forklift' } },
      },
      undefined,
    ],
    [
      ReturnVisitHandlers,
      'handleRecordReturnVisit',
      { id: ID, outcome: 'reached', satisfaction: 'satisfied', followUp: {}, expectedVersion: 1 },
      {
        type: 'RecordReturnVisit',
        data: { visitId: ID, outcome: 'reached', satisfaction: 'satisfied', followUp: { action: '' } },
      },
      1,
    ],
    [
      ReturnVisitHandlers,
      'handleCancelReturnVisit',
      { id: ID, reason: 'moved away', expectedVersion: 2 },
      { type: 'CancelReturnVisit', data: { visitId: ID, reason: 'moved away' } },
      2,
    ],
    [
      PolicyHandlers,
      'handleChangeCustomerPolicy',
      // proto3 leaves out false, 0 and "no periodic visits".
      {
        inquiryReply: { withinBusinessHours: 8 },
        returnVisits: { afterServiceDays: 2 },
        care: { birthdays: true },
        expectedVersion: 4,
      },
      {
        type: 'ChangeCustomerPolicy',
        data: {
          policy: {
            inquiryReply: { withinBusinessHours: 8 },
            returnVisits: { afterServiceDays: 2, everyDays: null },
            care: { birthdays: true, holidays: false, hour: 0 },
          },
        },
      },
      4,
    ],
  ] as const)(
    '%p.%s: the request becomes the command, given to act',
    async (type, method, request, command, version) => {
      const { handlers, act } = acting(type as { prototype: object });
      const handle = (handlers as Record<string, (request: object, call: CallContext) => Promise<unknown>>)[
        method
      ];
      await expect(handle?.call(handlers, request, call)).resolves.toBe('answered');
      expect(act).toHaveBeenCalledWith(call, command, version);
    },
  );
});
