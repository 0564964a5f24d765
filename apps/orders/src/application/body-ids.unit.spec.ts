import type { Caller, Command } from '@serviceops/kernel';
import { ProblemError } from '@serviceops/platform';
import { queueChat } from '../domain/chat/queue-chat';
import { setCompanionCapacity } from '../domain/chat/set-companion-capacity';
import { dispatchOrder } from '../domain/order/dispatch-order';
import { registerRequest } from '../domain/order/register-request';
import { deliverRental } from '../domain/resource/deliver-rental';
import { recordSafetyIncident } from '../domain/safety-incident/record-safety-incident';
import { checkBodyIds } from './body-ids';

// A body's UUID is mapped by the use case (lower-cased, kept when sent even empty) and checked by its method
// (checkBodyIds): together they refuse what `uuidField` refused before the mapping moved into the use case.

const ID = '0B7C9A34-5B7E-4C1E-9A3A-1F2D3C4B5A69';
const caller: Caller = { actorId: 'a', newId: '2b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69' };

interface Mapped {
  readonly handles?: { readonly command: (request: never, ...caller: never[]) => Command };
}
const dataOf = (useCase: Mapped, request: object): Record<string, unknown> =>
  (useCase.handles?.command as (request: object, caller: Caller) => Command<string, Record<string, unknown>>)(
    request,
    caller,
  ).data;

const refusal = (check: () => void) => {
  try {
    check();
  } catch (error) {
    return error instanceof ProblemError ? { code: error.code, errors: error.errors } : error;
  }
  return 'accepted';
};

describe('a command’s body UUIDs', () => {
  it.each([
    ['RegisterRequest', 'customerId', registerRequest, {}],
    ['RegisterRequest', 'contractId', registerRequest, { customerId: ID, contractId: '' }],
    ['RegisterRequest', 'contractId', registerRequest, { customerId: ID, contractId: 'c-1' }],
    ['DispatchOrder', 'resourceId', dispatchOrder, { id: ID, staffId: ID, resourceId: 'van' }],
    ['QueueChat', 'branchId', queueChat, { customerId: ID, branchId: '' }],
    ['SetCompanionCapacity', 'branchId', setCompanionCapacity, { id: ID, branchId: 'north' }],
    ['RecordSafetyIncident', 'orderId', recordSafetyIncident, { staffId: ID, orderId: '' }],
    ['DeliverRental', 'staffSignedBy', deliverRental, { id: ID, orderId: ID }],
  ])('%s refuses a malformed or empty %s: 400 VALIDATION naming it', (_rpc, field, useCase, request) => {
    const data = dataOf(useCase, request);
    expect(refusal(() => checkBodyIds(data, field))).toEqual({
      code: 'VALIDATION',
      errors: [{ path: field, message: 'must be a uuid' }],
    });
  });

  it.each([
    ['RegisterRequest', 'contractId', registerRequest, { customerId: ID }],
    ['DispatchOrder', 'resourceId', dispatchOrder, { id: ID, staffId: ID }],
    ['QueueChat', 'branchId', queueChat, { customerId: ID }],
    ['RecordSafetyIncident', 'orderId', recordSafetyIncident, { staffId: ID }],
  ])('%s takes %s not sent for none', (_rpc, field, useCase, request) => {
    const data = dataOf(useCase, request);
    expect(data[field] ?? null).toBeNull();
    expect(refusal(() => checkBodyIds(data, field))).toBe('accepted');
  });

  it('passes a UUID on lower-cased, as uuidField did', () => {
    const data = dataOf(registerRequest, { customerId: ID, contractId: ID });
    expect(data).toMatchObject({ customerId: ID.toLowerCase(), contractId: ID.toLowerCase() });
    expect(refusal(() => checkBodyIds(data, 'customerId', 'contractId'))).toBe('accepted');
  });

  it('gives a new record the id made for the call', () => {
    expect(dataOf(registerRequest, { customerId: ID })['orderId']).toBe(caller.newId);
    expect(dataOf(queueChat, { customerId: ID })['sessionId']).toBe(caller.newId);
    expect(dataOf(recordSafetyIncident, { staffId: ID })['incidentId']).toBe(caller.newId);
  });
});
