import { FIELD_VERDICTS } from '@serviceops/testing';
import { customerDecider } from './customer.decider';

const now = new Date('2026-11-22T08:00:00.000Z');

/** What the domain says of one field: accepted, or refused naming that field. */
function verdict(field: string, value: string): boolean {
  try {
    customerDecider.decide(
      {
        type: 'RegisterCustomer',
        data: {
          customerId: '6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11',
          name: 'Wang Fang',
          channel: 'phone',
          [field]: value,
        },
      },
      customerDecider.initialState(),
      { now, branchIds: [] },
    );
    return true;
  } catch (error) {
    expect(error).toMatchObject({ details: { field } });
    return false;
  }
}

describe('the customers domain reaches the shared verdicts on customer fields', () => {
  it.each(
    FIELD_VERDICTS.map((c) => [c.field, c.value.length > 40 ? `${c.value.slice(0, 40)}…` : c.value, c]),
  )('%s %j', (_field, _shown, { field, value, valid }) => {
    expect(verdict(field, value)).toBe(valid);
  });
});
