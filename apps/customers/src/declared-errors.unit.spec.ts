import { API } from '@serviceops/contracts';
import { CareErrorCode } from './domain/care/care.errors';
import { CustomerErrorCode } from './domain/customer/customer.errors';
import { InquiryErrorCode } from './domain/inquiry/inquiry.errors';
import { CustomerPolicyErrorCode } from './domain/policy/customer-policy.errors';
import { ReturnVisitErrorCode } from './domain/return-visit/return-visit.errors';

// The codes the declarations say a method may answer are codes the domain has: a typo, or a code renamed in the
// domain, fails here. (That a method answers no code it does not declare is checked by the e2e suites, from the
// gateway's "request refused" lines: apps/e2e/src/platform.ts, undeclaredProblems.)
const DOMAIN_CODES = new Set<string>(
  [CareErrorCode, CustomerErrorCode, InquiryErrorCode, CustomerPolicyErrorCode, ReturnVisitErrorCode].flatMap(
    (catalog) => Object.values(catalog),
  ),
);

describe('the customers declarations’ problem codes', () => {
  it.each(Object.entries(API.customers))('%s lists codes its domain has', (_, declaration) => {
    const errors: readonly string[] = declaration.errors ?? [];
    expect(errors.filter((code) => !DOMAIN_CODES.has(code))).toEqual([]);
    expect(new Set(errors).size).toBe(errors.length);
  });

  it('states them for every method', () => {
    expect(
      Object.entries(API.customers)
        .filter(([, d]) => !('errors' in d))
        .map(([name]) => name),
    ).toEqual([]);
  });
});
