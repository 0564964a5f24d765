import { PLATFORM_TENANT_ID } from '@serviceops/contracts';
import { Client } from 'pg';
import request from 'supertest';
import { ADMIN_PASSWORD, poll, startPlatform, type RunningPlatform } from './platform';
import { auth, expectProblem, ok, type Res } from './http';

// The contracts service end to end, through the gateway: a driving-practice package from quote to signed
// contract (10 sessions published for orders), a rental lease through legal review, signing, amendments, the
// terms in force by date and the expiry notice, and bad input answered with problem+json, nothing written.

const OPERATOR_PASSWORD = 'e2e-operator-password';

interface Money {
  amount: number;
  currency: string;
}

interface Terms {
  startDate: string;
  endDate: string;
  items: { kind: string; description: string; quantity: number; unitPrice: Money }[];
  clauses: Record<string, string>;
  rentPerMonth?: Money;
  deposit?: Money;
  visitsPerYear?: number;
}

interface Contract {
  id: string;
  version: number;
  status: string;
  kind: string;
  terms: Terms;
  termsVersion?: number;
  versions: { version: number; effectiveFrom: string; terms: Terms }[];
  signatures: { party: string; signer: string; method: string }[];
  returnReasons: string[];
  proposalId?: string;
  pending?: { amendmentId: string };
}

interface Proposal {
  id: string;
  version: number;
  status: string;
  contractId?: string;
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });
const cny = (amount: number): Money => ({ amount, currency: 'CNY' });

/** A date some days from today in Asia/Shanghai, where contracts are dated. */
function day(offset: number): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

const leaseClauses = {
  items: 'one excavator EX-200',
  fees: 'rent monthly in advance',
  term: 'twelve months',
  delivery: 'delivered to the site by the lessor',
  maintenanceDuties: 'the lessor services it every quarter',
  deposit: 'two months of rent',
  breachLiability: 'damage at replacement cost',
  latePaymentPenalty: '0.05% of the rent per day late',
};

jest.setTimeout(120_000);

describe('contracts end to end', () => {
  let platform: RunningPlatform;
  let api: ReturnType<typeof request>;
  let db: Client;
  let admin = '';
  let legal = '';
  let finance = '';
  let customerId = '';

  const token = async (username: string, password: string, tenantId?: string) =>
    (
      (
        await api
          .post('/api/v1/auth/token')
          .send({ username, password, ...(tenantId ? { tenantId } : {}) })
          .expect(200)
      ).body as { accessToken: string }
    ).accessToken;

  const eventCount = async () =>
    Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM contracts.events')).rows[0]?.n);

  async function writesNothing(act: () => Promise<Res>): Promise<Res> {
    const before = await eventCount();
    const res = await act();
    expect(await eventCount()).toBe(before);
    return res;
  }

  const post = (path: string, body: object = {}, version?: number, as = admin) =>
    api
      .post(`/api/v1/${path}`)
      .set(auth(as))
      .set(version === undefined ? {} : ifMatch(version))
      .send(body);

  beforeAll(async () => {
    platform = await startPlatform({
      transport: 'log',
      env: { PLATFORM_OPERATOR_PASSWORD: OPERATOR_PASSWORD, RATE_LIMIT_PER_MINUTE: '100000' },
    });
    api = request(platform.url);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    admin = await token('admin', ADMIN_PASSWORD);
    await api
      .post('/api/v1/users')
      .set(auth(admin))
      .send({ username: 'legal-1', displayName: 'Legal', password: 'legal-password', roles: ['legal'] })
      .expect(201);
    legal = await token('legal-1', 'legal-password');
    await api
      .post('/api/v1/users')
      .set(auth(admin))
      .send({
        username: 'finance-1',
        displayName: 'Finance',
        password: 'finance-password',
        roles: ['finance'],
      })
      .expect(201);
    finance = await token('finance-1', 'finance-password');
    customerId = ok<{ id: string }>(
      await api
        .post('/api/v1/customers')
        .set(auth(admin))
        .send({ name: 'Learner Zhao', phone: '+86 138 1234 0001', channel: 'walk_in' }),
      201,
    ).id;
  }, 180_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await platform?.stop();
  });

  it('starts a tenant with a default template per kind; a published version is what new drafts follow', async () => {
    const defaults = ok<{
      items: { kind: string; version: number; reviewRequired: boolean; requiredClauses: string[] }[];
    }>(await api.get('/api/v1/contract-templates').set(auth(admin)));
    expect(defaults.items.map((t) => [t.kind, t.version, t.reviewRequired])).toEqual([
      ['service_package', 1, false],
      ['maintenance', 1, false],
      ['rental_lease', 1, true],
      ['warranty', 1, false],
    ]);
    expectProblem(
      await writesNothing(() =>
        post('contract-templates', {
          kind: 'rental_lease',
          title: 'Lease without review',
          requiredClauses: ['items'],
          reviewRequired: false,
          expiryNoticeMonths: 1,
        }),
      ),
      422,
      'CONTRACTS.REVIEW_REQUIRED_FOR_LEASE',
    );
    const published = ok<{ version: number; requiredClauses: string[] }>(
      await post(
        'contract-templates',
        {
          kind: 'maintenance',
          title: 'Yearly maintenance (2026)',
          requiredClauses: ['items', 'fees', 'term', 'maintenanceDuties', 'breachLiability', 'deposit'],
          reviewRequired: true,
          expiryNoticeMonths: 2,
        },
        undefined,
        legal,
      ),
      201,
    );
    expect(published).toMatchObject({ version: 2 });
    const draft = ok<Contract & { templateVersion: number; reviewRequired: boolean }>(
      await post('contracts', {
        kind: 'maintenance',
        customerId,
        line: 'after_sales_repair',
        terms: {
          startDate: day(0),
          endDate: day(364),
          items: [
            { kind: 'service', description: 'yearly maintenance', quantity: 1, unitPrice: cny(500_000) },
          ],
          clauses: {
            items: 'x',
            fees: 'y',
            term: 'z',
            maintenanceDuties: 'quarterly visits',
            breachLiability: 'w',
          },
          visitsPerYear: 4,
        },
      }),
      201,
    );
    expect(draft).toMatchObject({ templateVersion: 2, reviewRequired: true });
    const missing = expectProblem(
      await post(`contracts/${draft.id}/submit-for-review`, {}, draft.version),
      422,
      'CONTRACTS.MISSING_CLAUSE',
    );
    expect(missing.detail).toContain('deposit');
  });

  it('a driving-practice package: quote → accepted → contract → signed → 10 sessions published', async () => {
    const quote = ok<Proposal>(
      await post('proposals', {
        customerId,
        line: 'driving_practice',
        kind: 'service_package',
        items: [
          { kind: 'service', description: 'practice session (1 hour)', quantity: 10, unitPrice: cny(20_000) },
        ],
        paymentTerms: 'in full before the first session',
        startDate: day(0),
        endDate: day(180),
        validUntil: day(14),
      }),
      201,
    );
    expect(quote.status).toBe('drafted');
    const sent = ok<Proposal>(await post(`proposals/${quote.id}/send`, {}, quote.version));
    const accepted = ok<Proposal>(await post(`proposals/${quote.id}/accept`, {}, sent.version));
    expect(accepted).toMatchObject({ status: 'accepted', contractId: expect.any(String) as string });
    const contractId = accepted.contractId ?? '';

    const draft = ok<Contract>(await api.get(`/api/v1/contracts/${contractId}`).set(auth(admin)));
    expect(draft).toMatchObject({
      status: 'draft',
      kind: 'service_package',
      proposalId: quote.id,
      terms: { items: [{ quantity: 10, unitPrice: cny(20_000) }] },
    });
    // The quote carries no clauses: the template's required ones are missing, named one by one.
    expectProblem(
      await post(
        `contracts/${contractId}/sign`,
        { party: 'customer', signer: 'Zhao', method: 'paper' },
        draft.version,
      ),
      422,
      'CONTRACTS.MISSING_CLAUSE',
    );
    const revised = ok<Contract>(
      await post(
        `contracts/${contractId}/revise`,
        {
          terms: {
            ...draft.terms,
            clauses: {
              items: 'ten practice sessions of one hour',
              fees: 'paid in full before the first session',
              term: 'six months',
              breachLiability: 'a session missed without notice is forfeited',
            },
          },
        },
        draft.version,
      ),
    );
    const once = ok<Contract>(
      await post(
        `contracts/${contractId}/sign`,
        { party: 'customer', signer: 'Zhao Learner', method: 'paper' },
        revised.version,
      ),
    );
    expect(once.status).toBe('draft');
    const signed = ok<Contract>(
      await post(
        `contracts/${contractId}/sign`,
        { party: 'provider', signer: 'Coach Wang', method: 'electronic' },
        once.version,
      ),
    );
    expect(signed).toMatchObject({ status: 'active', termsVersion: 1 });

    const { rows } = await db.query<{ data: { sessions: { total: number; left: number } } }>(
      `SELECT data FROM contracts.events WHERE type = 'ContractEntitlementsPublished' AND data->>'contractId' = $1`,
      [contractId],
    );
    expect(rows.map((r) => r.data.sessions)).toEqual([{ total: 10, left: 10 }]);
    const listed = await poll('the contract listed as active', async () => {
      const res = await api.get(`/api/v1/contracts?status=active&customerId=${customerId}`).set(auth(admin));
      const items = (res.body as { items: { id: string }[] }).items;
      return items.some((i) => i.id === contractId) ? items : undefined;
    });
    expect(listed.length).toBeGreaterThan(0);
    const ending = ok<{ items: { id: string }[] }>(
      await api.get(`/api/v1/contracts?kind=service_package&expiringBefore=${day(181)}`).set(auth(admin)),
    );
    expect(ending.items.map((i) => i.id)).toContain(contractId);
    const later = ok<{ items: { id: string }[] }>(
      await api.get(`/api/v1/contracts?expiringBefore=${day(180)}&kind=service_package`).set(auth(admin)),
    );
    expect(later.items.map((i) => i.id)).not.toContain(contractId);

    // Renewal: the successor is drafted from the day after the end, linked both ways.
    const renewed = ok<Contract & { successorId: string }>(
      await post(`contracts/${contractId}/renew`, {}, signed.version),
    );
    expect(renewed.status).toBe('renewed');
    const successor = ok<Contract & { predecessorId: string }>(
      await api.get(`/api/v1/contracts/${renewed.successorId}`).set(auth(admin)),
    );
    expect(successor).toMatchObject({
      status: 'draft',
      predecessorId: contractId,
      terms: { startDate: day(181), items: [{ quantity: 10 }] },
    });
  });

  it('lists proposals by status, customer and validity, a page at a time; a bad filter is 400', async () => {
    const quote = async (validUntil: string) =>
      ok<Proposal>(
        await post('proposals', {
          customerId,
          line: 'driving_practice',
          kind: 'service_package',
          items: [{ kind: 'service', description: 'practice session', quantity: 5, unitPrice: cny(20_000) }],
          paymentTerms: 'in full before the first session',
          startDate: day(30),
          endDate: day(120),
          validUntil,
        }),
        201,
      );
    const kept = await quote(day(40));
    const declined = await quote(day(3));
    const sent = ok<Proposal>(await post(`proposals/${declined.id}/send`, {}, declined.version));
    ok<Proposal>(
      await post(`proposals/${declined.id}/decline`, { reason: 'chose another school' }, sent.version),
    );

    type Page = { items: { id: string; status: string; validUntil: string }[]; nextCursor?: string };
    const list = async (query: string) =>
      ok<Page>(await api.get(`/api/v1/proposals?customerId=${customerId}&${query}`).set(auth(admin)));
    const gone = await poll('the decline listed', async () => {
      const page = await list('status=declined');
      return page.items.some((i) => i.id === declined.id) ? page : undefined;
    });
    expect(gone.items.find((i) => i.id === declined.id)).toMatchObject({
      status: 'declined',
      validUntil: day(3),
    });
    const later = await list(`status=drafted&validUntilAfter=${day(39)}`);
    expect(later.items.map((i) => i.id)).toEqual([kept.id]);
    const first = await list('limit=1');
    expect(first.items.map((i) => i.id)).toEqual([declined.id]);
    const second = await list(`limit=1&cursor=${first.nextCursor ?? ''}`);
    expect(second.items.map((i) => i.id)).toEqual([kept.id]);

    expectProblem(await api.get('/api/v1/proposals?status=signed').set(auth(admin)), 400, 'VALIDATION');
  });

  it('a rental lease: review required, returned once, approved, signed, amended, terms by date, expiry notice', async () => {
    const draft = ok<Contract>(
      await post('contracts', {
        kind: 'rental_lease',
        customerId,
        line: 'equipment_rental',
        terms: {
          startDate: day(-40),
          endDate: day(325),
          items: [
            { kind: 'equipment', description: 'excavator EX-200', quantity: 1, unitPrice: cny(1_000_000) },
          ],
          clauses: { ...leaseClauses, deposit: '' },
          rentPerMonth: cny(1_000_000),
          deposit: cny(2_000_000),
          lateFeePerDay: cny(500),
          visitsPerYear: 4,
        },
      }),
      201,
    );
    expect(draft).toMatchObject({ status: 'draft', kind: 'rental_lease' });
    const id = draft.id;
    const missing = expectProblem(
      await post(`contracts/${id}/submit-for-review`, {}, draft.version),
      422,
      'CONTRACTS.MISSING_CLAUSE',
    );
    expect(missing.detail).toContain('deposit');
    expectProblem(
      await post(
        `contracts/${id}/sign`,
        { party: 'customer', signer: 'Boss Li', method: 'paper' },
        draft.version,
      ),
      422,
      'CONTRACTS.REVIEW_REQUIRED',
    );
    const full = ok<Contract>(
      await post(
        `contracts/${id}/revise`,
        { terms: { ...draft.terms, clauses: leaseClauses } },
        draft.version,
      ),
    );
    const inReview = ok<Contract>(await post(`contracts/${id}/submit-for-review`, {}, full.version));
    expect(inReview.status).toBe('in_review');
    // Approving is legal's: another role is refused, nothing written.
    expectProblem(
      await writesNothing(() => post(`contracts/${id}/approve`, {}, inReview.version, finance)),
      403,
      'FORBIDDEN',
    );
    const returned = ok<Contract>(
      await post(
        `contracts/${id}/return`,
        { reasons: ['the late-payment penalty exceeds the legal cap'] },
        inReview.version,
        legal,
      ),
    );
    expect(returned).toMatchObject({
      status: 'returned',
      returnReasons: ['the late-payment penalty exceeds the legal cap'],
    });
    const fixed = ok<Contract>(
      await post(
        `contracts/${id}/revise`,
        {
          terms: {
            ...full.terms,
            clauses: { ...leaseClauses, latePaymentPenalty: '0.03% of the rent per day late' },
          },
        },
        returned.version,
      ),
    );
    const again = ok<Contract>(await post(`contracts/${id}/submit-for-review`, {}, fixed.version));
    const approved = ok<Contract>(await post(`contracts/${id}/approve`, {}, again.version, legal));
    expect(approved.status).toBe('approved');
    const one = ok<Contract>(
      await post(
        `contracts/${id}/sign`,
        { party: 'customer', signer: 'Boss Li', method: 'paper' },
        approved.version,
      ),
    );
    const signed = ok<Contract>(
      await post(
        `contracts/${id}/sign`,
        { party: 'provider', signer: 'Manager Wu', method: 'paper' },
        one.version,
      ),
    );
    expect(signed).toMatchObject({ status: 'active', termsVersion: 1 });

    // An amendment from a date ten days ahead raises the rent; until both sign, nothing changes.
    const from = day(10);
    const amend = await post(
      `contracts/${id}/amend`,
      { effectiveFrom: from, changes: { rentPerMonth: cny(1_200_000) } },
      signed.version,
    );
    const proposed = ok<Contract>(amend);
    expect(proposed.pending).toBeDefined();
    // A second amendment against the version the first one was written on: 409.
    expectProblem(
      await post(
        `contracts/${id}/amend`,
        { effectiveFrom: from, changes: { visitsPerYear: 6 } },
        signed.version,
      ),
      409,
      'EVENTSTORE.WRONG_EXPECTED_VERSION',
    );
    const half = ok<Contract>(
      await post(
        `contracts/${id}/sign-amendment`,
        { party: 'customer', signer: 'Boss Li', method: 'electronic' },
        proposed.version,
      ),
    );
    const amended = ok<Contract>(
      await post(
        `contracts/${id}/sign-amendment`,
        { party: 'provider', signer: 'Manager Wu', method: 'electronic' },
        half.version,
      ),
    );
    expect(amended.versions.map((v) => [v.version, v.effectiveFrom])).toEqual([
      [1, day(-40)],
      [2, from],
    ]);

    const termsOn = async (on: string) =>
      ok<{ version: number; terms: Terms }>(
        await api.get(`/api/v1/contracts/${id}/terms?on=${on}`).set(auth(admin)),
      );
    expect(await termsOn(day(9))).toMatchObject({ version: 1, terms: { rentPerMonth: cny(1_000_000) } });
    expect(await termsOn(from)).toMatchObject({ version: 2, terms: { rentPerMonth: cny(1_200_000) } });
    const asOf = ok<Contract>(await api.get(`/api/v1/contracts/${id}?asOf=${day(0)}`).set(auth(admin)));
    expect(asOf).toMatchObject({ termsVersion: 1, terms: { rentPerMonth: cny(1_000_000) } });
    expectProblem(
      await api.get(`/api/v1/contracts/${id}/terms?on=${day(-41)}`).set(auth(admin)),
      422,
      'CONTRACTS.NO_TERMS_IN_FORCE',
    );

    // The document of each version, with the hash both parties signed.
    const doc = ok<{
      version: number;
      text: string;
      contentHash: string;
      signedHash: string;
      matchesSigned: boolean;
    }>(await api.get(`/api/v1/contracts/${id}/document?version=2`).set(auth(admin)));
    expect(doc).toMatchObject({ version: 2, matchesSigned: true });
    expect(doc.text).toContain('Late-payment penalty');
    expect(doc.signedHash).toBe(doc.contentHash);

    // Finance reads the money, not the personal text.
    const forFinance = ok<Contract>(await api.get(`/api/v1/contracts/${id}`).set(auth(finance)));
    expect(forFinance.terms).toMatchObject({ rentPerMonth: cny(1_000_000), clauses: { deposit: '***' } });
    expect(forFinance.signatures.map((sig) => sig.signer)).toEqual(['***', '***']);

    const history = ok<{ entries: { type: string }[] }>(
      await api.get(`/api/v1/contracts/${id}/history`).set(auth(admin)),
    );
    expect(history.entries.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ContractReturned', 'AmendmentSigned']),
    );
    expect(history.entries.map((e) => e.type)).not.toContain('ExpiryNoticeSent');

    // A second amendment brings the end within a month: the expiry notice moves with it and is sent, once.
    const shortened = ok<Contract>(
      await post(
        `contracts/${id}/amend`,
        { effectiveFrom: day(11), changes: { endDate: day(20) } },
        amended.version,
      ),
    );
    const halfway = ok<Contract>(
      await post(
        `contracts/${id}/sign-amendment`,
        { party: 'customer', signer: 'Boss Li', method: 'paper' },
        shortened.version,
      ),
    );
    const ending = ok<Contract>(
      await post(
        `contracts/${id}/sign-amendment`,
        { party: 'provider', signer: 'Manager Wu', method: 'paper' },
        halfway.version,
      ),
    );
    expect(ending.versions.map((v) => [v.version, v.effectiveFrom, v.terms.endDate]).at(-1)).toEqual([
      3,
      day(11),
      day(20),
    ]);
    const notices = await poll('the expiry notice for the new end', async () => {
      const entries = ok<{ entries: { type: string }[] }>(
        await api.get(`/api/v1/contracts/${id}/history`).set(auth(admin)),
      ).entries.filter((e) => e.type === 'ExpiryNoticeSent');
      return entries.length > 0 ? entries : undefined;
    });
    expect(notices).toHaveLength(1);

    // Billing's terms were published at signing and at each signed amendment, one version each.
    const billing = await db.query<{ data: { version: number; rentPerMonth: Money } }>(
      `SELECT data FROM contracts.events WHERE type = 'ContractBillingTermsPublished' AND data->>'contractId' = $1
        ORDER BY stream_version`,
      [id],
    );
    expect(billing.rows.map((r) => [r.data.version, r.data.rentPerMonth.amount])).toEqual([
      [1, 1_000_000],
      [2, 1_200_000],
      [3, 1_200_000],
    ]);
  });

  it('keeps clauses and signers sealed at rest, unreadable once the customer is erased', async () => {
    const erasable = ok<{ id: string }>(
      await api
        .post('/api/v1/customers')
        .set(auth(admin))
        .send({ name: 'Learner Qian', phone: '+86 138 1234 0002', channel: 'walk_in' }),
      201,
    ).id;
    const draft = ok<Contract>(
      await post('contracts', {
        kind: 'warranty',
        customerId: erasable,
        line: 'after_sales_repair',
        terms: {
          startDate: day(0),
          endDate: day(365),
          items: [{ kind: 'equipment', description: 'gearbox GX-5', quantity: 1, unitPrice: cny(0) }],
          clauses: {
            items: 'the gearbox sold to Qian Wei',
            term: 'one year',
            maintenanceDuties: 'parts and labour for defects',
            breachLiability: 'replacement',
          },
        },
      }),
      201,
    );
    const once = ok<Contract>(
      await post(
        `contracts/${draft.id}/sign`,
        { party: 'customer', signer: 'Qian Wei', method: 'paper' },
        draft.version,
      ),
    );
    ok<Contract>(
      await post(
        `contracts/${draft.id}/sign`,
        { party: 'provider', signer: 'Clerk Sun', method: 'paper' },
        once.version,
      ),
    );
    const { rows } = await db.query<{ items: string; signer: string | null }>(
      `SELECT data->'terms'->'clauses'->>'items' AS items, data->>'signer' AS signer FROM contracts.events
        WHERE stream_id LIKE '%' || $1 ORDER BY stream_version`,
      [draft.id],
    );
    expect(rows[0]?.items).toMatch(/^enc:v1:/);
    expect(rows[1]?.signer).toMatch(/^enc:v1:/);
    expect(JSON.stringify(rows)).not.toContain('Qian Wei');

    await api
      .post(`/api/v1/customers/${erasable}/erase`)
      .set(auth(admin))
      .send({ reason: 'asked to be forgotten' })
      .expect(200);
    const erased = await poll('the contract’s text unreadable', async () => {
      const contract = ok<Contract>(await api.get(`/api/v1/contracts/${draft.id}`).set(auth(admin)));
      return contract.terms.clauses['items'] === '[erased]' ? contract : undefined;
    });
    expect(erased.signatures.map((sig) => sig.signer)).toEqual(['[erased]', '[erased]']);
    expect(erased.terms.items).toEqual([
      expect.objectContaining({ description: 'gearbox GX-5', quantity: 1 }),
    ]);
    // Nothing personal can be written of them any more.
    expectProblem(
      await writesNothing(() =>
        post(`contracts/${draft.id}/terminate`, { reason: 'customer gone' }, erased.version),
      ),
      422,
      'CONTRACTS.CUSTOMER_ERASED',
    );
    // Nor a new contract of theirs: no key is made for an erased customer again.
    expectProblem(
      await writesNothing(() =>
        post('contracts', {
          kind: 'warranty',
          customerId: erasable,
          line: 'after_sales_repair',
          terms: { startDate: day(0), endDate: day(30), items: [], clauses: {} },
        }),
      ),
      422,
      'CONTRACTS.CUSTOMER_ERASED',
    );
    const keys = await db.query('SELECT 1 FROM contracts.data_keys WHERE customer_id = $1', [erasable]);
    expect(keys.rowCount).toBe(0);
  });

  it('a renewal follow-up: opened by the notice for the signer, listed by owner, closed once with an outcome', async () => {
    const draft = ok<Contract>(
      await post(
        'contracts',
        {
          kind: 'service_package',
          customerId,
          line: 'driving_practice',
          terms: {
            startDate: day(-20),
            endDate: day(10),
            items: [
              { kind: 'service', description: 'practice session', quantity: 4, unitPrice: cny(20_000) },
            ],
            clauses: {
              items: 'four sessions',
              fees: 'in advance',
              term: 'a month',
              breachLiability: 'forfeited',
            },
          },
        },
        undefined,
      ),
      201,
    );
    const once = ok<Contract>(
      await post(
        `contracts/${draft.id}/sign`,
        { party: 'customer', signer: 'Zhao', method: 'paper' },
        draft.version,
      ),
    );
    ok<Contract>(
      await post(
        `contracts/${draft.id}/sign`,
        { party: 'provider', signer: 'Wang', method: 'paper' },
        once.version,
      ),
    );
    type FollowUp = { contractId: string; version: number; owner: string; status: string; endDate: string };
    const follows = async (query: string) =>
      ok<{ items: FollowUp[] }>(
        await api.get(`/api/v1/contracts/renewal-follow-ups?${query}`).set(auth(admin)),
      ).items;
    // The notice is due a month before the end: at once.
    const open = await poll('the follow-up opened', async () =>
      (await follows('status=open')).find((f) => f.contractId === draft.id),
    );
    expect(open.endDate).toBe(day(10));
    expect((await follows(`owner=${open.owner}&status=open`)).map((f) => f.contractId)).toContain(draft.id);

    const closed = ok<FollowUp>(
      await post(`contracts/${draft.id}/close-follow-up`, { outcome: 'done' }, open.version),
    );
    expect(closed).toMatchObject({ contractId: draft.id, status: 'done', owner: open.owner });
    expectProblem(
      await post(`contracts/${draft.id}/close-follow-up`, { outcome: 'dropped' }, closed.version),
      422,
      'CONTRACTS.NO_OPEN_FOLLOW_UP',
    );
    expectProblem(
      await post(`contracts/${draft.id}/close-follow-up`, { outcome: 'renewed' }, closed.version),
      400,
      'VALIDATION',
    );
    expectProblem(
      await api.get('/api/v1/contracts/renewal-follow-ups?status=closed').set(auth(admin)),
      400,
      'VALIDATION',
    );
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const terms = {
      startDate: day(0),
      endDate: day(30),
      items: [{ kind: 'service', description: 'practice session', quantity: 10, unitPrice: cny(20_000) }],
      clauses: { items: 'ten sessions' },
    };
    const body = { kind: 'service_package', customerId, line: 'driving_practice', terms };
    // Money as a float: the schema says integer minor units.
    const float = await writesNothing(() =>
      post('contracts', {
        ...body,
        terms: { ...terms, items: [{ ...terms.items[0], unitPrice: { amount: 199.5, currency: 'CNY' } }] },
      }),
    );
    expectProblem(float, 400, 'VALIDATION');
    // An end before the start: a rule across two well-formed dates.
    expectProblem(
      await writesNothing(() => post('contracts', { ...body, terms: { ...terms, endDate: day(-1) } })),
      422,
      'CONTRACTS.END_BEFORE_START',
    );
    // An unknown field.
    expectProblem(
      await writesNothing(() => post('contracts', { ...body, colour: 'red' })),
      400,
      'VALIDATION',
    );
    // An amendment to a draft: the state and the command are named.
    const draft = ok<Contract>(await post('contracts', body), 201);
    const illegal = expectProblem(
      await writesNothing(() =>
        post(
          `contracts/${draft.id}/amend`,
          { effectiveFrom: day(1), changes: { visitsPerYear: 2 } },
          draft.version,
        ),
      ),
      422,
      'CONTRACTS.ILLEGAL_TRANSITION',
    );
    expect(illegal.detail).toContain('draft');
    expect(illegal.detail).toContain('AmendContract');
    // A quote priced in a float, too.
    expectProblem(
      await writesNothing(() =>
        post('proposals', {
          customerId,
          line: 'driving_practice',
          kind: 'service_package',
          items: [
            {
              kind: 'service',
              description: 'session',
              quantity: 1,
              unitPrice: { amount: 0.5, currency: 'CNY' },
            },
          ],
          paymentTerms: 'cash',
          startDate: day(0),
          endDate: day(10),
          validUntil: day(5),
        }),
      ),
      400,
      'VALIDATION',
    );

    // Another tenant's contract is not found from here, and is not changed.
    const operator = await token('operator', OPERATOR_PASSWORD, PLATFORM_TENANT_ID);
    const b = { username: 'boss-c', password: 'c-admin-password', displayName: 'Boss of C' };
    await api
      .post('/api/v1/tenants')
      .set(auth(operator))
      .send({ name: 'Tenant C Rentals', timeZone: 'Asia/Shanghai', admin: b })
      .expect(201);
    const adminB = await token(b.username, b.password);
    const theirs = ok<Contract>(await post('contracts', body, undefined, adminB), 201);
    expectProblem(
      await api.get(`/api/v1/contracts/${theirs.id}`).set(auth(admin)),
      404,
      'CONTRACTS.CONTRACT_NOT_FOUND',
    );
    expectProblem(
      await writesNothing(() => post(`contracts/${theirs.id}/submit-for-review`, {}, theirs.version)),
      404,
      'CONTRACTS.CONTRACT_NOT_FOUND',
    );
  });
});
