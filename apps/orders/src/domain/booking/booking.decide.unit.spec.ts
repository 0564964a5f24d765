import { deciderSpec } from '@serviceops/testing';
import { type Book, bookingDecider, type BookingEvent, bookingStreamIds, overlaps } from './booking.decider';

const H = 'staff:s-1';
const slot = (start: string, end: string) => ({
  start: `2026-03-03T${start}:00.000Z`,
  end: `2026-03-03T${end}:00.000Z`,
});
const booked = (orderId: string, s = slot('02:00', '04:00')): BookingEvent => ({
  type: 'SlotBooked',
  data: { holder: H, orderId, slot: s },
});
const book = (orderId: string, s: ReturnType<typeof slot>): Book => ({
  type: 'Book',
  data: { holder: H, orderId, slot: s },
});
const spec = (given: BookingEvent[]) => deciderSpec(bookingDecider, undefined).given(given);

describe('booking: no double booking of one person or resource', () => {
  it.each<[string, string, string]>([
    ['the same slot', '02:00', '04:00'],
    ['a slot inside it', '02:30', '03:00'],
    ['a slot around it', '01:00', '05:00'],
    ['a slot overlapping its start by a minute', '01:00', '02:01'],
    ['a slot overlapping its end by a minute', '03:59', '05:00'],
  ])('refuses %s', (_why, start, end) => {
    spec([booked('o-1')])
      .when(book('o-2', slot(start, end)))
      .thenThrows('ORDERS.DOUBLE_BOOKED');
  });

  it.each<[string, string, string]>([
    ['a slot ending as it starts', '01:00', '02:00'],
    ['a slot starting as it ends', '04:00', '05:00'],
    ['a later slot', '06:00', '07:00'],
  ])('books %s', (_why, start, end) => {
    spec([booked('o-1')])
      .when(book('o-2', slot(start, end)))
      .then([booked('o-2', slot(start, end))]);
  });

  it('books into an empty day, and books the same order again as nothing new', () => {
    spec([])
      .when(book('o-1', slot('02:00', '04:00')))
      .then([booked('o-1')]);
    spec([booked('o-1')])
      .when(book('o-1', slot('02:00', '04:00')))
      .then([]);
  });

  it('is symmetric and half-open', () => {
    const a = slot('02:00', '04:00');
    const b = slot('04:00', '05:00');
    expect([overlaps(a, b), overlaps(b, a), overlaps(a, a)]).toEqual([false, false, true]);
  });

  const day = (d: string) => `booking-t-staff:s-1:${d}`;
  it.each<[string, string, string, string[]]>([
    ['inside one UTC day', '2026-03-03T02:00:00.000Z', '2026-03-03T04:00:00.000Z', [day('2026-03-03')]],
    [
      'ending at UTC midnight exactly',
      '2026-03-03T23:00:00.000Z',
      '2026-03-04T00:00:00.000Z',
      [day('2026-03-03')],
    ],
    ['starting at UTC midnight', '2026-03-04T00:00:00.000Z', '2026-03-04T00:30:00.000Z', [day('2026-03-04')]],
    [
      'across UTC midnight (07:30–08:30 in Shanghai)',
      '2026-03-03T23:30:00.000Z',
      '2026-03-04T00:30:00.000Z',
      [day('2026-03-03'), day('2026-03-04')],
    ],
    [
      'across UTC midnight at a month’s end',
      '2026-02-28T23:59:00.000Z',
      '2026-03-01T00:00:00.001Z',
      [day('2026-02-28'), day('2026-03-01')],
    ],
  ])('books a slot %s in one stream per UTC day it touches', (_why, start, end, ids) => {
    expect(bookingStreamIds('t', H, { start, end })).toEqual(ids);
  });

  describe('releasing a cancelled order’s slot', () => {
    const released = (orderId: string): BookingEvent => ({
      type: 'SlotReleased',
      data: { holder: H, orderId },
    });
    const release = (orderId: string) => ({ type: 'Release', data: { holder: H, orderId } }) as const;

    it('releases the order’s slot, so another order books it', () => {
      spec([booked('o-1')])
        .when(release('o-1'))
        .then([released('o-1')]);
      spec([booked('o-1'), released('o-1')])
        .when(book('o-2', slot('02:00', '04:00')))
        .then([booked('o-2')]);
    });

    it('releases nothing for an order not booked, or released already', () => {
      spec([booked('o-1')])
        .when(release('o-2'))
        .then([]);
      spec([booked('o-1'), released('o-1')])
        .when(release('o-1'))
        .then([]);
    });

    it('keeps the other orders’ slots booked', () => {
      spec([booked('o-1'), booked('o-2', slot('05:00', '06:00')), released('o-1')])
        .when(book('o-3', slot('05:30', '06:30')))
        .thenThrows('ORDERS.DOUBLE_BOOKED');
    });
  });
});
