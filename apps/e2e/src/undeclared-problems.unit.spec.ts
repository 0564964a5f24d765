import { undeclaredProblems } from './platform';

// The e2e suites' check that a route answers only the problem codes its declaration lists, from the gateway's
// "request refused" lines.

const refused = (method: string, route: string, code: string) =>
  JSON.stringify({ level: 30, msg: 'request refused', method, route, code, status: 422 });

describe('undeclared problem codes', () => {
  it('names a code of the route’s own service that its declaration does not list', () => {
    const logs = [
      refused('POST', '/api/v1/customers/:id/merge', 'CUSTOMERS.MERGE_WITH_ITSELF'), // listed
      refused('POST', '/api/v1/customers/:id/merge', 'CUSTOMERS.VISIT_CLOSED'), // not listed
      refused('POST', '/api/v1/customers/:id/merge', 'EVENTSTORE.WRONG_EXPECTED_VERSION'), // the platform's own
      refused('POST', '/api/v1/customers/:id/merge', 'VALIDATION'),
      'not a log record',
      JSON.stringify({ msg: 'request completed', method: 'GET', route: '/api/v1/customers/:id' }),
    ].join('\n');
    expect(undeclaredProblems(logs)).toEqual(['customers.MergeCustomers: CUSTOMERS.VISIT_CLOSED']);
  });

  it('says nothing of routes it does not know', () => {
    expect(undeclaredProblems(refused('POST', '/api/v1/nowhere', 'CUSTOMERS.VISIT_CLOSED'))).toEqual([]);
  });
});
