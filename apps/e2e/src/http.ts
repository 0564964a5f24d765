import type request from 'supertest';
import { poll } from './platform';

// What the e2e suites assert about answers, written once: a problem+json of a status and code, a success.

export type Res = request.Response;

/** A problem+json answer (RFC 9457) as the gateway writes it, with the members some problems add. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { path: string; message: string }[];
  /** Look-alike customers (CUSTOMERS.DUPLICATE_SUSPECTED). */
  candidates?: { id: string; matchedOn: string[] }[];
  /** Why a staff member cannot be dispatched. */
  reasons?: string[];
  /** The recruitment step a candidate is at. */
  expectedStep?: string;
}

/** The Authorization header of a bearer token. */
export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Asserts a problem+json answer of `status` and `code`; the problem. */
export function expectProblem(res: Res, status: number, code: string): Problem {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status, body: { code } });
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  return res.body as Problem;
}

/** Asserts a success of `status` (200 unless said); the body. */
export function ok<T>(res: Res, status = 200): T {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  return res.body as T;
}

/** What the suites read the platform's database through (a pg `Client` or `Pool`). */
export interface Sql {
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }>;
}

/**
 * A customer registered through customers' API, for suites whose orders need one (orders takes an order only for
 * a customer customers registered, which it learns from their events); the customer's id, once orders knows them.
 * Orders waits CUSTOMER_ARRIVAL_WAIT_MS (5 s) for a customer it does not know yet before answering 404: on a loaded
 * machine the event can take longer, so the suite waits for it rather than the order.
 */
export async function registeredCustomer(
  api: ReturnType<typeof request>,
  token: string,
  db: Sql,
  name = 'Order Customer',
): Promise<string> {
  const res = await api.post('/api/v1/customers').set(auth(token)).send({ name, channel: 'phone' });
  const { id } = ok<{ id: string }>(res, 201);
  await customerKnownToOrders(db, id);
  return id;
}

/** Waits until the orders service knows customer `customerId` from customers' events. */
export async function customerKnownToOrders(db: Sql, customerId: string): Promise<void> {
  await poll(`orders knows customer ${customerId}`, async () => {
    const known = await db.query('SELECT 1 FROM orders.known_customers WHERE customer_id = $1', [customerId]);
    return known.rowCount === 1 ? true : undefined;
  });
}
