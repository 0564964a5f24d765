import { deciderSpec } from '@serviceops/testing';
import {
  contractTemplateDecider,
  type ContractTemplateCommand,
  type ContractTemplateEvent,
} from './contract-template.decider';
import { DEFAULT_TEMPLATES } from './contract-template.state';

const now = new Date('2026-03-02T01:00:00.000Z');
const spec = (given: readonly ContractTemplateEvent[]) =>
  deciderSpec(contractTemplateDecider('rental_lease'), { now }).given(given);
const publish = (data: Partial<ContractTemplateCommand['data']> = {}): ContractTemplateCommand => ({
  type: 'PublishContractTemplate',
  data: {
    kind: 'rental_lease',
    title: 'Lease 2026',
    requiredClauses: ['term', 'items', 'deposit', 'term'],
    reviewRequired: true,
    expiryNoticeMonths: 1,
    ...data,
  },
});
const published = (version: number): ContractTemplateEvent => ({
  type: 'ContractTemplatePublished',
  data: {
    kind: 'rental_lease',
    version,
    title: 'Lease 2026',
    requiredClauses: ['items', 'term', 'deposit'],
    reviewRequired: true,
    expiryNoticeMonths: 1,
    publishedAt: now.toISOString(),
  },
});

describe('a tenant’s templates', () => {
  it.each([
    ['service_package', false],
    ['maintenance', false],
    ['rental_lease', true],
    ['warranty', false],
  ] as const)(
    'starts with a default %s template (version 1, review required: %s, notice one month)',
    (kind, review) => {
      expect(contractTemplateDecider(kind).initialState()).toMatchObject({
        kind,
        version: 1,
        reviewRequired: review,
        expiryNoticeMonths: 1,
      });
    },
  );

  it('publishing makes the next version, clauses once each in the one order', () => {
    spec([])
      .when(publish())
      .then([published(2)]);
    spec([published(2)])
      .when(publish())
      .then([published(3)]);
  });

  it.each([
    [{ reviewRequired: false }, 'CONTRACTS.REVIEW_REQUIRED_FOR_LEASE'],
    [{ requiredClauses: [] }, 'CONTRACTS.NO_REQUIRED_CLAUSE'],
    [{ requiredClauses: ['items', 'colour'] }, 'CONTRACTS.INVALID_TEMPLATE'],
    [{ kind: 'warranty' }, 'CONTRACTS.INVALID_TEMPLATE'],
    [{ title: ' ' }, 'CONTRACTS.INVALID_TEMPLATE'],
    [{ expiryNoticeMonths: 0 }, 'CONTRACTS.INVALID_TEMPLATE'],
    [{ expiryNoticeMonths: 13 }, 'CONTRACTS.INVALID_TEMPLATE'],
  ])('refuses %j with %s', (change, code) => {
    spec([])
      .when(publish(change as never))
      .thenThrows(code);
  });

  it.each([1, 12])('accepts a notice of %i month(s)', (expiryNoticeMonths) => {
    spec([])
      .when(publish({ expiryNoticeMonths }))
      .then([{ ...published(2), data: { ...published(2).data, expiryNoticeMonths } }]);
  });

  it('a package template may drop the review', () => {
    const events = contractTemplateDecider('service_package').decide(
      publish({ kind: 'service_package', reviewRequired: false }),
      DEFAULT_TEMPLATES.service_package,
      { now },
    );
    expect(events[0]?.data.reviewRequired).toBe(false);
  });
});
