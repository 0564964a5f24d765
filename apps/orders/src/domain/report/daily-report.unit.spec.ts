import { defaultBusinessCalendar, type BusinessCalendar } from '@serviceops/kernel';
import { atRisk, byKind, byStaff, totalHours, type WorkDone } from './daily-report';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const work = (staffId: string, kind: string, hours: number, n: number): WorkDone => ({
  orderId: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
  staffId,
  kind,
  hours,
  durationMinutes: Math.round(hours * 60),
});

describe('work by kind and hours', () => {
  const day = [
    work(A, 'repair', 1.5, 1),
    work(A, 'maintenance', 0.1, 2),
    work(A, 'repair', 0.2, 3),
    work(B, 'installation', 3, 4),
  ];

  it('counts each kind’s orders and hours, kinds in order', () => {
    expect(byKind(day)).toEqual([
      { kind: 'installation', orders: 1, hours: 3 },
      { kind: 'maintenance', orders: 1, hours: 0.1 },
      { kind: 'repair', orders: 2, hours: 1.7 },
    ]);
  });

  it('rolls up per person, each with their kinds', () => {
    expect(byStaff(day)).toEqual([
      {
        staffId: A,
        orders: 3,
        hours: 1.8,
        byKind: [
          { kind: 'maintenance', orders: 1, hours: 0.1 },
          { kind: 'repair', orders: 2, hours: 1.7 },
        ],
      },
      { staffId: B, orders: 1, hours: 3, byKind: [{ kind: 'installation', orders: 1, hours: 3 }] },
    ]);
  });

  it.each([
    [[0.1, 0.2], 0.3],
    [[1.25, 1.25, 0.5], 3],
    [[], 0],
  ])('sums hours %p exactly to %p', (hours, total) => {
    expect(totalHours(hours.map((h, i) => work(A, 'repair', h, i)))).toBe(total);
  });
});

describe('a job that will miss its time shows', () => {
  // Mon–Fri 09:00–18:00 UTC, no holidays.
  const calendar: BusinessCalendar = { ...defaultBusinessCalendar, timeZone: 'UTC', holidays: [] };
  const received = '2026-03-02T09:00:00.000Z'; // Monday 09:00: 6 working hours → due 15:00
  const open = (orderId: string, hours = 6, staffId?: string) => ({
    orderId,
    receivedAt: received,
    arrivalWithinBusinessHours: hours,
    kind: 'repair',
    ...(staffId ? { staffId } : {}),
  });

  it.each([
    ['13:59', []],
    ['14:00', ['at_risk']],
    ['15:00', ['at_risk']],
    ['15:01', ['missed']],
  ] as [string, string[]][])('at %s: %p', (time, states) => {
    const shown = atRisk([open(A)], calendar, new Date(`2026-03-02T${time}:00.000Z`));
    expect(shown.map((o) => o.slaState)).toEqual(states);
    for (const o of shown) expect(o.arrivalDueAt).toBe('2026-03-02T15:00:00.000Z');
  });

  it('lists the most urgent first, with who has it', () => {
    const shown = atRisk([open(A, 6, B), open(B, 5)], calendar, new Date('2026-03-02T16:00:00.000Z'));
    expect(shown).toEqual([
      { orderId: B, kind: 'repair', slaState: 'missed', arrivalDueAt: '2026-03-02T14:00:00.000Z' },
      {
        orderId: A,
        staffId: B,
        kind: 'repair',
        slaState: 'missed',
        arrivalDueAt: '2026-03-02T15:00:00.000Z',
      },
    ]);
  });
});
