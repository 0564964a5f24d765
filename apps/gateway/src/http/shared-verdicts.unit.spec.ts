import { CURSOR_VERDICTS, MONEY_VERDICTS } from '@serviceops/testing';
import { invalidPaths } from '../errors/validation.testing';
import { MoneyDto } from './money.dto';
import { PageQuery } from './page.query';

// The gateway's half of the shared tables (libs/testing/src/field-verdicts.ts); libs/platform runs the services'.

describe('the gateway reaches the shared verdicts on money', () => {
  it.each(MONEY_VERDICTS.map((v) => [v.amount, v.currency, v.valid]))(
    '%p %j → valid %p',
    async (amount, currency, valid) => {
      expect((await invalidPaths(MoneyDto, { amount, currency })).length === 0).toBe(valid);
    },
  );
});

describe('the gateway reaches the shared verdicts on cursors', () => {
  it.each(CURSOR_VERDICTS.map((v) => [v.cursor, v.valid]))('%j → valid %p', async (cursor, valid) => {
    expect(await invalidPaths(PageQuery, { cursor })).toEqual(valid ? [] : ['cursor']);
  });
});
