import { PERSONAL_ANSWER_PATHS, PERSONAL_TEXT, sealedPathsOf } from './fields';

describe('personal free text, stated once', () => {
  it('derives the paths to seal per event type, every type listed', () => {
    expect(
      sealedPathsOf(['Opened', 'Closed', 'Touched'], {
        title: { Opened: 'title' },
        why: { Closed: 'reason' },
        'place.street': { Opened: 'place.street' },
      }),
    ).toEqual({ Opened: ['title', 'place.street'], Closed: ['reason'], Touched: [] });
  });

  it('refuses personal text in an event type the record does not have', () => {
    expect(() => sealedPathsOf(['Opened'], { title: { Renamed: 'title' } })).toThrow(/Renamed/);
  });

  it('seals every free-text field of a return visit, the cancel reason and service reference included', () => {
    expect(
      sealedPathsOf(
        ['ReturnVisitScheduled', 'ReturnVisitRecorded', 'ReturnVisitCancelled'],
        PERSONAL_TEXT.returnVisit,
      ),
    ).toEqual({
      ReturnVisitScheduled: ['serviceRef', 'note'],
      ReturnVisitRecorded: ['feedback', 'suggestions', 'followUp.action'],
      ReturnVisitCancelled: ['reason'],
    });
  });

  it("seals an inquiry's texts and the whole need handed off, its type included", () => {
    expect(
      sealedPathsOf(
        ['InquiryReceived', 'InquiryAnswered', 'InquiryWentOverdue', 'InquiryHandedOff'],
        PERSONAL_TEXT.inquiry,
      ),
    ).toEqual({
      InquiryReceived: ['subject', 'content'],
      InquiryAnswered: ['answer'],
      InquiryWentOverdue: [],
      InquiryHandedOff: ['need.type', 'need.place', 'need.requirements'],
    });
  });

  it('lists for kept answers where each sealed value shows in an answer, once', () => {
    expect([...PERSONAL_ANSWER_PATHS].sort()).toEqual(
      [
        'answer',
        'cancelReason',
        'content',
        'feedback',
        'followUp.action',
        'need.place',
        'need.requirements',
        'need.type',
        'note',
        'serviceRef',
        'subject',
        'suggestions',
        // orders (issue 15): a request's address and problem description.
        'address',
        'problem',
        ...[
          'items',
          'fees',
          'term',
          'delivery',
          'maintenanceDuties',
          'deposit',
          'breachLiability',
          'latePaymentPenalty',
        ].map((clause) => `clauses.${clause}`),
        'signatures.signer',
        'returnReasons',
        'suspendedFor',
        'terminatedFor',
        'warranty.covered',
        'declineReason',
        'qualifications.number',
        // the staff conduct register (issue 13 item 9)
        'violations.evidence',
        'appeal.reason',
        'rewards.reason',
        // orders' safety incidents (issue 15 item 9): the emergency steps taken.
        'emergencySteps',
        // orders' work orders: extra work's description, the end-of-job summary.
        'extras.description',
        'endSummary',
        // staff attendance: why a shift was cancelled, the reasons of leave and its decisions.
        'cancellation',
        'requests.reason',
        'requests.decision',
        'requests.cancellation',
        // staff recruitment, separation and training free text.
        'steps.reason',
        'separationReason',
        'handoverNote',
        'topic',
      ].sort(),
    );
  });
});
