import { PERSONAL_TEXT, sealedPathsOf } from './fields';

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
});
