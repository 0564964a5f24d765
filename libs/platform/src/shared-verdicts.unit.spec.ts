import { money } from '@serviceops/kernel';
import { CURSOR_VERDICTS, MONEY_VERDICTS } from '@serviceops/testing';
import { moneyOfMessage } from './grpc-fields';
import { decodeKeyCursor } from './paging';

// The services' half of the shared tables (libs/testing/src/field-verdicts.ts); the gateway runs its own.

const accepts = (f: () => unknown): boolean => {
  try {
    f();
    return true;
  } catch {
    return false;
  }
};

describe('the services reach the shared verdicts on money', () => {
  it.each(MONEY_VERDICTS.map((v) => [v.amount, v.currency, v.valid]))(
    '%p %j → valid %p',
    (amount, currency, valid) => {
      // The domain's money, then the same value as gRPC delivers it (int64 as a string) and as it is in process.
      expect(accepts(() => money(amount, currency))).toBe(valid);
      const { amount: fromWire } = moneyOfMessage({ amount: String(amount), currency });
      expect(accepts(() => money(fromWire, currency))).toBe(valid);
      const { amount: inProcess } = moneyOfMessage({ amount, currency });
      expect(accepts(() => money(inProcess, currency))).toBe(valid);
    },
  );
});

describe('the services reach the shared verdicts on cursors', () => {
  it.each(CURSOR_VERDICTS.map((v) => [v.cursor, v.valid]))('%j → valid %p', (cursor, valid) => {
    expect(accepts(() => decodeKeyCursor(cursor))).toBe(valid);
  });
});
