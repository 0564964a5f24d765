import { WORK_ORDER_FIELDS } from '@serviceops/contracts';
import { invalidPaths } from '../errors/validation.testing';
import {
  CompleteWorkDto,
  IssueQuoteDto,
  LogItemInDto,
  MAX_HOURS,
  MAX_PART_QUANTITY,
  MAX_QUOTE_ITEMS,
  PartDto,
  ProposeExtraWorkDto,
} from './orders-work.dto';

// The work-order bodies refuse (400) what their schema states, with the same rules the domain decides with
// (WORK_ORDER_FIELDS); what is left (a blank signature, a quote valid until the past) is the domain's 422.
const cny = (amount: number) => ({ amount, currency: 'CNY' });
const item = { description: 'Drum bearing', price: cny(30_000) };
const validUntil = '2030-01-01T00:00:00Z';
const finish = { signature: 'voucher:V-0042', hours: 2.5, summary: 'Bearing replaced' };

describe('the work-order request bodies', () => {
  it.each<[string, new () => object, object, string[]]>([
    ['a part', PartDto, { partId: 'BRG-6205', quantity: 1 }, []],
    ['a part at the quantity bound', PartDto, { partId: 'BRG-6205', quantity: MAX_PART_QUANTITY }, []],
    [
      'a part past the quantity bound',
      PartDto,
      { partId: 'BRG-6205', quantity: MAX_PART_QUANTITY + 1 },
      ['quantity'],
    ],
    ['no quantity', PartDto, { partId: 'BRG-6205', quantity: 0 }, ['quantity']],
    ['half a part', PartDto, { partId: 'BRG-6205', quantity: 1.5 }, ['quantity']],
    ['a part number with a space', PartDto, { partId: 'BRG 6205', quantity: 1 }, ['partId']],
    ['a completion', CompleteWorkDto, finish, []],
    ['a completion without signature (the domain’s 422)', CompleteWorkDto, { hours: 1, summary: 'ok' }, []],
    ['a signature that is a name', CompleteWorkDto, { ...finish, signature: 'Zhang Wei' }, ['signature']],
    ['hours at the bound', CompleteWorkDto, { ...finish, hours: MAX_HOURS }, []],
    ['hours past the bound', CompleteWorkDto, { ...finish, hours: MAX_HOURS + 0.5 }, ['hours']],
    ['negative hours', CompleteWorkDto, { ...finish, hours: -1 }, ['hours']],
    ['no summary', CompleteWorkDto, { ...finish, summary: ' ' }, ['summary']],
    ['a quote', IssueQuoteDto, { items: [item], validUntil }, []],
    ['a quote of no item', IssueQuoteDto, { items: [], validUntil }, ['items']],
    [
      'a quote past the item bound',
      IssueQuoteDto,
      { items: Array.from({ length: MAX_QUOTE_ITEMS + 1 }, () => item), validUntil },
      ['items'],
    ],
    [
      'a price in fractions of a fen',
      IssueQuoteDto,
      { items: [{ ...item, price: cny(1.5) }], validUntil },
      ['items[0].price.amount'],
    ],
    [
      'a price in no currency code',
      IssueQuoteDto,
      { items: [{ ...item, price: { amount: 1, currency: 'cny' } }], validUntil },
      ['items[0].price.currency'],
    ],
    ['extra work', ProposeExtraWorkDto, { description: 'Worn seal', estimatedPrice: cny(8_000) }, []],
    ['extra work without its price', ProposeExtraWorkDto, { description: 'Worn seal' }, ['estimatedPrice']],
    ['a receipt', LogItemInDto, { receipt: 'R-2026-0042' }, []],
    ['a receipt that is no number', LogItemInDto, { receipt: 'the blue one' }, ['receipt']],
  ])('%s', async (_why, dto, body, paths) => {
    expect(await invalidPaths(dto as never, body)).toEqual(paths);
  });

  it.each<[keyof typeof WORK_ORDER_FIELDS, string, boolean]>([
    ['partId', 'BRG-6205', true],
    ['partId', 'x'.repeat(64), true],
    ['partId', 'x'.repeat(65), false],
    ['signature', 'voucher:V-0042', true],
    ['signature', ' ', false],
    ['receipt', 'R-1', true],
    ['receipt', '-R', false],
  ])('the domain’s rule for %s takes %j: %s', (field, value, valid) => {
    expect(WORK_ORDER_FIELDS[field].accepts(value)).toBe(valid);
  });
});
