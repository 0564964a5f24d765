import type { Type } from '@nestjs/common';
import { TokenView } from '../auth/auth.dto';
import { CustomerView } from '../customers/customers.views';
import { classificationsOf, propertiesOf, viewTypeOf } from '../http/personal';
import { InquiryView } from '../inquiries/inquiries.views';
import { ContractView } from '../contracts/contracts.views';
import { OrderView } from '../orders/orders.views';
import { ReturnVisitView } from '../return-visits/return-visits.views';
import { QualificationsView, SeparationView } from '../staff/staff-people.views';
import { answerViews } from './answer-views.testing';
import { keptBody, withoutPersonalData } from './kept-answer';

const CUSTOMER = '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('what the idempotency store keeps of an answer, by its view', () => {
  it('leaves out a separation’s reason (a resignation’s words) and keeps its state', () => {
    expect(
      withoutPersonalData(
        {
          staffId: CUSTOMER,
          version: 2,
          status: 'separating',
          kind: 'resignation',
          reason: 'caring for my mother after her stroke',
          noticeDays: 30,
          lastDay: '2026-03-01',
          handover: [{ item: 'equipment', ticked: false }],
        },
        SeparationView,
      ),
    ).toEqual({
      staffId: CUSTOMER,
      version: 2,
      status: 'separating',
      kind: 'resignation',
      noticeDays: 30,
      lastDay: '2026-03-01',
      handover: [{ item: 'equipment', ticked: false }],
    });
  });

  it('keeps a field of the same name that is no free text (why a qualification is ineligible: a code)', () => {
    expect(
      withoutPersonalData(
        {
          staffId: CUSTOMER,
          version: 1,
          eligible: false,
          reasons: [{ kind: 'driving_licence', reason: 'expired' }],
          masked: false,
          qualifications: [{ id: CUSTOMER, kind: 'driving_licence', number: 'B-4201-778' }],
        },
        QualificationsView,
      ),
    ).toEqual({
      staffId: CUSTOMER,
      version: 1,
      eligible: false,
      reasons: [{ kind: 'driving_licence', reason: 'expired' }],
      masked: false,
      qualifications: [{ id: CUSTOMER, kind: 'driving_licence' }],
    });
  });

  it('leaves out the customer file (a list of needs empty) and keeps ids, versions and state', () => {
    expect(
      withoutPersonalData(
        {
          id: CUSTOMER,
          version: 2,
          name: 'Wang Fang',
          phone: '+86 138 0000 0000',
          email: 'wang.fang@example.com',
          address: 'No. 1 Renmin Road',
          idNumber: '42010619900517123X',
          birthDate: '1990-05-17',
          gender: 'female',
          notes: 'prefers WeChat',
          needs: [{ line: 'companion_chat', needs: 'weekly calls', preferences: 'evenings' }],
          channel: 'phone',
          status: 'active',
          masked: false,
          mergedFrom: [],
        },
        CustomerView,
      ),
    ).toEqual({
      id: CUSTOMER,
      version: 2,
      needs: [],
      channel: 'phone',
      status: 'active',
      masked: false,
      mergedFrom: [],
    });
  });

  it('reaches nested views: a visit’s follow-up, an inquiry’s need, a contract’s clauses and signatures', () => {
    const visit = withoutPersonalData(
      {
        id: 'v1',
        status: 'done',
        note: 'brakes',
        followUp: { action: 'call Wang Fang', dueOn: '2025-07-10' },
      },
      ReturnVisitView,
    );
    expect(visit).toEqual({ id: 'v1', status: 'done', followUp: { dueOn: '2025-07-10' } });
    const inquiry = withoutPersonalData(
      { id: 'i1', subject: 'excavator', need: { kind: 'equipment', type: 'excavator', place: 'Hankou' } },
      InquiryView,
    );
    // The need's type is required by its schema: masked, so that a replay still matches it.
    expect(inquiry).toEqual({ id: 'i1', need: { kind: 'equipment', type: '***' } });
    const contract = JSON.stringify(
      withoutPersonalData(
        {
          id: 'c1',
          terms: { clauses: { deposit: 'Wang Fang pays on 1 May' } },
          signatures: [{ party: 'customer', signer: 'Wang Fang' }],
          returnReasons: ['Wang Fang disputes the fee'],
        },
        ContractView,
      ),
    );
    expect(contract).not.toContain('Wang Fang');
  });

  it('leaves out an order’s address, problem and subject', () => {
    expect(
      withoutPersonalData(
        { id: 'o1', version: 1, subject: 'boiler', address: '1 Renmin Road', problem: 'no hot water' },
        OrderView,
      ),
    ).toEqual({ id: 'o1', version: 1 });
  });

  it('keeps no credential of a token answer, only what says when it ends', () => {
    expect(
      withoutPersonalData(
        {
          accessToken: 'eyJhbGciOiJIUzI1NiJ9.e30.sig',
          tokenType: 'Bearer',
          expiresIn: 900,
          refreshToken: 'c2VjcmV0LXJlZnJlc2gtdG9rZW4tb2YtNDMtY2hhcnM',
          refreshExpiresAt: '2026-03-16T01:00:00.000Z',
        },
        TokenView,
      ),
    ).toEqual({ tokenType: 'Bearer', expiresIn: 900, refreshExpiresAt: '2026-03-16T01:00:00.000Z' });
  });

  it('keeps no field its view does not state: nothing says what it holds', () => {
    expect(withoutPersonalData({ staffId: CUSTOMER, comment: 'Wang Fang' }, SeparationView)).toEqual({
      staffId: CUSTOMER,
    });
  });

  it('keeps a problem (no view) as it was', () => {
    const problem = {
      type: 'about:blank',
      status: 409,
      code: 'CUSTOMERS.DUPLICATE_SUSPECTED',
      candidates: [],
    };
    expect(JSON.parse(keptBody(JSON.stringify(problem), undefined))).toEqual(problem);
  });

  it('keeps scalars, null and an empty body as they are, and nothing of a body that is not JSON', () => {
    expect(keptBody('null', SeparationView)).toBe('null');
    expect(keptBody('"done"', SeparationView)).toBe('"done"');
    expect(keptBody('[]', SeparationView)).toBe('[]');
    expect(keptBody('Wang Fang, +86 138 0000 0000', SeparationView)).toBe('null');
  });
});

/** A body of `view` with every field set: a text per scalar (its path), nested views filled, one item per list. */
function filled(view: Type<unknown>, path: string, depth = 0): Record<string, unknown> {
  return Object.fromEntries(
    propertiesOf(view).map((key) => {
      const inner = viewTypeOf(view, key);
      const value = inner && depth < 4 ? filled(inner, `${path}.${key}`, depth + 1) : `«${path}.${key}»`;
      return [key, [value]];
    }),
  );
}

describe('every answer view: what it marks personal or secret is never kept, the rest is', () => {
  it.each([...answerViews()].map((view) => [view.name, view] as const))('%s', (_name, view) => {
    const kept = keptBody(JSON.stringify(filled(view, 'x')), view);
    for (const [key, classification] of classificationsOf(view)) {
      if (!propertiesOf(view).includes(key)) continue;
      if (classification.kind === 'not-personal') expect(kept).toContain(`«x.${key}»`);
      else {
        expect(kept).not.toContain(`«x.${key}»`);
        expect(kept).not.toContain(`«x.${key}.`);
      }
    }
  });
});
